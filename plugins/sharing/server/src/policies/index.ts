import isNewcomer from './is-newcomer';
import isStaff from './is-staff';

export default {
  'is-newcomer': isNewcomer,
  'is-staff': isStaff,
};
