import type { Access, Section } from '@mobio/config';

/** Who is asking. `system` is code running outside any request: bootstrap, scripts, scheduled jobs. */
export type Actor =
  | { kind: 'system' }
  | { kind: 'anonymous' }
  | { kind: 'token' }
  | { kind: 'newcomer'; id: number }
  | { kind: 'staff'; id: number };

/** A grant as the rule needs it: plain data, no Strapi. */
export interface GrantFacts {
  ownerId: number;
  sections: readonly Section[];
  access: Access;
  expiresAt: Date | string;
  revokedAt: Date | string | null;
}

/** What a reader may see of a section: everything, the records of some owners, or nothing. */
export type ReadScope = { all: true } | { ownerIds: number[] } | { deny: true };
