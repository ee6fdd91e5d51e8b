/** A plain object (not a query builder, date or buffer). */
export const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * Every field path a filter looks at: `{ $or: [{ owner: { role: { users: { email: … } } } }] }`
 * looks at `owner`, `owner.role`, `owner.role.users` and `owner.role.users.email`. Operators are
 * not fields; operands (values, lists, subqueries) are not looked into.
 */
export function filterPaths(where: unknown, prefix = ''): string[] {
  if (Array.isArray(where)) return where.flatMap((item) => filterPaths(item, prefix));
  if (!isPlain(where)) return [];
  return Object.entries(where).flatMap(([key, value]) =>
    key.startsWith('$')
      ? filterPaths(value, prefix)
      : [`${prefix}${key}`, ...filterPaths(value, `${prefix}${key}.`)],
  );
}

/**
 * The field paths a select, populate or sort names, in any form the query engines take
 * (`'a,b.c'`, `['a:asc']`, `{ a: true, b: { populate: … } }`); undefined for "all fields". A
 * populate with options of its own (nested populate, filters, fields) counts as reaching every
 * field below it (`b.*`).
 */
export function namedPaths(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === false) return [];
  if (value === true || value === '*') return undefined;
  if (typeof value === 'string') return value.split(',').map((item) => item.trim().split(':')[0]);
  if (Array.isArray(value)) {
    const lists = value.map(namedPaths);
    return lists.some((list) => list === undefined) ? undefined : (lists.flat() as string[]);
  }
  if (isPlain(value)) {
    return Object.entries(value).map(([key, inner]) =>
      inner === true ||
      typeof inner === 'string' ||
      (isPlain(inner) && Object.keys(inner).length === 0)
        ? key
        : `${key}.*`,
    );
  }
  return undefined;
}

/** Whether a path reaches past a relation to users beyond which account it is (`owner.email`, `owner.role.users`). */
export const reachesIntoAccount = (path: string, relation: string) =>
  new RegExp(`(^|\\.)${relation}\\.(?!(id|documentId)$)`).test(path);
