export default [
  // First: every limit and log line after it sees the person's address (named by the site or nginx).
  'plugin::sharing.client-address',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Before the body parser: private documents are streamed raw into the vault, never parsed to disk.
  'plugin::sharing.raw-upload',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
