import isNewcomer from './is-newcomer';

export default {
  'is-newcomer': isNewcomer,
};
