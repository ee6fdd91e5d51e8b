import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';

/** The repository's top folder: relative paths in the configuration are resolved from here. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const MB = 1024 * 1024;

/** Secrets the deployment needs; generated into the env file on first start when absent. */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'DOCUMENTS_MASTER_KEY',
  'CLIENT_ADDRESS_SECRET',
] as const;
type SecretName = (typeof SECRET_NAMES)[number];

const secret = (what: string) =>
  z.string({ error: `expected ${what}` }).min(16, `expected ${what} of at least 16 characters`);

const masterKey = z
  .string({ error: 'expected 32 random bytes in base64' })
  .refine(
    (value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value),
    {
      error:
        'expected 32 random bytes in base64 (openssl rand -base64 32); losing this key loses every document',
    },
  );

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port number from 1 to 65535')
    .max(65535, 'expected a port number from 1 to 65535')
    .default(fallback);

const bool = (fallback: boolean) =>
  z.stringbool({ error: 'expected true or false' }).default(fallback);

const httpUrl = z.url({
  protocol: /^https?$/,
  error: 'expected an http(s) URL such as https://mobio.example.org',
});
const url = (fallback: string) => httpUrl.default(fallback);

const optionalText = z.string().trim().min(1).optional();
const email = z.email({ error: 'expected an e-mail address' });

/** The languages an installation offers: known codes (a catalogue each), German among them, each once. */
const offeredLocales = z
  .string()
  .transform((value) => value.split(',').map((code) => code.trim()))
  .pipe(
    z
      .array(
        z.enum(LOCALES, {
          error: (issue) =>
            `unknown language "${String(issue.input)}" (MoBio has catalogues for ${LOCALES.join(', ')})`,
        }),
      )
      .refine(
        (codes) => codes.includes(DEFAULT_LOCALE),
        `must include ${DEFAULT_LOCALE}: German is the working language and the fallback`,
      )
      .refine((codes) => new Set(codes).size === codes.length, 'names a language twice'),
  )
  .default([...LOCALES]);

/**
 * Every environment variable MoBio reads, with its default and (`.describe()`, outermost) what it
 * means. The table in docs/configuration.md is generated from this object (`envTable` in
 * env-docs.ts) and a test checks it, so a variable cannot be added without being documented.
 * `defaultText` names a default that is not the schema's own (computed when the config loads).
 */
