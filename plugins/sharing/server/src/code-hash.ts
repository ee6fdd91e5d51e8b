import { createHash } from 'node:crypto';

/**
 * The hash a one-time code (invitation, recovery, erasure) is stored and compared by; the code
 * itself is shown once. Case, spaces and dashes do not count, as people type codes both ways.
 */
export const hashCode = (code: string) =>
  createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
