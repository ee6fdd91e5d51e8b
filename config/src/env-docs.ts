import { z } from 'zod';
import { envSchema, SECRET_NAMES } from './env-schema.js';

/**
 * The configuration table of docs/configuration.md, made from the environment schema: one row per
 * variable with its default and its `.describe()` text. `npm run docs:config` writes it into the
 * file; a test (config/src/__tests__/env.test.ts) fails when the file holds anything else.
 */

/** What the default column says: the schema's default, "generated" for a secret, or `defaultText`. */
function shownDefault(name: string, schema: z.ZodType): string {
  const { defaultText } = (schema.meta() ?? {}) as { defaultText?: string };
  if (defaultText) return defaultText;
  if ((SECRET_NAMES as readonly string[]).includes(name)) return 'generated';
  if (schema instanceof z.ZodDefault) {
    const value: unknown = schema.def.defaultValue;
    if (value === '') return '(empty)';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return `\`${value}\``;
    throw new Error(`${name}: a default of this kind needs a defaultText for the documentation`);
  }
  return '(none)';
}

/** The markdown table of every environment variable, compact (no alignment padding). */
export function envTable(): string {
  const rows = Object.entries(envSchema.shape).map(([name, schema]) => {
    const meaning = schema.description;
    if (!meaning) throw new Error(`${name}: add .describe() with what it means, outermost`);
    const cell = (text: string) => text.replaceAll('|', '\\|');
    return `| \`${name}\` | ${cell(shownDefault(name, schema))} | ${cell(meaning)} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
