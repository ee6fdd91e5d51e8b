/**
 * Whether a relation value in `data` would change the relation: `{ connect: [], disconnect: [] }`
 * (what the Content Manager sends for an untouched relation) does not, anything else given does.
 */
export function changesRelation(value: unknown): boolean {
  if (value === undefined) return false;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown[] | undefined>;
    if (('connect' in v || 'disconnect' in v) && !('set' in v))
      return (v.connect?.length ?? 0) + (v.disconnect?.length ?? 0) > 0;
  }
  return true;
}
