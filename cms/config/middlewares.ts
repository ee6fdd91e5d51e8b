export default [
  // First: every limit and log line after it sees the person's address (named by the site or nginx).
  'plugin::sharing.client-address',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Before the body parser: private documents are streamed raw into the vault, never parsed to disk,
  // and a multipart body is parsed only on the media library's upload, into a folder of its request.
  'plugin::sharing.request-body',
  // Never multipart here: the parser runs before routing and login, and writes file parts to disk.
  { name: 'strapi::body', config: { multipart: false } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
