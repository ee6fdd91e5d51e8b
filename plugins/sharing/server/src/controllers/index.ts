import grants from './grants';

export default {
  grants,
};
