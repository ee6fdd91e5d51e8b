import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_RECORDS_PER_LIST, type Section } from '@mobio/config';
import {
  changesRelation,
  filterPaths,
  namedPaths,
  pinnedOwner,
  reachesIntoAccount,
  relationRefs,
  type Actor,
} from '../../access';
import { AUDITED_EVENTS, type AuditEntry } from '../../services/audit';
import { getService } from '../../utils';
import { currentHandler } from '../../current-handler';
import { linkedTo } from '../../linked-to';
import { UID } from '../../uids';

type Params = Record<string, any>;
interface DocumentContext {
  uid: string;
  action: string;
  params: Params;
}

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const CHANGES = new Set(['update', 'delete']);

/**
 * The admin home page's widgets (content-manager's "last edited" and "last published entries",
 * review-workflows' "assigned to me", any later `homepage.*` handler) read the newest records of
 * every type the role may read. For staff that would be a read of somebody's personal record each
 * time they open the panel, logged as if they had looked at it: the widgets get no personal record,
 * so that every line of a person's access log means that somebody chose to look.
 */
const isHomepageWidget = (handler: string | undefined) =>
  handler !== undefined && /^(admin::|plugin::[\w-]+\.)homepage\./.test(handler);
const NOTHING: Record<string, unknown> = { findMany: [], findFirst: null, findOne: null, count: 0 };

const and = (a: unknown, b: Params): Params =>
  a && Object.keys(a as object).length > 0 ? { $and: [a, b] } : b;
const ownerFilter = (ownerIds: number[]) => ({ owner: { id: { $in: ownerIds } } });
// Beyond this many records the id list would near the databases' limit on bound values.
const MAX_LISTED_RECORDS = 10_000;

/** The lists a person fills on the site, each at most MAX_RECORDS_PER_LIST long. */
const LISTS = new Set<string>([
  UID.languageSkill,
  UID.educationEntry,
  UID.employmentEntry,
  UID.document,
]);

/**
 * The sharing rule applied below every entry point: REST controllers, the admin panel's Content
 * Manager and any plugin reach personal records through the document service, and this middleware
 * scopes every read to what the actor may see and refuses every write the actor may not make.
 * Code that bypasses the document service (strapi.db.query) is plugin or system code by contract.
 */
