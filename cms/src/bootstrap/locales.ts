import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, type Config } from '@mobio/config';

/** Creates the content locales the installation offers (LOCALES; names in German, as the admin panel is German) and makes `de` the default. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const names = new Intl.DisplayNames(['de'], { type: 'language' });
  for (const code of (strapi.config.get('mobio') as Config).locales) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name: `${names.of(code)} (${code})` });
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
