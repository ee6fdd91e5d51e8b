import requestBody from './request-body';

export default {
  'request-body': requestBody,
};
