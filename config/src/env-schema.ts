import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from './locales.js';
import { resolveFromRoot } from './root.js';

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
export type SecretName = (typeof SECRET_NAMES)[number];

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
