import account from './account';
import documents from './documents';
import grants from './grants';
import health from './health';
import plans from './plans';
import staff from './staff';

export default {
  account,
  documents,
  grants,
  health,
  plans,
  staff,
};
