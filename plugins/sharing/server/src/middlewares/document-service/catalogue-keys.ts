import type { Core } from '@strapi/strapi';
import { CATALOGUE_KEY_PATTERN, catalogueEntry } from '@mobio/config';
import { invalid } from '../../services/catalogue';
import { getService } from '../../utils';
import { UID } from '../../uids';

type Row = Record<string, any>;

/**
 * An added catalogue entry's key says its field and kind (`<field>.<goal|measure>.<slug>`) and
 * never takes a built-in key; a key used by a plan is not changed or deleted.
 */
export function catalogueKeys(strapi: Core.Strapi) {
  const inUse = (key: string) => getService(strapi, 'catalogue').inUse(key);
  return async (
    ctx: { uid: string; action: string; params: Row },
    next: () => Promise<unknown>,
  ) => {
    if (ctx.uid !== UID.catalogueEntry || !['create', 'update', 'delete'].includes(ctx.action))
      return next();
    const before: Row | null =
      ctx.action === 'create'
        ? null
        : await strapi.db
            .query(UID.catalogueEntry)
            .findOne({ where: { documentId: ctx.params.documentId } });
    if (ctx.action === 'delete') {
      if (before && (await inUse(before.key)))
        throw invalid(
          ['key'],
          `„${before.key}“ steht in einem Integrationsplan und kann nicht gelöscht werden.`,
        );
      return next();
    }
    const data: Row = { ...(before ?? {}), ...(ctx.params.data ?? {}) };
    const key = typeof data.key === 'string' ? data.key.trim() : '';
    const match = CATALOGUE_KEY_PATTERN.exec(key);
    if (!match || match[1] !== data.field || match[2] !== data.kind) {
      throw invalid(
        ['key'],
        `Der Schlüssel lautet „${data.field ?? 'handlungsfeld'}.${data.kind ?? 'goal'}.kurzer-name“ (Kleinbuchstaben, Ziffern und Bindestriche), z. B. „language.goal.fachsprache-pflege“.`,
      );
    }
    if (catalogueEntry(key))
      throw invalid(['key'], `„${key}“ ist schon ein Eintrag des eingebauten Katalogs.`);
    if (before && before.key !== key && (await inUse(before.key))) {
      throw invalid(
        ['key'],
        `„${before.key}“ steht in einem Integrationsplan: Schlüssel, Handlungsfeld und Art bleiben.`,
      );
    }
    if (
      before &&
      (before.field !== data.field || before.kind !== data.kind) &&
      (await inUse(before.key))
    ) {
      throw invalid(
        ['field'],
        `„${before.key}“ steht in einem Integrationsplan: Schlüssel, Handlungsfeld und Art bleiben.`,
      );
    }
    if (ctx.params.data && typeof ctx.params.data.key === 'string') ctx.params.data.key = key;
    return next();
  };
}
