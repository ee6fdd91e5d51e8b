import account from './account';
import accounts from './accounts';
import catalogue from './catalogue';
import documents from './documents';
import grants from './grants';
import health from './health';
import plans from './plans';
import recovery from './recovery';
import staff from './staff';
import workList from './work-list';

export default {
  account,
  accounts,
  catalogue,
  documents,
  grants,
  health,
  plans,
  recovery,
  staff,
  'work-list': workList,
};
