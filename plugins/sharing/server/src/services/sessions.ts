import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { UID } from '../uids';

/** The account field counting its credential changes; every session (JWT) carries the count it was issued at. */
export const CREDENTIAL_VERSION = 'credentialVersion';
/** The claim of a JWT that carries it (a JWT without one is of version 0, as sessions issued before it existed). */
const CLAIM = 'cv';

type Row = { id: number; email?: string | null; blocked?: boolean | null } & Record<
  string,
  unknown
>;

/**
 * Whether an update of an account changes what proves who holds it: a new password (change,
 * recovery, reset by e-mail), another e-mail address (where reset mails go), or a lock. A reset
 * mail being asked for (resetPasswordToken) or an unlock changes none: nobody logs a person out by
 * asking for their reset mail.
 */
export function changesCredential(data: Record<string, unknown>, current: Row): boolean {
  if (typeof data.password === 'string' && data.password.length > 0) return true;
  if (
    data.email !== undefined &&
    String(data.email ?? '').toLowerCase() !== String(current.email ?? '').toLowerCase()
  )
    return true;
  return data.blocked === true && current.blocked !== true;
}

/**
 * Sessions end when the credential changes: the account's credential version goes up with every
 * such change (one database lifecycle below every entry point), each JWT carries the version it
 * was issued at, and the users-permissions JWT check refuses one of an older version on the next
 * request. The device that made the change gets a new JWT of the new version.
 */
const sessions = ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');
  const versionOf = async (id: number): Promise<number | undefined> => {
    const row = await access().asSystem(() =>
      strapi.db.query(UID.user).findOne({ where: { id }, select: ['id', CREDENTIAL_VERSION] }),
    );
    return row ? Number(row[CREDENTIAL_VERSION] ?? 0) : undefined;
  };

  return {
    /** A JWT for the account at its current credential version: the one way MoBio issues sessions. */
    async issue(userId: number): Promise<string> {
      const version = (await versionOf(userId)) ?? 0;
      return strapi
        .plugin('users-permissions')
        .service('jwt')
        .issue({ id: userId, [CLAIM]: version }) as string;
    },

    /** Whether a JWT's (signature-checked) payload belongs to the account's current credential. */
    async isCurrent(payload: Record<string, unknown>): Promise<boolean> {
      if (typeof payload.id !== 'number') return false;
      const version = await versionOf(payload.id);
      return version !== undefined && Number(payload[CLAIM] ?? 0) === version;
    },

    /**
     * Before an update of accounts (any entry point: users-permissions, the plugin, the admin's
     * lock): when it changes a credential, the new version goes into the same write.
     */
    async beforeUpdate(event: { params: { where?: unknown; data?: unknown } }): Promise<void> {
      const data = event.params.data as Record<string, unknown> | undefined;
      if (!data || typeof data !== 'object') return;
      const rows = (await access().asSystem(() =>
        strapi.db.query(UID.user).findMany({
          where: event.params.where as never,
          select: ['id', 'email', 'blocked', CREDENTIAL_VERSION],
        }),
      )) as Row[];
      if (!rows.some((row) => changesCredential(data, row))) return;
      data[CREDENTIAL_VERSION] =
        Math.max(...rows.map((row) => Number(row[CREDENTIAL_VERSION] ?? 0))) + 1;
    },
  };
};

export type SessionsService = ReturnType<typeof sessions>;
export default sessions;
