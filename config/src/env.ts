import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { z } from 'zod';
import type { Config, SiteConfig } from './config-types.js';
import { envSchema, type Env } from './env-schema.js';
import { REPO_ROOT, resolveFromRoot } from './root.js';
import { ensureSecrets } from './secrets.js';

// The loading side of the configuration; the schema (what each variable means) is env-schema.ts.
// Everything the configuration offers is exported from here, as `@mobio/config/env`.
export { REPO_ROOT, resolveFromRoot } from './root.js';
export { envSchema, SECRET_NAMES, type Env } from './env-schema.js';
export type { Config, SiteConfig } from './config-types.js';
export { ensureSecrets } from './secrets.js';

/** Thrown when the environment is wrong; the message names each variable and what it expects. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `MoBio cannot start, the configuration is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  /** Variables to read; defaults to process.env. They win over the env file. */
  env?: Record<string, string | undefined>;
  /** The env file; defaults to MOBIO_ENV_FILE or .env in the repository's top folder. */
  envFile?: string;
  /** Write missing secrets into the env file (what a first start does). */
  generateSecrets?: boolean;
  /** Where to say that secrets were generated. */
  log?: (message: string) => void;
}

function readEnvFile(file: string): Record<string, string> {
  return existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** The env file in use: MOBIO_ENV_FILE, or .env in the repository's top folder. */
export function envFilePath(env: Record<string, string | undefined> = process.env): string {
  return resolveFromRoot(env.MOBIO_ENV_FILE || '.env');
}

/** The keys of the environment schema that the site reads: no database, one secret (below). */
const SITE_KEYS = {
  NODE_ENV: true,
  HOST: true,
  CMS_PORT: true,
  SITE_PORT: true,
  CMS_PUBLIC_URL: true,
  SITE_PUBLIC_URL: true,
  CMS_INTERNAL_URL: true,
  LOCALES: true,
  UPLOAD_MAX_BYTES: true,
  IMPORT_MAX_BYTES: true,
  MUNICIPALITY_NAME: true,
  BRAND_COLOR: true,
  BRAND_LOGO: true,
  MUNICIPALITY_ADDRESS: true,
  MUNICIPALITY_EMAIL: true,
  MUNICIPALITY_PHONE: true,
  PRIVACY_OFFICER_NAME: true,
  PRIVACY_OFFICER_EMAIL: true,
  GRANT_DEFAULT_DAYS: true,
} as const;

function readRaw(options: LoadOptions) {
  const processEnv = options.env ?? process.env;
  const file = options.envFile ?? envFilePath(processEnv);
  const raw: Record<string, string | undefined> = { ...readEnvFile(file), ...processEnv };
  return { processEnv, file, raw };
}

function parse<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, string | undefined>,
): z.output<S> {
  // An empty value means "not set", as the Strapi generator writes `DATABASE_FILENAME=`.
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, raw[key] === '' ? undefined : raw[key]]),
  );
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const message =
        issue.code === 'invalid_type' && raw[name] === undefined
          ? `is missing (${issue.message})`
          : issue.message;
      return `${name}: ${message}`;
    }),
  );
}

function municipalityOf(
  e: Pick<
    Env,
    | 'MUNICIPALITY_NAME'
    | 'MUNICIPALITY_ADDRESS'
    | 'MUNICIPALITY_EMAIL'
    | 'MUNICIPALITY_PHONE'
    | 'PRIVACY_OFFICER_NAME'
    | 'PRIVACY_OFFICER_EMAIL'
    | 'BRAND_COLOR'
    | 'BRAND_LOGO'
  >,
) {
  return {
    name: e.MUNICIPALITY_NAME,
    address: e.MUNICIPALITY_ADDRESS,
    email: e.MUNICIPALITY_EMAIL,
    phone: e.MUNICIPALITY_PHONE,
    privacyOfficer: { name: e.PRIVACY_OFFICER_NAME, email: e.PRIVACY_OFFICER_EMAIL },
    brand: { color: e.BRAND_COLOR, logo: e.BRAND_LOGO ? resolveFromRoot(e.BRAND_LOGO) : undefined },
  };
}

const cmsOf = (e: Pick<Env, 'CMS_PORT' | 'CMS_PUBLIC_URL' | 'CMS_INTERNAL_URL'>) => ({
  port: e.CMS_PORT,
  publicUrl: e.CMS_PUBLIC_URL,
  internalUrl: e.CMS_INTERNAL_URL ?? `http://127.0.0.1:${e.CMS_PORT}`,
});

const sharingOf = (e: Pick<Env, 'GRANT_DEFAULT_DAYS'>) => ({
  defaultGrantDays: e.GRANT_DEFAULT_DAYS,
  maxGrantDays: 4 * 366,
});

