import clientAddress from './client-address';
import rawUpload from './raw-upload';

export default {
  'client-address': clientAddress,
  'raw-upload': rawUpload,
};
