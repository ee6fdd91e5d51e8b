import type { Env } from './env-schema.js';
import type { Locale } from './locales.js';

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
