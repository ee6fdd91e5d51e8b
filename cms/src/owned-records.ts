import { factories } from '@strapi/strapi';
import type { z } from 'zod';

type OwnedUid =
  | 'api::profile.profile'
  | 'api::language-skill.language-skill'
  | 'api::education-entry.education-entry'
  | 'api::employment-entry.employment-entry'
  | 'api::document.document';

/**
 * The body's `data`, checked with the form's shared schema; a 400 naming each bad field otherwise.
 * The sharing plugin's parseBody, the one check of every REST body.
 */
export function parseData(schema: z.ZodType, body: unknown): Record<string, unknown> {
  return strapi.plugin('sharing').service('validation').parseBody(schema, body);
}

/**
 * The core controller of a newcomer's own records, with create and update going through the
 * shared schema and the owner set on the server from the session. Which records the caller may
 * read or change at all is the sharing plugin's rule, applied below this in the document service.
 * Strapi types the extending object's `this` as partial; its response helpers are always there.
 */
export function ownedRecordController(uid: OwnedUid, schema: z.ZodType) {
  return factories.createCoreController(uid, ({ strapi }) => ({
    async create(ctx) {
      const data = parseData(schema, ctx.request.body);
      const entry = await strapi
        .documents(uid)
        .create({ data: { ...data, owner: ctx.state.user.id } as never });
      return this.transformResponse!(await this.sanitizeOutput!(entry, ctx));
    },

    async update(ctx) {
      const data = parseData(schema, ctx.request.body);
      const entry = await strapi
        .documents(uid)
        .update({ documentId: ctx.params.id, data: data as never });
      if (!entry) return ctx.notFound();
      return this.transformResponse!(await this.sanitizeOutput!(entry, ctx));
    },
  }));
}

type Action = 'find' | 'findOne' | 'create' | 'update' | 'delete';

/** Core router options: only these actions, each behind the plugin's newcomer policy. */
export function newcomerOnly<A extends Action>(only: A[]) {
  const config = Object.fromEntries(
    only.map((action) => [action, { policies: ['plugin::sharing.is-newcomer'] }]),
  ) as Record<A, { policies: string[] }>;
  return { only, config };
}
