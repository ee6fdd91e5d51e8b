import type { Section } from '@mobio/config';
import { isGrantActive } from './is-grant-active';
import type { Actor, GrantFacts } from './types';

/** Staff write only integration plans, and only where the owner gave them write access to plans. */
const STAFF_WRITABLE: ReadonlySet<Section> = new Set<Section>(['plans']);
/** Plans are written by staff; the newcomer accepts them through a route of its own. */
const NEWCOMER_WRITABLE: ReadonlySet<Section> = new Set<Section>([
  'profile',
  'languages',
  'education',
  'employment',
  'documents',
]);

/** Whether the actor may create, change or delete a record of `section` that belongs to `ownerId`. */
export function canWrite(input: {
  actor: Actor;
  section: Section;
  ownerId: number | undefined;
  grants: readonly GrantFacts[];
  now: Date;
}): boolean {
  const { actor, section, ownerId, grants, now } = input;
  if (actor.kind === 'system') return true;
  if (ownerId === undefined) return false;
  if (actor.kind === 'newcomer') return actor.id === ownerId && NEWCOMER_WRITABLE.has(section);
  if (actor.kind === 'staff') {
    return (
      STAFF_WRITABLE.has(section) &&
      grants.some(
        (grant) =>
          grant.ownerId === ownerId &&
          grant.access === 'write' &&
          grant.sections.includes(section) &&
          isGrantActive(grant, now),
      )
    );
  }
  return false;
}
