import type { Core } from '@strapi/strapi';

/**
 * `{ id: { $in: linkedTo(strapi, uid, relation, userId) } }`: the records of `uid` whose relation
 * points at that user (or one of those users), as a subquery on Strapi's link table. The plain filter
 * `{ [relation]: { id: userId } }` makes Strapi LEFT JOIN the link and user tables and compare the
 * user's id; SQLite then reads the whole record table (a LEFT JOIN fixes the join order), which
 * is a full scan of a million audit events for one newcomer's log. The subquery starts from the
 * link table's (user, record) index (cms/database/migrations) on SQLite and PostgreSQL alike.
 */
export function linkedTo(
  strapi: Core.Strapi,
  uid: string,
  relation: string,
  userIds: number | number[],
) {
  const { joinTable } = strapi.db.metadata.get(uid as never).attributes[relation] as {
    joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
  };
  if (!joinTable) throw new Error(`${uid}.${relation} has no link table`);
  return strapi.db
    .getConnection(joinTable.name)
    .select(joinTable.joinColumn.name)
    .whereIn(joinTable.inverseJoinColumn.name, Array.isArray(userIds) ? userIds : [userIds]);
}
