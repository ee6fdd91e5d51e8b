import type { Core } from '@strapi/strapi';
import { isPlain } from '../access';
import { getService } from '../utils';

/** What the query engine hands a lifecycle: the action (`beforeUpdate`, …), its parameters, a state kept until its `after…`. */
export interface Params {
  where?: unknown;
  select?: unknown;
  populate?: unknown;
  orderBy?: unknown;
  data?: unknown;
}
export interface Event {
  action: string;
  params: Params;
  state: Record<string, unknown>;
}

/** The `before…` actions that write. */
export const WRITES = [
  'beforeCreate',
  'beforeCreateMany',
  'beforeUpdate',
  'beforeUpdateMany',
  'beforeDelete',
  'beforeDeleteMany',
];

/** The records a create or update writes (one, or each of many). */
export const dataOf = (params: Params): Record<string, unknown>[] =>
  (Array.isArray(params.data) ? params.data : [params.data]).filter(isPlain) as Record<
    string,
    unknown
  >[];

/** The ids a query's `where` matches, read as the system (the rules being checked do not apply to it). */
export const idsOf = (strapi: Core.Strapi, uid: string, where: unknown): Promise<number[]> =>
  getService(strapi, 'access').asSystem(async () =>
    (await strapi.db.query(uid).findMany({ where: where as never, select: ['id'] })).map(
      (row: { id: number }) => row.id,
    ),
  );
