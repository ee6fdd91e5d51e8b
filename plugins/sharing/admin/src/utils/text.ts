import { useIntl } from 'react-intl';
import de from '../translations/de.json';

/** The plugin's id, the prefix of its keys in the admin panel's one message table. */
export const PLUGIN_ID = 'sharing';

/** A key of the plugin's catalogues (translations/de.json is the reference; en.json has the same keys). */
export type TextKey = keyof typeof de;

/** The admin panel's id of a catalogue key. */
export const textId = (key: TextKey) => `${PLUGIN_ID}.${key}`;

/** Catalogue keys prefixed for the admin panel, as registerTrads hands them over. */
export function prefixed(catalogue: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text]),
  );
}

/**
 * The plugin's texts in the staff member's admin language (German unless they chose English),
 * with `{placeholders}` filled in. German is the fallback for a key a catalogue lacks.
 */
export function useText() {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- react-intl binds formatMessage
  const { formatMessage } = useIntl();
  return (key: TextKey, values?: Record<string, string | number>) =>
    formatMessage({ id: textId(key), defaultMessage: de[key] }, values);
}

/** A server's error message that is a catalogue key (`error.required`), in the admin language. */
export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(de, key);
}
