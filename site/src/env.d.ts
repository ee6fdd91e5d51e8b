/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The locale of the URL's first segment, German when it is not one (never on a [locale] page: the middleware answers 404 there). */
    locale: import('@mobio/config').Locale;
    /** Text direction of that locale, for <html dir>. */
    dir: 'ltr' | 'rtl';
    /** Messages of that locale. */
    t: import('./i18n').Translate;
    /** Whether this device asked for German under each label and coded value (never on German pages). */
    germanBeside: boolean;
    /** The German line for a text when germanBeside is on and it differs from the page's text. */
    german: import('./lib/german-beside').GermanLine;
    /** The JWT of the session cookie, when there is a well-formed one (it may still be expired). */
    jwt?: string;
    /** The logged-in user; set on protected pages only (dashboard, account/…). */
    user?: import('./lib/auth').SessionUser;
    /** Set on a protected page when the CMS could not be asked who the user is. */
    userUnavailable?: boolean;
  }
}
