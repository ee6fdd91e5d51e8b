import type { Core } from '@strapi/strapi';
import {
  DOCUMENT_FIELD_DEFS,
  EDUCATION_ENTRY_FIELD_DEFS,
  EMPLOYMENT_ENTRY_FIELD_DEFS,
  type FieldDef,
  LANGUAGE_SKILL_FIELD_DEFS,
  MOTHER_TONGUE,
  PROFILE_FIELD_DEFS,
  staffLabelOf,
} from '@mobio/config';
import { UID } from './uids';

/**
 * How the Content Manager shows MoBio's types to staff: German labels and descriptions, the
 * fields only the system sets read-only, the owner hidden (it is never picked by hand), and a
 * readable entry title. Written into Strapi's stored view settings at every start, so every
 * installation gets it and a change made by hand in "Ansicht konfigurieren" does not last.
 * The labels of a person's fields are their definitions' (config's fields.ts), not a second list.
 */

type Field = { label: string; description?: string; readOnly?: true; hidden?: true };
type Layout = { mainField?: string; fields: Record<string, Field> };

const FREE_TEXT_LANGUAGE: Field = {
  label: 'Sprache der Freitexte',
  description: 'ISO-Code der Sprache, in der die Freitexte geschrieben sind (z. B. de, ar, fa).',
};
const OWNER: Field = { label: 'Person', hidden: true };
const SYSTEM = (
  label: string,
  description = 'Setzt MoBio selbst; nicht von Hand änderbar.',
): Field => ({ label, description, readOnly: true });

/** A record's labelled fields as staff read them, as fields of the layout. */
const labelled = (fields: FieldDef[]): Record<string, Field> =>
  Object.fromEntries(
    fields.flatMap((field) => {
      const label = staffLabelOf(field);
      return label ? [[field.name, { label }]] : [];
    }),
  );

const LAYOUTS: Record<string, Layout> = {
  [UID.profile]: {
    mainField: 'familyName',
    fields: {
      ...labelled(PROFILE_FIELD_DEFS),
      owner: OWNER,
      uiLocale: { label: 'Sprache der Oberfläche' },
      textLanguage: FREE_TEXT_LANGUAGE,
    },
  },
  [UID.languageSkill]: {
    mainField: 'language',
    fields: {
      ...labelled(LANGUAGE_SKILL_FIELD_DEFS),
      owner: OWNER,
      language: { label: 'Sprache (ISO-Code)' },
      native: { label: MOTHER_TONGUE.de },
      textLanguage: FREE_TEXT_LANGUAGE,
    },
  },
  [UID.educationEntry]: {
    mainField: 'degree',
    fields: {
      ...labelled(EDUCATION_ENTRY_FIELD_DEFS),
      owner: OWNER,
      textLanguage: FREE_TEXT_LANGUAGE,
    },
  },
  [UID.employmentEntry]: {
    mainField: 'occupation',
    fields: {
      ...labelled(EMPLOYMENT_ENTRY_FIELD_DEFS),
      owner: OWNER,
      textLanguage: FREE_TEXT_LANGUAGE,
    },
  },
  [UID.document]: {
    mainField: 'title',
    fields: {
      ...labelled(DOCUMENT_FIELD_DEFS),
      owner: OWNER,
      translationOf: { label: 'Übersetzung von' },
      fileName: SYSTEM('Datei'),
      mimeType: SYSTEM('Dateityp'),
      size: SYSTEM('Größe (Bytes)'),
      storageKey: { label: 'Speicherschlüssel', hidden: true },
    },
  },
  [UID.integrationPlan]: {
    mainField: 'title',
    fields: {
      owner: OWNER,
      title: { label: 'Titel des Plans' },
      version: SYSTEM('Version', 'Zählt MoBio beim Vorlegen hoch.'),
      planStatus: {
        label: 'Stand',
        description:
          'Zum Vorlegen „proposed“ wählen (besser: im Integrationsplan-Editor unter „Für mich freigegeben“). „accepted“ setzt nur die Person selbst.',
      },
      fieldsOfAction: { label: 'Handlungsfelder' },
      reviews: { label: 'Überprüfungstermine' },
      notes: { label: 'Anmerkungen' },
      proposedAt: SYSTEM('Vorgelegt am'),
      acceptedAt: SYSTEM('Vereinbart am', 'Setzt nur die Zustimmung der Person.'),
      acceptedVersion: SYSTEM('Vereinbarte Version', 'Setzt nur die Zustimmung der Person.'),
      textLanguage: FREE_TEXT_LANGUAGE,
    },
  },
  [UID.planVersion]: {
    mainField: 'version',
    fields: {
      owner: OWNER,
      plan: SYSTEM('Integrationsplan'),
      version: SYSTEM('Version'),
      content: SYSTEM('Inhalt (beim Vorlegen eingefroren)'),
      proposedAt: SYSTEM('Vorgelegt am'),
      acceptedAt: SYSTEM('Vereinbart am', 'Setzt nur die Zustimmung der Person.'),
    },
  },
  'plan.field-of-action': {
    mainField: 'field',
    fields: {
      field: { label: 'Handlungsfeld' },
      situation: { label: 'Ausgangslage' },
      goals: { label: 'Ziele' },
      measures: { label: 'Vereinbarte Maßnahmen' },
    },
  },
  'plan.goal': {
    mainField: 'description',
    fields: {
      catalogueKey: {
        label: 'Katalogeintrag',
        description:
          'Schlüssel eines Standardziels; die Person liest es in ihrer Sprache. Leer lassen für Freitext.',
      },
      description: { label: 'Beschreibung (Freitext)' },
      dueDate: { label: 'Bis' },
      status: { label: 'Stand' },
    },
  },
  'plan.measure': {
    mainField: 'description',
    fields: {
      catalogueKey: {
        label: 'Katalogeintrag',
        description:
          'Schlüssel einer Standardmaßnahme; die Person liest sie in ihrer Sprache. Leer lassen für Freitext.',
      },
      description: { label: 'Beschreibung (Freitext)' },
      responsible: { label: 'Wer' },
      responsibleName: { label: 'Name der Stelle oder Person' },
      dueDate: { label: 'Bis' },
      status: { label: 'Stand' },
    },
  },
  'plan.review': {
    mainField: 'date',
    fields: { date: { label: 'Datum' }, note: { label: 'Anmerkung' } },
  },
  [UID.catalogueEntry]: {
    mainField: 'labelDe',
    fields: {
      key: {
        label: 'Schlüssel',
        description:
          '<Handlungsfeld>.<goal|measure>.<kurzname>, z. B. work.goal.approbation-pharmacy; nach dem ersten Gebrauch nicht mehr änderbar.',
      },
      field: { label: 'Handlungsfeld' },
      kind: { label: 'Art', description: 'goal = Ziel, measure = Maßnahme' },
      labelDe: { label: 'Text (Deutsch)' },
      labelEn: {
        label: 'Text (Englisch)',
        description:
          'Leer: Die Person liest den deutschen Text, als „noch nicht übersetzt“ markiert.',
      },
      labelAr: {
        label: 'Text (Arabisch)',
        description:
          'Leer: Die Person liest den deutschen Text, als „noch nicht übersetzt“ markiert.',
      },
      labelFa: {
        label: 'Text (Persisch)',
        description:
          'Leer: Die Person liest den deutschen Text, als „noch nicht übersetzt“ markiert.',
      },
      labelFr: {
        label: 'Text (Französisch)',
        description:
          'Leer: Die Person liest den deutschen Text, als „noch nicht übersetzt“ markiert.',
      },
      labelUk: {
        label: 'Text (Ukrainisch)',
        description:
          'Leer: Die Person liest den deutschen Text, als „noch nicht übersetzt“ markiert.',
      },
    },
  },
  [UID.infoPage]: {
    mainField: 'title',
    fields: {
      title: { label: 'Titel' },
      slug: {
        label: 'Adresse (Kurzname)',
        description: 'Teil der Seitenadresse, z. B. „sprachkurse“.',
      },
      summary: { label: 'Kurzfassung' },
      body: { label: 'Text' },
      order: { label: 'Reihenfolge' },
    },
  },
  [UID.infoEvent]: {
    mainField: 'title',
    fields: {
      title: { label: 'Titel' },
      description: { label: 'Beschreibung' },
      startsAt: { label: 'Beginn' },
      endsAt: { label: 'Ende' },
      location: { label: 'Ort' },
      organiser: { label: 'Veranstalter' },
    },
  },
  [UID.organisation]: {
    mainField: 'name',
    fields: {
      name: { label: 'Name' },
      kind: { label: 'Art' },
      address: { label: 'Anschrift' },
      email: { label: 'E-Mail' },
      phone: { label: 'Telefon' },
      website: { label: 'Internetseite' },
    },
  },
};

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};

