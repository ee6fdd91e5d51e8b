import type { Actor } from './types';

/** Fields of a staff account that only its holder sets (or Strapi's reset and registration links sent to the holder). */
export const HOLDER_ONLY_STAFF_FIELDS = [
  'password',
  'email',
  'resetPasswordToken',
  'registrationToken',
] as const;

/**
 * Whether the actor may write these fields of these staff accounts (admin users). Administrators
 * create, lock, rename, re-role and delete staff accounts; a password or an e-mail address is
 * changed only by the holder — a super admin who could set another person's password could log in
 * as them and read what newcomers shared with that person. Not logged in: Strapi's own reset and
 * registration routes, which prove the holder with a token sent to their address.
 */
export function canChangeStaffAccount(input: {
  actor: Actor;
  fields: readonly string[];
  targetIds: readonly number[];
}): boolean {
  const { actor, fields, targetIds } = input;
  if (actor.kind === 'system' || actor.kind === 'anonymous') return true;
  if (!fields.some((field) => (HOLDER_ONLY_STAFF_FIELDS as readonly string[]).includes(field)))
    return actor.kind === 'staff';
  return actor.kind === 'staff' && targetIds.length > 0 && targetIds.every((id) => id === actor.id);
}
