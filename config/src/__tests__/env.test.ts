import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  REPO_ROOT,
  SECRET_NAMES,
  envSchema,
  loadConfig,
  loadSiteConfig,
} from '../env';
import { envTable } from '../env-docs';
import { LOCALES } from '../locales';

const tmp = () => mkdtempSync(join(tmpdir(), 'mobio-config-'));
const SECRETS = {
  APP_KEYS: 'aaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb',
  API_TOKEN_SALT: 'x'.repeat(32),
  ADMIN_JWT_SECRET: 'x'.repeat(32),
  TRANSFER_TOKEN_SALT: 'x'.repeat(32),
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: 'x'.repeat(32),
  DOCUMENTS_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  CLIENT_ADDRESS_SECRET: 'y'.repeat(32),
};
const load = (env: Record<string, string>) =>
  loadConfig({ env: { ...SECRETS, ...env }, envFile: join(tmp(), '.env') });

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on SQLite in the repository with no configuration but the secrets', () => {
    const config = load({});
    expect(config.database).toEqual({
      client: 'sqlite',
      filename: join(REPO_ROOT, 'database/data/mobio.db'),
    });
    expect(config.cms.internalUrl).toBe('http://127.0.0.1:1337');
    expect(config.uploads.maxBytes).toBe(20 * 1024 * 1024);
    expect(config.mail.smtp).toBeUndefined();
  });

  it('treats an empty value as unset, as the Strapi generator writes DATABASE_FILENAME=', () => {
    expect(load({ DATABASE_FILENAME: '' }).database).toMatchObject({
      filename: join(REPO_ROOT, 'database/data/mobio.db'),
    });
  });

  it('keeps absolute paths and resolves relative ones from the repository', () => {
    expect(load({ DATABASE_FILENAME: '/var/lib/mobio/db.sqlite' }).database).toMatchObject({
      filename: '/var/lib/mobio/db.sqlite',
    });
    expect(load({ DOCUMENTS_DIR: 'x/docs' }).uploads.documentsDir).toBe(join(REPO_ROOT, 'x/docs'));
  });

  it('reads PostgreSQL settings', () => {
    const config = load({
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: 'db',
      DATABASE_PORT: '5433',
      DATABASE_SSL: 'true',
    });
    expect(config.database).toMatchObject({
      client: 'postgres',
      host: 'db',
      port: 5433,
      ssl: true,
      database: 'mobio',
    });
  });

  it.each([
    [{ CMS_PORT: 'abc' }, 'CMS_PORT: expected a port number'],
    [{ SITE_PORT: '70000' }, 'SITE_PORT: expected a port number from 1 to 65535'],
    [{ DATABASE_CLIENT: 'mysql' }, 'DATABASE_CLIENT: expected sqlite or postgres'],
    [{ SITE_PUBLIC_URL: 'mobio.example.org' }, 'SITE_PUBLIC_URL: expected an http(s) URL'],
    [{ DATABASE_SSL: 'maybe' }, 'DATABASE_SSL: expected true or false'],
    [{ UPLOAD_MAX_BYTES: '10' }, 'UPLOAD_MAX_BYTES: expected at least 1024 bytes'],
    [{ GRANT_DEFAULT_DAYS: '2000' }, 'GRANT_DEFAULT_DAYS: expected at most 1464 days (4 years)'],
    [{ MAIL_FROM: 'not-an-address' }, 'MAIL_FROM: expected an e-mail address'],
    [{ APP_KEYS: 'onlyonekeyofsixteen' }, 'APP_KEYS: expected at least two keys'],
    [
      { DOCUMENTS_MASTER_KEY: 'dG9vIHNob3J0' },
      'DOCUMENTS_MASTER_KEY: expected 32 random bytes in base64',
    ],
    [{ ADMIN_EMAIL: 'chef@example.org' }, 'ADMIN_PASSWORD: is missing'],
    [
      { ADMIN_EMAIL: 'chef@example.org', ADMIN_PASSWORD: 'short' },
      'ADMIN_PASSWORD: expected at least 8 characters',
    ],
    [{ NODE_ENV: 'production' }, 'SMTP_HOST: is missing'],
  ])('refuses %j naming the variable and what it expects', (env, message) => {
    expect(problems(() => load(env)).join('\n')).toContain(message);
  });

  it('names every missing secret at once', () => {
    const found = problems(() => loadConfig({ env: {}, envFile: join(tmp(), '.env') }));
    for (const name of SECRET_NAMES) expect(found.join('\n')).toContain(`${name}: is missing`);
  });
});