/** Reads and checks the site's part of the configuration. Throws a ConfigError naming every wrong variable. */
export function loadSiteConfig(options: LoadOptions = {}): SiteConfig {
  const e = parse(
    envSchema
      .pick(SITE_KEYS)
      .extend({ CLIENT_ADDRESS_SECRET: envSchema.shape.CLIENT_ADDRESS_SECRET.optional() }),
    readRaw(options).raw,
  );
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    locales: e.LOCALES,
    site: { port: e.SITE_PORT, publicUrl: e.SITE_PUBLIC_URL },
    cms: cmsOf(e),
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, importMaxBytes: e.IMPORT_MAX_BYTES },
    municipality: municipalityOf(e),
    sharing: sharingOf(e),
    clientAddressSecret: e.CLIENT_ADDRESS_SECRET,
  };
}

/**
 * Reads, checks and shapes the CMS configuration. Throws a ConfigError naming every wrong variable.
 * With `generateSecrets`, absent secrets are created first and the log says so.
 */
export function loadConfig(options: LoadOptions = {}): Config {
  let { processEnv, file, raw } = readRaw(options);
  if (options.generateSecrets) {
    const generated = ensureSecrets(file, raw);
    if (generated.length > 0) {
      (options.log ?? console.log)(
        `[mobio] Generated ${generated.join(', ')} into ${file} (first start).`,
      );
      raw = { ...readEnvFile(file), ...processEnv };
    }
  }
  const e = parse(envSchema, raw);
  if (e.ADMIN_EMAIL && !e.ADMIN_PASSWORD)
    throw new ConfigError(['ADMIN_PASSWORD: is missing (expected with ADMIN_EMAIL)']);
  if (e.NODE_ENV === 'production' && !e.SMTP_HOST) {
    throw new ConfigError([
      'SMTP_HOST: is missing (expected in production: password resets and notices are sent by e-mail)',
    ]);
  }

  return {
    env: e.NODE_ENV,
    root: REPO_ROOT,
    host: e.HOST,
    locales: e.LOCALES,
    cms: cmsOf(e),
    site: { port: e.SITE_PORT, publicUrl: e.SITE_PUBLIC_URL },
    database:
      e.DATABASE_CLIENT === 'sqlite'
        ? { client: 'sqlite', filename: resolveFromRoot(e.DATABASE_FILENAME) }
        : {
            client: 'postgres',
            host: e.DATABASE_HOST,
            port: e.DATABASE_PORT,
            database: e.DATABASE_NAME,
            user: e.DATABASE_USERNAME,
            password: e.DATABASE_PASSWORD,
            schema: e.DATABASE_SCHEMA,
            ssl: e.DATABASE_SSL,
          },
    secrets: {
      appKeys: e.APP_KEYS,
      apiTokenSalt: e.API_TOKEN_SALT,
      adminJwtSecret: e.ADMIN_JWT_SECRET,
      transferTokenSalt: e.TRANSFER_TOKEN_SALT,
      jwtSecret: e.JWT_SECRET,
      encryptionKey: e.ENCRYPTION_KEY,
      documentsMasterKey: e.DOCUMENTS_MASTER_KEY,
      documentsPreviousMasterKey: e.DOCUMENTS_MASTER_KEY_PREVIOUS,
      clientAddressSecret: e.CLIENT_ADDRESS_SECRET,
    },
    mail: {
      smtp: e.SMTP_HOST
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            user: e.SMTP_USERNAME,
            password: e.SMTP_PASSWORD,
          }
        : undefined,
      from: e.MAIL_FROM,
      replyTo: e.MAIL_REPLY_TO,
    },
    uploads: {
      maxBytes: e.UPLOAD_MAX_BYTES,
      importMaxBytes: e.IMPORT_MAX_BYTES,
      importMaxJsonBytes: e.IMPORT_MAX_JSON_BYTES,
      documentsDir: resolveFromRoot(e.DOCUMENTS_DIR),
      tempDir: resolveFromRoot(e.UPLOAD_TEMP_DIR),
    },
    municipality: municipalityOf(e),
    sharing: sharingOf(e),
    retention: {
      inactiveDays: e.RETENTION_INACTIVE_DAYS,
      noticeDays: e.RETENTION_NOTICE_DAYS,
      schedule: e.RETENTION_SCHEDULE,
    },
    accounts: {
      erasureNoticeDays: e.ACCOUNT_ERASURE_NOTICE_DAYS,
      lookupsPerHour: e.ACCOUNT_LOOKUPS_PER_HOUR,
    },
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? {
            email: e.ADMIN_EMAIL,
            password: e.ADMIN_PASSWORD,
            firstname: e.ADMIN_FIRSTNAME,
            lastname: e.ADMIN_LASTNAME,
          }
        : undefined,
  };
}