/** A stored view configuration with MoBio's labels, read-only and hidden fields and entry title. */
export function withLayout(configuration: Configuration, layout: Layout): Configuration {
  const metadatas = { ...configuration.metadatas };
  for (const [name, field] of Object.entries(layout.fields)) {
    const current = metadatas[name];
    if (!current) continue;
    metadatas[name] = {
      edit: {
        ...current.edit,
        label: field.label,
        description: field.description ?? '',
        editable: !field.readOnly,
        visible: !field.hidden,
      },
      list: { ...current.list, label: field.label },
    };
  }
  const hidden = new Set(
    Object.entries(layout.fields)
      .filter(([, field]) => field.hidden)
      .map(([name]) => name),
  );
  const mainField =
    layout.mainField && metadatas[layout.mainField]
      ? layout.mainField
      : configuration.settings.mainField;
  return {
    ...configuration,
    settings: { ...configuration.settings, mainField },
    metadatas,
    layouts: {
      list: configuration.layouts.list.filter((name) => !hidden.has(name)),
      edit: configuration.layouts.edit
        .map((row) => row.filter((cell) => !hidden.has(cell.name)))
        .filter((row) => row.length > 0),
    },
  };
}

/** Writes MoBio's layouts over the Content Manager's stored ones (after its own sync at start). */
export async function configureContentManager(strapi: Core.Strapi) {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const isComponent = !uid.includes('::');
    const service = contentManager.service(isComponent ? 'components' : 'content-types');
    const model = isComponent ? strapi.components[uid as never] : strapi.contentTypes[uid as never];
    if (!model) continue;
    const current = (await service.findConfiguration(
      isComponent ? { uid } : model,
    )) as Configuration & { uid: string };
    const { uid: _uid, ...stored } = current;
    await service.updateConfiguration(
      isComponent ? { uid } : model,
      withLayout(stored as Configuration, layout),
    );
  }
}
