/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The locale of the URL's first segment, German when it is not one. */
    locale: import('@mobio/config').Locale;
    /** Text direction of that locale, for <html dir>. */
    dir: 'ltr' | 'rtl';
    /** Messages of that locale. */
    t: import('./i18n').Translate;
  }
}
