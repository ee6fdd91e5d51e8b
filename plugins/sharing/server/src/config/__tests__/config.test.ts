import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@mobio/config';
import { pluginConfigSchema } from '..';

const SECRETS = {
  APP_KEYS: 'aaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb',
  API_TOKEN_SALT: 'x'.repeat(32),
  ADMIN_JWT_SECRET: 'x'.repeat(32),
  TRANSFER_TOKEN_SALT: 'x'.repeat(32),
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: 'x'.repeat(32),
  DOCUMENTS_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const mobio = () => loadConfig({ env: SECRETS, envFile: join(mkdtempSync(join(tmpdir(), 'mobio-plugin-config-')), '.env') });

describe('the plugin configuration', () => {
  it('accepts the configuration the CMS makes from the environment', () => {
    expect(pluginConfigSchema.safeParse(mobio()).success).toBe(true);
  });
  it('refuses a configuration that lacks a part the plugin reads, naming it', () => {
    const { uploads, ...withoutUploads } = mobio();
    const parsed = pluginConfigSchema.safeParse(withoutUploads);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['uploads']);
    expect(uploads.maxBytes).toBeGreaterThan(0);
  });
  it('refuses a wrong value inside a part', () => {
    const config = mobio();
    const parsed = pluginConfigSchema.safeParse({ ...config, municipality: { ...config.municipality, brand: { color: 'red' } } });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['municipality.brand.color']);
  });
});