export const envSchema = z.object({
  MOBIO_ENV_FILE: z
    .string()
    .min(1)
    .optional()
    .meta({ defaultText: '`.env`' })
    .describe('env file to read and to write generated secrets into'),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'expected development, production or test',
    })
    .default('development')
    .describe('`development`, `production` or `test`'),
  HOST: z.string().min(1).default('127.0.0.1').describe('address both servers listen on'),
  CMS_PORT: port(1337).describe('port of the CMS (admin panel and API)'),
  SITE_PORT: port(4321).describe('port of the newcomer site'),
  CMS_PUBLIC_URL: url('http://localhost:1337').describe('public URL of the CMS'),
  SITE_PUBLIC_URL: url('http://localhost:4321').describe('public URL of the site'),
  CMS_INTERNAL_URL: httpUrl
    .optional()
    .meta({ defaultText: '`http://127.0.0.1:<CMS_PORT>`' })
    .describe('how the site reaches the CMS'),
  /** The languages offered, comma-separated (de,en,ar,fa,fr,uk); all that have catalogues when unset. */
  LOCALES: offeredLocales
    .meta({ defaultText: 'every language with catalogues' })
    .describe(
      "languages offered, comma-separated in the switcher's order, `de` among them (e.g. `de,en,ar,fa,fr,uk`); the site needs a rebuild after a change",
    ),

  DATABASE_CLIENT: z
    .enum(['sqlite', 'postgres'], { error: 'expected sqlite or postgres' })
    .default('sqlite')
    .describe('`sqlite` or `postgres`'),
  DATABASE_FILENAME: z
    .string()
    .min(1)
    .default('database/data/mobio.db')
    .describe('SQLite file (relative to the repository)'),
  DATABASE_HOST: z.string().min(1).default('127.0.0.1').describe('PostgreSQL host'),
  DATABASE_PORT: port(5432).describe('PostgreSQL port'),
  DATABASE_NAME: z.string().min(1).default('mobio').describe('PostgreSQL database'),
  DATABASE_USERNAME: z.string().min(1).default('mobio').describe('PostgreSQL user'),
  DATABASE_PASSWORD: z.string().default('').describe('PostgreSQL password'),
  DATABASE_SCHEMA: z.string().min(1).default('public').describe('PostgreSQL schema'),
  DATABASE_SSL: bool(false).describe('TLS to PostgreSQL (certificate verified)'),

  APP_KEYS: z
    .string({ error: 'expected a comma-separated list of at least two keys' })
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().min(16, 'expected keys of at least 16 characters'))
        .min(2, 'expected at least two keys, comma-separated'),
    )
    .describe('Strapi session keys, comma-separated'),
  API_TOKEN_SALT: secret('a random salt').describe('salt of API tokens'),
  ADMIN_JWT_SECRET: secret('a random secret').describe('signs admin panel sessions'),
  TRANSFER_TOKEN_SALT: secret('a random salt').describe('salt of data transfer tokens'),
  JWT_SECRET: secret('a random secret').describe('signs newcomer sessions'),
  ENCRYPTION_KEY: secret('a random key').describe("Strapi's encryption key for stored tokens"),
  DOCUMENTS_MASTER_KEY: masterKey.describe(
    "32 bytes, base64: wraps each document's key; lose it and the documents are lost",
  ),
  // Proves that a request's client address was set by the site or nginx (X-Mobio-Client-Address):
  // the CMS counts its limits per person, and nobody else names their own address.
  CLIENT_ADDRESS_SECRET: secret('a random secret').describe(
    "proves the client address the site and nginx name to the CMS (and nginx to the site): limits count per person; nginx's rendered file holds it",
  ),
  // Only during a key rotation (docs/operating.md, "Rotating the master key"): the key being
  // replaced, still accepted for reading until `npm run doctor -- --rotate-master-key` has
  // re-wrapped every file.
  DOCUMENTS_MASTER_KEY_PREVIOUS: masterKey
    .optional()
    .describe(
      'only during a key rotation: the key being replaced, still accepted for reading (see [Rotating the master key](operating.md#rotating-the-master-key))',
    ),

  SMTP_HOST: optionalText.describe(
    'mail server; required in production; without it mail is only logged',
  ),
  SMTP_PORT: port(587).describe('mail server port'),
  SMTP_SECURE: bool(false).describe('TLS from the first byte (port 465)'),
  SMTP_USERNAME: optionalText.describe('mail server login'),
  SMTP_PASSWORD: optionalText.describe('mail server password'),
  MAIL_FROM: email.default('mobio@localhost').describe('sender address'),
  MAIL_REPLY_TO: email.optional().meta({ defaultText: '`MAIL_FROM`' }).describe('reply-to address'),

  UPLOAD_MAX_BYTES: z.coerce
    .number({ error: 'expected a number of bytes' })
    .int('expected a whole number of bytes')
    .min(1024, 'expected at least 1024 bytes')
    .max(200 * MB, 'expected at most 209715200 bytes (200 MB)')
    .default(20 * MB)
    .describe('largest document upload (20 MB)'),
  /**
   * Largest import (a mobio-export zip from another MoBio): the archive, which the CMS keeps
   * encrypted on disk while it checks it, and all its entries unpacked.
   */
  IMPORT_MAX_BYTES: z.coerce
    .number({ error: 'expected a number of bytes' })
    .int('expected a whole number of bytes')
    .min(1024, 'expected at least 1024 bytes')
    .max(1024 * MB, 'expected at most 1073741824 bytes (1 GB)')
    .default(200 * MB)
    .describe(
      'largest import from another MoBio (200 MB, at most 1 GB): the zip, and all its entries unpacked together; the CMS keeps the zip encrypted under UPLOAD_TEMP_DIR while it is checked; the site passes it on as it arrives',
    ),
  /**
   * Largest `mobio-export.json` in an import, unpacked: it is parsed in memory, where it takes
   * several times its size. 8 MB holds the longest lists a person can keep (4 × 500 records).
   */
  IMPORT_MAX_JSON_BYTES: z.coerce
    .number({ error: 'expected a number of bytes' })
    .int('expected a whole number of bytes')
    .min(1024, 'expected at least 1024 bytes')
    .max(32 * MB, 'expected at most 33554432 bytes (32 MB)')
    .default(8 * MB)
    .describe(
      'largest `mobio-export.json` in an import, unpacked (8 MB, at most 32 MB): it is parsed in memory',
    ),
  DOCUMENTS_DIR: z
    .string()
    .min(1)
    .default('database/storage/documents')
    .describe('folder of the encrypted documents'),
  /**
   * Where the media library's uploads (staff, public images) are parsed, one folder per request,
   * removed when the request ends; emptied at every start.
   */
  UPLOAD_TEMP_DIR: z
    .string()
    .min(1)
    .default('database/storage/upload-tmp')
    .describe(
      "where the media library's uploads are parsed, one folder per request, removed when it ends; emptied at start",
    ),

  MUNICIPALITY_NAME: z
    .string()
    .trim()
    .min(1)
    .default('Landkreis Musterstadt')
    .describe('name shown in the site and PDFs'),
  MUNICIPALITY_ADDRESS: z
    .string()
    .trim()
    .min(1)
    .default('Musterstraße 1, 12345 Musterstadt')
    .describe('postal address'),
  MUNICIPALITY_EMAIL: email.default('integration@musterstadt.example').describe('contact address'),
  MUNICIPALITY_PHONE: optionalText.describe('contact phone'),
  PRIVACY_OFFICER_NAME: z
    .string()
    .trim()
    .min(1)
    .default('Datenschutzbeauftragte/r des Landkreises')
    .describe('data protection officer'),
  PRIVACY_OFFICER_EMAIL: email
    .default('datenschutz@musterstadt.example')
    .describe("data protection officer's address"),

  BRAND_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb')
    .default('#1f5f8b')
    .describe("the municipality's colour (#rrggbb) in the site and the PDFs"),
  BRAND_LOGO: z
    .string()
    .regex(/\.(png|jpe?g|svg)$/i, 'expected the path of a PNG, JPEG or SVG file')
    .refine((path) => existsSync(resolveFromRoot(path)), 'expected an existing file')
    .optional()
    .describe("path of the municipality's logo (PNG, JPEG or SVG) for the site and the PDFs"),

  GRANT_DEFAULT_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(1, 'expected at least 1 day')
    .max(4 * 366, 'expected at most 1464 days (4 years)')
    .default(3 * 365)
    .describe('default length of a grant (3 years; at most 1464 = 4 years)'),

  RETENTION_INACTIVE_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(30, 'expected at least 30 days')
    .default(730)
    .describe('an account unused this long gets an e-mail notice'),
  RETENTION_NOTICE_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(7, 'expected at least 7 days')
    .default(60)
    .describe('… and is erased this long after the notice if still unused'),
  RETENTION_SCHEDULE: z
    .string()
    .regex(/^(\S+\s+){4,5}\S+$/, 'expected a cron pattern such as "0 3 * * *"')
    .default('0 3 * * *')
    .describe('when the retention job runs (cron pattern, server time)'),

  ACCOUNT_ERASURE_NOTICE_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(7, 'expected at least 7 days')
    .default(30)
    .describe(
      "an erasure the district office announces without the holder's code waits this long (the holder can stop it)",
    ),
  ACCOUNT_LOOKUPS_PER_HOUR: z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(1000, 'expected at most 1000')
    .default(20)
    .describe('account lookups per staff account and hour (counted in the database)'),

  ADMIN_EMAIL: email
    .optional()
    .describe('first super admin, created at start while no admin exists'),
  ADMIN_PASSWORD: z
    .string()
    .min(
      8,
      'expected at least 8 characters with an upper-case letter, a lower-case letter and a digit',
    )
    .regex(/[a-z]/, 'expected at least one lower-case letter')
    .regex(/[A-Z]/, 'expected at least one upper-case letter')
    .regex(/[0-9]/, 'expected at least one digit')
    .optional()
    .describe('their password (8+ characters, upper and lower case, digit)'),
  ADMIN_FIRSTNAME: z.string().min(1).default('MoBio').describe('their first name'),
  ADMIN_LASTNAME: z.string().min(1).default('Admin').describe('their last name'),
});

