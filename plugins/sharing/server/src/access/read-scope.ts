import type { Section } from '@mobio/config';
import { isGrantActive } from './is-grant-active';
import type { Actor, GrantFacts, ReadScope } from './types';

/**
 * Which owners' records of a section the actor may read. Newcomers see their own; staff see the
 * owners who granted them this section and whose grant is active now; API tokens, anonymous
 * callers, super admins without a grant and everyone else see nothing.
 */
export function readScope(input: {
  actor: Actor;
  section: Section;
  grants: readonly GrantFacts[];
  now: Date;
}): ReadScope {
  const { actor, section, grants, now } = input;
  if (actor.kind === 'system') return { all: true };
  if (actor.kind === 'newcomer') return { ownerIds: [actor.id] };
  if (actor.kind === 'staff') {
    const ownerIds = grants
      .filter((grant) => grant.sections.includes(section) && isGrantActive(grant, now))
      .map((grant) => grant.ownerId);
    return { ownerIds: [...new Set(ownerIds)] };
  }
  return { deny: true };
}
