import type { Core } from '@strapi/strapi';
import {
  FIELDS_OF_ACTION,
  LOCALES,
  PLAN_CATALOGUE,
  PLAN_ITEM_KINDS,
  catalogueEntry,
  type FieldOfAction,
  type Locale,
  type PlanItemKind,
} from '@mobio/config';
import { errors } from '@strapi/utils';
import { UID } from '../uids';

type Row = Record<string, any>;

/** A catalogue entry as staff and the site get it: built-in (config) or added by the district. */
export interface MergedEntry {
  key: string;
  field: FieldOfAction;
  kind: PlanItemKind;
  /** German always; another language null while nobody has translated an added entry. */
  label: Record<Locale, string | null>;
  builtIn: boolean;
}

const column = (locale: Locale) => `label${locale[0].toUpperCase()}${locale.slice(1)}`;

function fromRow(row: Row): MergedEntry {
  const label = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      typeof row[column(locale)] === 'string' && row[column(locale)].trim() !== ''
        ? row[column(locale)]
        : null,
    ]),
  );
  return {
    key: row.key,
    field: row.field,
    kind: row.kind,
    label: label as MergedEntry['label'],
    builtIn: false,
  };
}

const fieldOrder = new Map<string, number>(FIELDS_OF_ACTION.codes.map((code, i) => [code, i]));
const kindOrder = new Map<string, number>(PLAN_ITEM_KINDS.map((kind, i) => [kind, i]));

/** A 400 naming the field at `path`, as the Content Manager shows it beside that field. */
export const invalid = (path: Array<string | number>, message: string) =>
  new errors.ValidationError(message, { errors: [{ path, message, name: 'ValidationError' }] });

/**
 * The plan catalogue: the built-in entries of @mobio/config merged with those a District
 * administrator added. Plans name entries by key; this service says which keys exist, refuses a
 * plan item that names none (or an entry of another field or kind), and checks added entries.
 */
const catalogue = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every entry, built-in first within each field of action and kind, in the order of the fields. */
  async list(): Promise<MergedEntry[]> {
    const added: Row[] = await strapi.db
      .query(UID.catalogueEntry)
      .findMany({ orderBy: { key: 'asc' } });
    const builtIn: MergedEntry[] = PLAN_CATALOGUE.map((entry) => ({
      ...entry,
      label: { ...entry.label },
      builtIn: true,
    }));
    const all = [...builtIn, ...added.map(fromRow)];
    // Stable sort: within a field and kind, built-in entries keep their order and added ones follow.
    return all.sort(
      (a, b) =>
        fieldOrder.get(a.field)! - fieldOrder.get(b.field)! ||
        kindOrder.get(a.kind)! - kindOrder.get(b.kind)!,
    );
  },

  /** One entry by key, built-in or added. */
  async find(key: string): Promise<MergedEntry | undefined> {
    const builtIn = catalogueEntry(key);
    if (builtIn) return { ...builtIn, label: { ...builtIn.label }, builtIn: true };
    const row: Row | null = await strapi.db.query(UID.catalogueEntry).findOne({ where: { key } });
    return row ? fromRow(row) : undefined;
  },

  /**
   * Goals and measures of a plan being written: each names a catalogue entry of its own field of
   * action and kind, or says what it is in free text. Throws a 400 naming the first bad item.
   */
  async checkPlanItems(fieldsOfAction: unknown): Promise<void> {
    if (!Array.isArray(fieldsOfAction)) return;
    for (const [i, field] of fieldsOfAction.entries()) {
      if (!field || typeof field !== 'object') continue;
      for (const kind of PLAN_ITEM_KINDS) {
        const list = (field as Row)[`${kind}s`];
        if (!Array.isArray(list)) continue;
        for (const [j, item] of list.entries()) {
          if (!item || typeof item !== 'object') continue;
          // An existing component named by id alone keeps what it has, which was checked when written.
          if (item.id !== undefined && !('catalogueKey' in item) && !('description' in item))
            continue;
          const key = typeof item.catalogueKey === 'string' ? item.catalogueKey.trim() : '';
          const text = typeof item.description === 'string' ? item.description.trim() : '';
          const path = ['fieldsOfAction', i, `${kind}s`, j];
          if (!key && !text)
            throw invalid(
              [...path, 'description'],
              'Bitte einen Eintrag aus dem Katalog wählen oder den Text selbst schreiben.',
            );
          if (!key) continue;
          const entry = await this.find(key);
          if (!entry)
            throw invalid(
              [...path, 'catalogueKey'],
              `Diesen Eintrag gibt es im Katalog nicht: „${key}“.`,
            );
          if (entry.kind !== kind || (field as Row).field !== entry.field) {
            throw invalid(
              [...path, 'catalogueKey'],
              `„${key}“ gehört nicht zu diesem Handlungsfeld (${kind === 'goal' ? 'Ziel' : 'Maßnahme'}).`,
            );
          }
        }
      }
    }
  },

  /** Whether a plan names the key in a goal or a measure. */
  async inUse(key: string): Promise<boolean> {
    for (const component of ['plan.goal', 'plan.measure'] as const) {
      if (
        await strapi.db
          .query(component as never)
          .findOne({ where: { catalogueKey: key }, select: ['id'] })
      )
        return true;
    }
    return false;
  },
});

export type CatalogueService = ReturnType<typeof catalogue>;
export default catalogue;
