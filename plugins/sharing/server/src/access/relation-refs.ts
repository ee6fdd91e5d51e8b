/** The ids and documentIds a relation value in `data` points at, whatever form Strapi accepts. */
export function relationRefs(value: unknown): Array<{ id?: number; documentId?: string }> {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number') return [{ id: value }];
  if (typeof value === 'string')
    return /^\d+$/.test(value) ? [{ id: Number(value) }] : [{ documentId: value }];
  if (Array.isArray(value)) return value.flatMap(relationRefs);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('connect' in v || 'set' in v) return [...relationRefs(v.connect), ...relationRefs(v.set)];
    if (typeof v.id === 'number' || typeof v.id === 'string') return [{ id: Number(v.id) }];
    if (typeof v.documentId === 'string') return [{ documentId: v.documentId }];
  }
  return [];
}
