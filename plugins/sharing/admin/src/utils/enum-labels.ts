import german from '../../../../../config/src/i18n/de.json';
import plugin from '../translations/de.json';

/**
 * The Content Manager names an enumeration's options by the stored code itself (its
 * `formatMessage({ id: code })`), so German labels are messages whose id is the code. The codes
 * of the types the District administrator edits there — organisations (kind) and catalogue
 * entries (field of action, kind) — are given their German labels from the one German catalogue
 * (config/src/i18n/de.json), not a second list; the catalogue's kinds from the plugin's own. Only these lists: codes like "other" or "school"
 * mean different things in other lists, and one message id can have only one text.
 */
export function contentManagerEnumLabels(): Record<string, string> {
  const { reference } = german;
  return {
    ...reference.organisationKinds,
    ...reference.fieldsOfAction,
    goal: plugin['catalogue.kind.goal'],
    measure: plugin['catalogue.kind.measure'],
  };
}
