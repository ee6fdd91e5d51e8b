import { CATALOGUE_KEY_MAX, FIELDS_OF_ACTION, PLAN_ITEM_KINDS } from '@mobio/config';

/**
 * A goal or measure a District administrator adds to the plan catalogue (the built-in entries live
 * in @mobio/config). Not personal data: no owner, no sharing section. German is required; a
 * language without a label shows the German one, marked as not yet translated.
 */
export default {
  kind: 'collectionType',
  collectionName: 'sharing_catalogue_entries',
  info: {
    singularName: 'catalogue-entry',
    pluralName: 'catalogue-entries',
    // Shown in the admin panel's menu: the staff side speaks German.
    displayName: 'Katalog der Ziele und Maßnahmen',
    description:
      'A standard goal or measure of integration plans, added by the district: key, field of action, kind and a label per language (German required).',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    key: { type: 'string', required: true, unique: true, maxLength: CATALOGUE_KEY_MAX },
    field: { type: 'enumeration', enum: [...FIELDS_OF_ACTION.codes], required: true },
    kind: { type: 'enumeration', enum: [...PLAN_ITEM_KINDS], required: true },
    labelDe: { type: 'string', required: true, maxLength: 300 },
    labelEn: { type: 'string', maxLength: 300 },
    labelAr: { type: 'string', maxLength: 300 },
    labelFa: { type: 'string', maxLength: 300 },
    labelFr: { type: 'string', maxLength: 300 },
    labelUk: { type: 'string', maxLength: 300 },
  },
} as const;
