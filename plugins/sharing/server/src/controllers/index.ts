import documents from './documents';
import grants from './grants';

export default {
  documents,
  grants,
};
