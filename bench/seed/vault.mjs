// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The sharing plugin's compiled vault format, from the plugin package (CommonJS).
const require = createRequire(import.meta.url);
const {
  newFileKey,
  sealSegment,
} = require('@mobio/strapi-plugin-sharing/server/vault/file-format');

/** The content of every seeded certificate: a small PDF. */
export const FILE_TEXT = Buffer.from(
  `%PDF-1.7\n% MoBio benchmark certificate\n${'0 0 0 RG 10 10 m 200 200 l S\n'.repeat(40)}%%EOF\n`,
);

/** One encrypted vault file, exactly as the upload route writes it (format 2: header, one last segment). */
export function writeVaultFile(documentsDir, masterKey, storageKey) {
  const { fileKey, noncePrefix, header } = newFileKey(masterKey);
  // The certificate is smaller than a segment: one segment, sealed as the last.
  const body = Buffer.concat([
    header,
    sealSegment({ fileKey, iv: noncePrefix }, 0, true, FILE_TEXT),
  ]);
  const dir = join(documentsDir, storageKey.slice(0, 2));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, storageKey), body, { mode: 0o600 });
}
