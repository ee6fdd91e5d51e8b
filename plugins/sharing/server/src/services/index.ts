import access from './access';
import audit from './audit';
import erasure from './erasure';
import grant from './grant';
import vault from './vault';

export default {
  access,
  audit,
  erasure,
  grant,
  vault,
};
