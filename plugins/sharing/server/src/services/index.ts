import access from './access';
import audit from './audit';

export default {
  access,
  audit,
};