export function createDocumentGuard(strapi: Core.Strapi) {
  const access = () => getService(strapi, 'access');

  async function resolveOwnerId(value: unknown): Promise<number | undefined> {
    const refs = relationRefs(value);
    if (refs.length !== 1) return undefined;
    const [ref] = refs;
    if (ref.id !== undefined) return ref.id;
    const user = await strapi.db
      .query(UID.user)
      .findOne({ where: { documentId: ref.documentId }, select: ['id'] });
    return user?.id;
  }

  /**
   * Populating a relation loads the related rows without asking the related type's guard, so each
   * populated personal relation gets the same owner filter here, and users are cut to their name.
   */
  async function scopePopulate(uid: string, populate: unknown, actor: Actor): Promise<unknown> {
    if (populate === undefined || populate === null || populate === false) return populate;
    const model = strapi.getModel(uid as never) as { attributes: Record<string, any> } | undefined;
    if (!model) return populate;
    const tree: Record<string, any> = {};
    const add = (path: string[]) => {
      const [head, ...rest] = path;
      if (!head) return;
      if (rest.length === 0) {
        tree[head] ??= true;
        return;
      }
      const node = tree[head] === true || tree[head] === undefined ? { populate: [] } : tree[head];
      node.populate = [...(Array.isArray(node.populate) ? node.populate : []), rest.join('.')];
      tree[head] = node;
    };
    if (populate === '*' || populate === true) {
      for (const [name, attribute] of Object.entries(model.attributes)) {
        if (['relation', 'component', 'media', 'dynamiczone'].includes(attribute.type))
          tree[name] = true;
      }
    } else if (typeof populate === 'string') {
      populate.split(',').forEach((item) => add(item.trim().split('.')));
    } else if (Array.isArray(populate)) {
      populate.forEach((item) => add(String(item).split('.')));
    } else if (typeof populate === 'object') {
      Object.assign(tree, populate);
    }

    const personal = access().personalTypes();
    for (const [name, value] of Object.entries(tree)) {
      const attribute = model.attributes[name];
      if (!attribute) continue;
      const node = value === true || value === '*' ? {} : { ...value };
      const target: string | undefined =
        attribute.type === 'component' ? attribute.component : attribute.target;
      if (attribute.type === 'relation' && target && personal.has(target)) {
        const scope = await access().readScope(actor, personal.get(target)!);
        node.filters = and(
          node.filters,
          'deny' in scope ? { id: { $in: [] } } : 'all' in scope ? {} : ownerFilter(scope.ownerIds),
        );
      }
      // Staff learn no more of an account than which one it is: usernames may name the person. The
      // caller's own filters, sort and populate below an account are dropped: they would make it an oracle.
      if (target === UID.user) {
        tree[name] = { fields: actor.kind === 'newcomer' ? ['username'] : ['documentId'] };
        continue;
      }
      if (target === 'admin::user') node.fields = ['firstname', 'lastname'];
      if (target && node.populate !== undefined)
        node.populate = await scopePopulate(target, node.populate, actor);
      tree[name] = node;
    }
    return tree;
  }

  /**
   * A filter or sort through a record's owner may name which account (`owner.id`), nothing of it:
   * `filters[owner][email][$startsWith]=ab` would tell a grantee the e-mail address letter by letter,
   * and `owner.role.users` would reach every account.
   */
  function refuseAccountPaths(params: Params) {
    const sort = namedPaths(params.sort) ?? [];
    const paths = [...filterPaths(params.filters), ...sort];
    if (paths.some((path) => reachesIntoAccount(path, 'owner')))
      throw new errors.ForbiddenError(
        'Records cannot be filtered or sorted by their owner’s account.',
      );
  }

  /** Relations from a personal record may only point at records of the same owner. */
  async function checkRelationTargets(uid: string, data: Params | undefined, ownerId: number) {
    if (!data) return;
    const model = strapi.getModel(uid as never) as { attributes: Record<string, any> };
    const personal = access().personalTypes();
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (
        attribute.type !== 'relation' ||
        !personal.has(attribute.target) ||
        data[name] === undefined
      )
        continue;
      const refs = relationRefs(data[name]);
      if (refs.length === 0) continue;
      const ids = refs.flatMap((ref) => (ref.id === undefined ? [] : [ref.id]));
      const documentIds = refs.flatMap((ref) =>
        ref.documentId === undefined ? [] : [ref.documentId],
      );
      const found = await strapi.db.query(attribute.target).findMany({
        where: {
          $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }],
          owner: { id: ownerId },
        },
        select: ['id', 'documentId'],
      });
      const known = new Set(found.flatMap((row) => [`id:${row.id}`, `doc:${row.documentId}`]));
      const missing = refs.some(
        (ref) => !known.has(ref.id !== undefined ? `id:${ref.id}` : `doc:${ref.documentId}`),
      );
      if (missing)
        throw new errors.ValidationError(`${name}: no such record`, {
          errors: [{ path: [name], message: 'error.notFound' }],
        });
    }
  }

  /**
   * The scope of a read: the records of these owners. Strapi turns an owner filter into a LEFT JOIN
   * through the link and user tables; PostgreSQL plans it through the link table's index, SQLite
   * reads the whole record table for it (see `linkedTo`). On SQLite the ids of the owners' records
   * are therefore looked up in the link index first and the read is filtered by id.
   */
  async function scopeFilter(uid: string, ownerIds: number[]): Promise<Params> {
    if ((strapi.db as unknown as { dialect: { client: string } }).dialect.client !== 'sqlite')
      return ownerFilter(ownerIds);
    if (ownerIds.length === 0) return { id: { $in: [] } };
    // Through the query engine, so that it joins a transaction the caller may have opened.
    const rows: Array<{ id: number }> = await strapi.db.query(uid).findMany({
      where: { id: { $in: linkedTo(strapi, uid, 'owner', ownerIds) } },
      select: ['id'],
    });
    return rows.length > MAX_LISTED_RECORDS
      ? ownerFilter(ownerIds)
      : { id: { $in: rows.map((row) => row.id) } };
  }

  /**
   * Who owns each record a read returned. When the caller's own filter already pins the owner
   * (`{ owner: { id } }`, as the staff record view asks), that is the answer without a query.
   */
  async function ownersOf(
    uid: string,
    result: unknown,
    pinned?: number,
  ): Promise<Map<number, string[]>> {
    const docs = (Array.isArray(result) ? result : result ? [result] : []) as Array<{
      id?: number;
      documentId?: string;
    }>;
    const ids = docs.map((doc) => doc.id).filter((id): id is number => typeof id === 'number');
    const byOwner = new Map<number, string[]>();
    if (ids.length === 0) return byOwner;
    if (pinned !== undefined && docs.every((doc) => typeof doc.documentId === 'string'))
      return byOwner.set(
        pinned,
        docs.map((doc) => doc.documentId!),
      );
    const rows = await strapi.db.query(uid).findMany({
      where: { id: { $in: ids } },
      select: ['documentId'],
      populate: { owner: { select: ['id'] } },
    });
    for (const row of rows) {
      if (!row.owner) continue;
      byOwner.set(row.owner.id, [...(byOwner.get(row.owner.id) ?? []), row.documentId]);
    }
    return byOwner;
  }

  async function auditStaff(
    actor: Actor,
    section: Section,
    uid: string,
    action: AuditEntry['action'],
    byOwner: Map<number, string[]>,
  ) {
    if (actor.kind !== 'staff') return;
    const entries: AuditEntry[] = [];
    for (const [ownerId, documentIds] of byOwner) {
      entries.push({
        actor,
        ownerId,
        action,
        section,
        resource: { type: uid, id: documentIds.length === 1 ? documentIds[0] : '' },
      });
    }
    await getService(strapi, 'audit').record(entries);
  }

  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    const section = access().personalTypes().get(ctx.uid);
    if (!section) return next();
    const actor = access().currentActor();
    if (actor.kind === 'system') return next();

    if (READS.has(ctx.action)) {
      if (actor.kind === 'staff' && isHomepageWidget(currentHandler(strapi)))
        return NOTHING[ctx.action];
      refuseAccountPaths(ctx.params);
      const scope = await access().readScope(actor, section);
      if ('deny' in scope)
        throw new errors.ForbiddenError(
          'Personal data is only shared with the owner and the staff they chose.',
        );
      const asked = ctx.params.filters;
      // A filter that pins one owner narrows the scope to that owner (or to nobody if not granted):
      // the same result, without listing every record of every owner in scope.
      const pinned = pinnedOwner(asked);
      const owners =
        'ownerIds' in scope && pinned !== undefined
          ? scope.ownerIds.filter((id) => id === pinned)
          : 'ownerIds' in scope
            ? scope.ownerIds
            : [];
      ctx.params = {
        ...ctx.params,
        filters: 'all' in scope ? asked : and(asked, await scopeFilter(ctx.uid, owners)),
        populate: await scopePopulate(ctx.uid, ctx.params.populate, actor),
      };
      const result = await next();
      // The Content Manager answers a missing document with an empty 200 form; staff get a plain 404.
      if (actor.kind === 'staff' && ctx.action === 'findOne' && !result)
        throw new errors.NotFoundError('Not Found');
      // Only staff reads are audited: the owners are looked up for them alone.
      if (ctx.action !== 'count' && actor.kind === 'staff') {
        await auditStaff(
          actor,
          section,
          ctx.uid,
          AUDITED_EVENTS.READ,
          await ownersOf(ctx.uid, result, pinned),
        );
      }
      return result;
    }

    // Frozen records (plan versions) are written by the plugin's own system code only.
    if (access().isReadOnly(ctx.uid))
      throw new errors.ForbiddenError('This record cannot be changed.');

    if (ctx.action === 'create') {
      const ownerId = await resolveOwnerId(ctx.params.data?.owner);
      if (!(await access().canWrite(actor, section, ownerId)))
        throw new errors.ForbiddenError('Not allowed to create this record.');
      await checkRelationTargets(ctx.uid, ctx.params.data, ownerId!);
      if (
        LISTS.has(ctx.uid) &&
        (await strapi.db.query(ctx.uid).count({ where: { owner: { id: ownerId } } })) >=
          MAX_RECORDS_PER_LIST
      )
        throw new errors.ValidationError('error.listFull', {
          errors: [{ path: [], message: 'error.listFull' }],
        });
      const result = (await next()) as { documentId: string };
      await auditStaff(
        actor,
        section,
        ctx.uid,
        AUDITED_EVENTS.CREATE,
        new Map([[ownerId!, [result.documentId]]]),
      );
      return result;
    }

    if (CHANGES.has(ctx.action)) {
      const existing = await strapi.db.query(ctx.uid).findOne({
        where: { documentId: ctx.params.documentId },
        select: ['id'],
        populate: { owner: { select: ['id'] } },
      });
      const ownerId: number | undefined = existing?.owner?.id;
      // 404, not 403: whether somebody else's record exists is itself personal information.
      if (!existing || !(await access().canWrite(actor, section, ownerId)))
        throw new errors.NotFoundError('Not Found');
      if (ctx.action === 'update') {
        const owner = ctx.params.data?.owner;
        if (changesRelation(owner) && (await resolveOwnerId(owner)) !== ownerId) {
          throw new errors.ForbiddenError('The owner of a record cannot be changed.');
        }
        await checkRelationTargets(ctx.uid, ctx.params.data, ownerId!);
      }
      const result = await next();
      const action = ctx.action === 'update' ? AUDITED_EVENTS.UPDATE : AUDITED_EVENTS.DELETE;
      await auditStaff(
        actor,
        section,
        ctx.uid,
        action,
        new Map([[ownerId!, [ctx.params.documentId]]]),
      );
      return result;
    }

    // clone, publish, unpublish, discardDraft: personal records have no drafts and are never copied.
    throw new errors.ForbiddenError(`${ctx.action} is not allowed on personal data.`);
  };
}
