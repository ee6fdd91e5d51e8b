import type { StrapiApp } from '@strapi/strapi/admin';
import de from './translations/de.json';

/**
 * Strapi's primary buttons turn #7b79ff under the pointer: white on it is 3.5:1, below WCAG AA's
 * 4.5:1. A darker hover (7.7:1) keeps a visible change from the resting #4945ff (5.9:1).
 */
const PRIMARY_HOVER = { colors: { buttonPrimary500: '#3a36db' } };

/** Where Strapi keeps the admin language a person chose in their profile. */
const LANGUAGE_KEY = 'strapi-admin-language';

/**
 * Strapi 5.54 shows every admin a banner about its new media library ("Die neue Medienbibliothek
 * … Mehr erfahren", a link to Strapi's blog) until it is dismissed; staff have no use for it. The
 * dismissal is kept per browser under a key with the project's uuid (undefined while loading, then
 * false: MoBio's package.json has none) and the media-library flag: it is set as dismissed up front.
 */
const MEDIA_LIBRARY_BANNER_KEYS = ['true', 'false'].flatMap((legacy) =>
  ['undefined', 'false'].map(
    (uuid) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`,
  ),
);

/**
 * The staff side speaks German: German is offered beside English and is the language of everyone
 * who has not chosen one in their profile. translations/de.json fills what Strapi's own German
 * leaves out and says things the way an integration office does.
 */
export default {
  config: {
    locales: ['de'],
    translations: { de },
    tutorials: false,
    notifications: { releases: false },
    theme: { light: PRIMARY_HOVER, dark: PRIMARY_HOVER },
  },
  bootstrap(_app: StrapiApp) {
    if (!localStorage.getItem(LANGUAGE_KEY)) localStorage.setItem(LANGUAGE_KEY, 'de');
    for (const key of MEDIA_LIBRARY_BANNER_KEYS) localStorage.setItem(key, 'true');
  },
};
