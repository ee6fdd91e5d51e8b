import account from './account';
import documents from './documents';
import grants from './grants';

export default {
  account,
  documents,
  grants,
};
