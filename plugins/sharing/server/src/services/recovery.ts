import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatInvitationCode, newRecoveryCode } from '@mobio/config';
import { hashCode } from '../code-hash';
import { getService } from '../utils';
import { UID } from '../uids';

/** The field of an account that holds the hash of its recovery code (added to the user type in register). */
export const RECOVERY_HASH = 'recoveryCodeHash';

const invalid = (key: string, path: string[] = []) =>
  new errors.ValidationError(key, { errors: [{ path, message: key }] });

/**
 * Accounts without an e-mail address: a username the person chooses, a password, and a recovery
 * code shown once. The code is stored only as its hash (the same hash as invitation codes); using
 * it sets a new password and replaces it with a new one, so each code works exactly once. Runs in
 * the self-service routes (SELF_SERVICE_ACTIONS), where the account rule lets a person who is not
 * logged in write an account.
 */
const recovery = ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.plugin('users-permissions').service('user');
  const session = (id: number) => getService(strapi, 'sessions').issue(id);
  const publicUser = (user: {
    id: number;
    documentId: string;
    email: string | null;
    username: string;
  }) => ({
    id: user.id,
    documentId: user.documentId,
    email: user.email ?? null,
    username: user.username,
  });
  /** Whether the name is in use as a username or an e-mail address, whatever its case. */
  const taken = async (name: string) =>
    (await strapi.db
      .query(UID.user)
      .count({ where: { $or: [{ username: { $eqi: name } }, { email: { $eqi: name } }] } })) > 0;

  return {
    async register(input: { username: string; password: string }) {
      if (await taken(input.username)) throw invalid('error.usernameTaken', ['username']);
      const settings = (await strapi
        .store({ type: 'plugin', name: 'users-permissions', key: 'advanced' })
        .get()) as { allow_register?: boolean; default_role?: string } | null;
      if (!settings?.allow_register) throw new errors.ForbiddenError('error.registrationClosed');
      const role = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: settings.default_role ?? 'authenticated' } });
      const code = newRecoveryCode();
      const user = await users().add({
        username: input.username,
        password: input.password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
        [RECOVERY_HASH]: hashCode(code),
      });
      strapi.log.info(`[accounts] account ${user.documentId} registered without an e-mail address`);
      return {
        jwt: await session(user.id),
        user: publicUser(user),
        recoveryCode: formatInvitationCode(code),
      };
    },

    /** A new password with the recovery code; the code is used up and a new one is shown. Wrong name or code: the same answer. */
    async recover(input: { username: string; code: string; password: string }) {
      const user = await strapi.db.query(UID.user).findOne({
        where: { username: input.username, provider: 'local' },
        select: ['id', 'documentId', 'blocked', RECOVERY_HASH],
      });
      const oldHash = hashCode(input.code);
      if (!user || !user[RECOVERY_HASH] || user[RECOVERY_HASH] !== oldHash)
        throw invalid('error.recoveryCode');
      if (user.blocked) throw invalid('error.blocked');
      const code = newRecoveryCode();
      // Used up at most once, also when two requests bring the same code at the same moment.
      const { tableName, attributes } = strapi.db.metadata.get(UID.user);
      const column =
        (attributes[RECOVERY_HASH] as { columnName?: string }).columnName ?? RECOVERY_HASH;
      await strapi.db.transaction(async ({ trx }) => {
        const swapped = await strapi.db
          .connection(tableName)
          .transacting(trx)
          .where({ id: user.id, [column]: oldHash })
          .update({ [column]: hashCode(code) });
        if (swapped !== 1) throw invalid('error.recoveryCode');
        await users().edit(user.id, { password: input.password });
      });
      const updated = await strapi.db
        .query(UID.user)
        .findOne({ where: { id: user.id }, select: ['id', 'documentId', 'email', 'username'] });
      strapi.log.info(`[accounts] account ${user.documentId} recovered with its recovery code`);
      return {
        jwt: await session(user.id),
        user: publicUser(updated),
        recoveryCode: formatInvitationCode(code),
      };
    },

    /**
     * An e-mail address for an account that has none (from then on reset by e-mail works too). A
     * new address ends the account's other sessions: this device gets a new one.
     */
    async addEmail(userId: number, email: string) {
      const user = await strapi.db
        .query(UID.user)
        .findOne({ where: { id: userId }, select: ['id', 'email'] });
      if (user?.email) throw invalid('error.emailPresent', ['email']);
      if (await taken(email)) throw invalid('error.emailTaken', ['email']);
      await users().edit(userId, { email: email.toLowerCase() });
      return {
        jwt: await session(userId),
        user: publicUser(
          await strapi.db
            .query(UID.user)
            .findOne({ where: { id: userId }, select: ['id', 'documentId', 'email', 'username'] }),
        ),
      };
    },
  };
};

export type RecoveryService = ReturnType<typeof recovery>;
export default recovery;
