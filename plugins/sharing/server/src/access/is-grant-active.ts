import type { GrantFacts } from './types';

/** A grant counts until it is revoked or its expiry passes, whichever comes first. */
export function isGrantActive(
  grant: Pick<GrantFacts, 'expiresAt' | 'revokedAt'>,
  now: Date,
): boolean {
  if (grant.revokedAt) return false;
  return new Date(grant.expiresAt).getTime() > now.getTime();
}
