import account from './account';
import documents from './documents';
import grants from './grants';
import plans from './plans';
import staff from './staff';

export default {
  account,
  documents,
  grants,
  plans,
  staff,
};
