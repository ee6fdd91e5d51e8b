import account from './account';
import documents from './documents';
import grants from './grants';
import plans from './plans';

export default {
  account,
  documents,
  grants,
  plans,
};
