import clientAddress from './client-address';
import requestBody from './request-body';

export default {
  'client-address': clientAddress,
  'request-body': requestBody,
};