describe('secrets on first start', () => {
  it('are generated into the env file with mode 600, said once, and kept on the next start', () => {
    const file = join(tmp(), '.env');
    writeFileSync(file, 'MUNICIPALITY_NAME=Landkreis Beispiel\n');
    const said: string[] = [];
    const first = loadConfig({
      env: {},
      envFile: file,
      generateSecrets: true,
      log: (m) => said.push(m),
    });
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('DOCUMENTS_MASTER_KEY');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.municipality.name).toBe('Landkreis Beispiel');
    expect(Buffer.from(first.secrets.documentsMasterKey, 'base64')).toHaveLength(32);

    const second = loadConfig({
      env: {},
      envFile: file,
      generateSecrets: true,
      log: (m) => said.push(m),
    });
    expect(said).toHaveLength(1);
    expect(second.secrets).toEqual(first.secrets);
  });

  it('never replace a secret that is set', () => {
    const file = join(tmp(), '.env');
    loadConfig({
      env: { JWT_SECRET: 'y'.repeat(40) },
      envFile: file,
      generateSecrets: true,
      log: () => {},
    });
    expect(readFileSync(file, 'utf8')).not.toMatch(/^JWT_SECRET=/m);
  });
});

describe('loadSiteConfig', () => {
  it('needs no secret, so the site never holds one', () => {
    const config = loadSiteConfig({ env: { SITE_PORT: '8080' }, envFile: join(tmp(), '.env') });
    expect(config.site.port).toBe(8080);
    expect(JSON.stringify(config)).not.toMatch(/secret|password|key/i);
  });
  it('refuses a wrong site value', () => {
    expect(
      problems(() =>
        loadSiteConfig({ env: { CMS_INTERNAL_URL: 'ftp://x' }, envFile: join(tmp(), '.env') }),
      ).join(),
    ).toContain('CMS_INTERNAL_URL');
  });
});

describe('LOCALES', () => {
  const site = (LOCALES?: string) =>
    loadSiteConfig({ env: LOCALES === undefined ? {} : { LOCALES }, envFile: join(tmp(), '.env') });

  it('offers every language with catalogues when unset, and the listed ones in their order when set', () => {
    expect(site().locales).toEqual([...LOCALES]);
    expect(site('de, fr,ar').locales).toEqual(['de', 'fr', 'ar']);
    expect(load({ LOCALES: 'de,en' }).locales).toEqual(['de', 'en']);
  });

  it('refuses an unknown code, naming it', () => {
    expect(problems(() => site('de,xx')).join()).toMatch(/LOCALES: unknown language "xx"/);
  });

  it('refuses a list without German, and one that names a language twice', () => {
    expect(problems(() => site('en')).join()).toMatch(/LOCALES: must include de/);
    expect(problems(() => load({ LOCALES: 'de,en,de' })).join()).toMatch(
      /LOCALES: names a language twice/,
    );
  });
});

describe('the configuration table in docs/configuration.md', () => {
  it('is exactly the table generated from the schema (npm run docs:config writes it)', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/configuration.md'), 'utf8');
    const table =
      doc.split('<!-- config-table:start -->')[1]?.split('<!-- config-table:end -->')[0] ?? '';
    expect(table.trim(), 'run npm run docs:config').toBe(envTable());
  });

  it('has a row, with a meaning, for every variable of the schema', () => {
    const table = envTable();
    const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` \| [^|]+ \| [^|]+/gm)].map(
      (match) => match[1],
    );
    expect(documented).toEqual(Object.keys(envSchema.shape));
  });
});
