import access from './access';
import audit from './audit';
import grant from './grant';

export default {
  access,
  audit,
  grant,
};
