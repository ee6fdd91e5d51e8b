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
  },
};
