import { errors } from '@strapi/utils';
import { fieldErrors, parseRequestData } from '@mobio/config';
import type { z } from 'zod';

/** A REST body `{ data: … }` checked with a shared form schema, or a 400 naming each bad field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = parseRequestData(schema, body);
  if ('errors' in result)
    throw new errors.ValidationError('Invalid input', { errors: result.errors });
  return result.data;
}

/** Query parameters checked with a strict schema (unknown ones refused), or a 400 naming each. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const result = schema.safeParse(query);
  if (!result.success)
    throw new errors.ValidationError('Invalid query', { errors: fieldErrors(result.error) });
  return result.data;
}
