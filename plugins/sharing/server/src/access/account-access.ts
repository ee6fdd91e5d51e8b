import { SELF_SERVICE_ACTIONS } from '@mobio/config';
import type { Actor } from './types';

export type AccountOperation = 'read' | 'create' | 'update' | 'delete';

/** Fields of an account that say nothing about the person: enough to link a record to it. */
export const PUBLIC_ACCOUNT_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'role',
]);

/** A public field, or the id of what a public relation points at (`role.id`) — never further (`role.users`). */
const isPublicPath = (path: string) => {
  const [field, inner, ...deeper] = path.split('.');
  return (
    PUBLIC_ACCOUNT_FIELDS.has(field) &&
    (inner === undefined || ((inner === 'id' || inner === 'documentId') && deeper.length === 0))
  );
};

/** Where a person who is not logged in may write an account: registration, reset, confirmation. */
export const SELF_SERVICE_HANDLERS: ReadonlySet<string> = new Set(SELF_SERVICE_ACTIONS);

/**
 * Whether the actor may run this operation on newcomer accounts (users-permissions users). An
 * account is its holder's: system code may do anything; a logged-in newcomer changes or deletes
 * only their own; a person not logged in writes accounts only through the self-service routes;
 * staff of any role (super admin included) never read an account beyond its public fields and
 * never write one; API tokens neither read nor write accounts at all. `fields` are every field path the query selects, filters, sorts or
 * populates (undefined: all of them); `targetIds` the accounts a write touches.
 */
export function accountAccess(input: {
  actor: Actor;
  operation: AccountOperation;
  handler: string | undefined;
  fields: readonly string[] | undefined;
  targetIds: readonly number[];
}): boolean {
  const { actor, operation, handler, fields, targetIds } = input;
  if (actor.kind === 'system') return true;
  // Authentication itself reads the account before the request has an actor, and which routes a
  // newcomer or the public reach is the roles' fixed permission list: their reads pass here.
  if (actor.kind === 'newcomer' || actor.kind === 'anonymous') {
    if (operation === 'read') return true;
    if (actor.kind === 'anonymous')
      return operation !== 'delete' && handler !== undefined && SELF_SERVICE_HANDLERS.has(handler);
    return (
      operation !== 'create' && targetIds.length > 0 && targetIds.every((id) => id === actor.id)
    );
  }
  // Staff: which account a record belongs to, and counts for statistics; nothing of the person.
  if (actor.kind === 'staff' && operation === 'read')
    return fields !== undefined && fields.every(isPublicPath);
  return false;
}