export type Env = z.infer<typeof envSchema>;

/** The configuration as the applications use it. */
export interface Config {
  env: Env['NODE_ENV'];
  root: string;
  host: string;
  /** The languages this installation offers, German first among equals: the language switcher's order. */
  locales: Locale[];
  cms: { port: number; publicUrl: string; internalUrl: string };
  site: { port: number; publicUrl: string };
  database:
    | { client: 'sqlite'; filename: string }
    | {
        client: 'postgres';
        host: string;
        port: number;
        database: string;
        user: string;
        password: string;
        schema: string;
        ssl: boolean;
      };
  secrets: {
    appKeys: string[];
    apiTokenSalt: string;
    adminJwtSecret: string;
    transferTokenSalt: string;
    jwtSecret: string;
    encryptionKey: string;
    documentsMasterKey: string;
    /** The master key being rotated away, readable until every file is re-wrapped. */
    documentsPreviousMasterKey?: string;
    /** Sent by the site and nginx with the client's address; the CMS trusts the address only with it. */
    clientAddressSecret: string;
  };
  mail: {
    smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
    from: string;
    replyTo?: string;
  };
  uploads: {
    maxBytes: number;
    importMaxBytes: number;
    importMaxJsonBytes: number;
    documentsDir: string;
    tempDir: string;
  };
  municipality: {
    name: string;
    address: string;
    email: string;
    phone?: string;
    privacyOfficer: { name: string; email: string };
    /** Colour (#rrggbb) and the absolute path of the logo, shown in the site and the PDFs. */
    brand: { color: string; logo?: string };
  };
  sharing: { defaultGrantDays: number; maxGrantDays: number };
  retention: { inactiveDays: number; noticeDays: number; schedule: string };
  /** Account administration on request: how long an announced erasure waits, lookups per staff account and hour. */
  accounts: { erasureNoticeDays: number; lookupsPerHour: number };
  admin?: { email: string; password: string; firstname: string; lastname: string };
}

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

