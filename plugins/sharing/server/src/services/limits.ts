import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible';

/** One table for every limit, beside Strapi's (Strapi leaves tables it did not create alone). */
export const LIMITS_TABLE = 'sharing_rate_limits';
const FIFTEEN_MINUTES = 15 * 60;

/**
 * What is counted, in 15 minutes each. Wrong guesses count per name *and* address, never per name
 * alone: nobody's wrong codes make the holder's right one fail from another address. Every failed
 * attempt of an address also counts for that address, whatever name it tries.
 */
export const LIMITS = {
  /** Wrong passwords, recovery codes, reset mails asked for one name (username, e-mail) from one address. */
  nameAtAddress: 5,
  /** Invitation codes not found, per newcomer account. */
  invitationsPerAccount: 10,
  /** Failed attempts of one address, whatever it tries. */
  address: 100,
} as const;
export type Limit = keyof typeof LIMITS;

/** What one attempt was counted as: forgotten after a success, taken back when it was no guess. */
export interface Attempt {
  succeeded(): Promise<void>;
  uncounted(): Promise<void>;
}

// Names and addresses are stored only as hashes: the table says nothing about who tried.
const hashed = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Limits counted in the database (rate-limiter-flexible's SQLite and PostgreSQL stores on Strapi's
 * own knex), so every CMS process sees the same counts and a restart resets none. Each attempt is
 * counted before it runs (one atomic upsert per key), so parallel guesses cannot slip past a check.
 */
const limits = ({ strapi }: { strapi: Core.Strapi }) => {
  let limiters: Record<Limit, RateLimiterStoreAbstract> | undefined;

  const create = (limit: Limit, tableCreated: boolean) =>
    new Promise<RateLimiterStoreAbstract>((resolve, reject) => {
      const connection = strapi.db.config.connection as {
        client: string;
        connection?: { schema?: string };
      };
      const options = {
        storeClient: strapi.db.connection,
        storeType: 'knex',
        tableName: LIMITS_TABLE,
        keyPrefix: limit,
        points: LIMITS[limit],
        duration: FIFTEEN_MINUTES,
        tableCreated,
        // Expired rows go with the retention job (clearExpired), not on a timer of each limiter.
        clearExpiredByTimeout: false,
      };
      // Called from within the constructor when the table exists already.
      const ready = (error?: unknown) =>
        queueMicrotask(() =>
          error
            ? reject(error instanceof Error ? error : new Error(String(error)))
            : resolve(limiter),
        );
      const limiter: RateLimiterStoreAbstract =
        connection.client === 'postgres'
          ? new RateLimiterPostgres(
              { ...options, schemaName: connection.connection?.schema },
              ready,
            )
          : new RateLimiterSQLite(options, ready);
    });

  const limiter = (limit: Limit) => {
    if (!limiters) throw new Error('limits are not ready (the plugin bootstrap creates them)');
    return limiters[limit];
  };

  return {
    /** Creates the table (once) and the limiters; called at bootstrap. */
    async init(): Promise<void> {
      const [first, ...rest] = Object.keys(LIMITS) as Limit[];
      const created = { [first]: await create(first, false) } as Record<
        Limit,
        RateLimiterStoreAbstract
      >;
      for (const limit of rest) created[limit] = await create(limit, true);
      limiters = created;
    },

    /**
     * Counts one attempt against each [limit, key]; throws a 429 (RateLimitError) when any of
     * them is used up. The caller tells afterwards whether it succeeded or was no guess at all.
     */
    async attempt(counted: ReadonlyArray<readonly [Limit, string]>): Promise<Attempt> {
      const keys = counted.map(([limit, key]) => [limit, hashed(key)] as const);
      let blocked = false;
      for (const [limit, key] of keys) {
        try {
          await limiter(limit).consume(key);
        } catch (error) {
          if (!(error instanceof RateLimiterRes)) throw error;
          blocked = true;
        }
      }
      if (blocked) throw new errors.RateLimitError('error.tooMany');
      const giveBack = () =>
        Promise.all(keys.map(([limit, key]) => limiter(limit).reward(key, 1))).then(() => {});
      return {
        // A success forgets the name's wrong guesses; the other counts keep only the failures.
        succeeded: () =>
          Promise.all(
            keys.map(([limit, key]) =>
              limit === 'nameAtAddress'
                ? limiter(limit).delete(key)
                : limiter(limit).reward(key, 1),
            ),
          ).then(() => {}),
        uncounted: giveBack,
      };
    },

    /**
     * Runs `run` as one counted attempt: it stays counted when it fails as a guess (`isGuess`),
     * any other outcome is given back (a success also forgets the name's wrong guesses).
     */
    async counting<T>(
      counted: ReadonlyArray<readonly [Limit, string]>,
      run: () => Promise<T>,
      isGuess: (error: unknown) => boolean,
    ): Promise<T> {
      const attempt = await this.attempt(counted);
      let result: T;
      try {
        result = await run();
      } catch (error) {
        if (!isGuess(error)) await attempt.uncounted();
        throw error;
      }
      await attempt.succeeded();
      return result;
    },

    /** Removes counts whose window ended more than an hour ago (the retention job). */
    async clearExpired(now = Date.now()): Promise<void> {
      // getConnection: in the configured PostgreSQL schema, as the stores write it.
      await strapi.db
        .getConnection(LIMITS_TABLE)
        .where('expire', '<', now - 3_600_000)
        .delete();
    },
  };
};

export type LimitsService = ReturnType<typeof limits>;
export default limits;
