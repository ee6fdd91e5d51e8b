import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';

type OwnedUid =
  | 'api::profile.profile'
  | 'api::language-skill.language-skill'
  | 'api::education-entry.education-entry'
  | 'api::employment-entry.employment-entry'
  | 'api::document.document';

/**
 * Parses a REST body `{ data: … }` with the form's shared zod schema. Unknown keys, `owner`
 * among them, are refused with a 400 naming the field, so the client can never choose the owner.
 */
export function parseData<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = z.object({ data: schema }, { error: 'error.invalid' }).strict().safeParse(body);
  if (result.success) return (result.data as { data: z.output<T> }).data;
  throw new errors.ValidationError('Invalid input', {
    errors: result.error.issues.map((issue) => ({
      path: issue.path.slice(issue.path[0] === 'data' ? 1 : 0).map(String),
      message: issue.code === 'unrecognized_keys' ? `error.unknownField:${issue.keys.join(',')}` : issue.message,
      name: 'ValidationError',
    })),
  });
}

/**
 * The core controller of a newcomer's own records, with create and update going through the
 * shared schema and the owner set on the server from the session. Which records the caller may
 * read or change at all is the sharing plugin's rule, applied below this in the document service.
 */
export function ownedRecordController(uid: OwnedUid, schema: z.ZodType) {
  return factories.createCoreController(uid, ({ strapi }) => ({
    async create(ctx) {
      const data = parseData(schema, ctx.request.body) as Record<string, unknown>;
      const entry = await strapi.documents(uid).create({ data: { ...data, owner: ctx.state.user.id } as never });
      return this.transformResponse(await this.sanitizeOutput(entry, ctx));
    },

    async update(ctx) {
      const data = parseData(schema, ctx.request.body) as Record<string, unknown>;
      const entry = await strapi.documents(uid).update({ documentId: ctx.params.id, data: data as never });
      if (!entry) return ctx.notFound();
      return this.transformResponse(await this.sanitizeOutput(entry, ctx));
    },
  }));
}
