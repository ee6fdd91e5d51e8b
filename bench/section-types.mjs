// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';

/**
 * Which content type holds each sharing section, read where the plugin reads it: the schemas'
 * `pluginOptions.sharing` (frozen plan versions, `readOnly`, are left out). For the seed, which
 * writes rows without a running Strapi.
 * @returns {Record<string, string>}
 */
export function sectionTypes() {
  const api = join(REPO_ROOT, 'cms', 'src', 'api');
  /** @type {Record<string, string>} */
  const types = {};
  for (const name of readdirSync(api)) {
    let schema;
    try {
      schema = JSON.parse(
        readFileSync(join(api, name, 'content-types', name, 'schema.json'), 'utf8'),
      );
    } catch {
      continue;
    }
    const sharing = schema.pluginOptions?.sharing;
    if (sharing?.section && !sharing.readOnly) types[sharing.section] = `api::${name}.${name}`;
  }
  return types;
}
