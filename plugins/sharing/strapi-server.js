'use strict';

// Strapi loads only .js entries of a local plugin (a .ts entry is silently ignored), so the
// TypeScript server is compiled to dist/ by `npm run build` and loaded from there.
module.exports = require('./dist/server').default;
