import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@mobio/config';
import { pluginConfigSchema } from '..';

// A first start's configuration: the secrets are generated into a fresh env file.
const mobio = () =>
  loadConfig({
    env: {},
    envFile: join(mkdtempSync(join(tmpdir(), 'mobio-plugin-config-')), '.env'),
    generateSecrets: true,
    log: () => {},
  });

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
    const parsed = pluginConfigSchema.safeParse({
      ...config,
      municipality: { ...config.municipality, brand: { color: 'red' } },
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'municipality.brand.color',
    ]);
  });
});