function generateSecret(name: SecretName): string {
  if (name === 'APP_KEYS')
    return Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(',');
  return randomBytes(32).toString('base64');
}

function readEnvFile(file: string): Record<string, string> {
  return existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** The env file in use: MOBIO_ENV_FILE, or .env in the repository's top folder. */
export function envFilePath(env: Record<string, string | undefined> = process.env): string {
  return resolveFromRoot(env.MOBIO_ENV_FILE || '.env');
}

/** Resolve a configured path: absolute paths stay, relative ones start at the repository's top. */
export function resolveFromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

/**
 * Appends the missing secrets to the env file (created with mode 600) and returns their names.
 * Existing values are never replaced: a new DOCUMENTS_MASTER_KEY would make every stored file unreadable.
 */
export function ensureSecrets(
  file: string,
  present: Record<string, string | undefined>,
): SecretName[] {
  const missing = SECRET_NAMES.filter((name) => !present[name]);
  if (missing.length === 0) return [];
  mkdirSync(dirname(file), { recursive: true });
  const lines = missing.map((name) => `${name}=${generateSecret(name)}`);
  const header = `\n# Generated by MoBio on first start, ${new Date().toISOString()}. Keep this file secret and backed up:\n# without DOCUMENTS_MASTER_KEY the stored documents cannot be decrypted.\n`;
  appendFileSync(file, header + lines.join('\n') + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return missing;
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

/** What the newcomer site needs: it never touches the database. */
export type SiteConfig = Pick<
  Config,
  'env' | 'host' | 'locales' | 'site' | 'municipality' | 'sharing'
> & {
  cms: Config['cms'];
  uploads: Pick<Config['uploads'], 'maxBytes' | 'importMaxBytes'>;
  /**
   * The one secret the site holds: with it, the CMS counts each newcomer's own address. Optional
   * because the site is also built (where no secret exists yet); without it the CMS sees every
   * newcomer as the site's address.
   */
  clientAddressSecret?: string;
};

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
