import rawUpload from './raw-upload';

export default {
  'raw-upload': rawUpload,
};
