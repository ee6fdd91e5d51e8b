import type { StrapiApp } from '@strapi/strapi/admin';
import de from './translations/de.json';

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
  },
  bootstrap(_app: StrapiApp) {
    if (!localStorage.getItem(LANGUAGE_KEY)) localStorage.setItem(LANGUAGE_KEY, 'de');
  },
};
