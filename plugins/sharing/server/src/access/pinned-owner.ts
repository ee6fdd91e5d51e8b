/** The owner id a filter pins at its top level (`{ owner: { id: 5 } }` or `$eq`), if it does. */
export function pinnedOwner(filters: unknown): number | undefined {
  const id = (filters as { owner?: { id?: unknown } } | undefined)?.owner?.id;
  const value = id !== null && typeof id === 'object' ? (id as { $eq?: unknown }).$eq : id;
  return typeof value === 'number' ? value : undefined;
}
