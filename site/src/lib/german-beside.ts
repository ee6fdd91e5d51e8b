import { DEFAULT_LOCALE, type Locale } from '@mobio/config';
import type { AstroCookies } from 'astro';
import { type MessageKey, t } from '../i18n';
import { siteConfig } from './config';

/*
 * "German beside the own language", for counselling: the newcomer shows their phone to a staff
 * member who reads German. With the switch on, each label and each coded value on the newcomer's
 * pages is followed by its German text — taken from the same definitions as the page's own text
 * (the de catalogue, the reference lists' de label), never from a second German list. The choice
 * is remembered per device in a cookie; German pages need no second line.
 */

export const GERMAN_BESIDE_COOKIE = 'mobio_german';
const ONE_YEAR_SECONDS = 366 * 24 * 60 * 60;

/** A text that exists in every locale: a catalogue key, or a function giving the text in a locale. */
export type Localizable = MessageKey | ((locale: Locale) => string);

/** The German line for a text, or undefined when it is not to be shown. */
export type GermanLine = (text: Localizable) => string | undefined;

/** A text in one locale, from a catalogue key or from a function (a reference list's label). */
export function textIn(locale: Locale, text: Localizable): string {
  return typeof text === 'string' ? t(locale)(text) : text(locale);
}

/** Whether pages in this locale offer the switch: German pages need no German line. */
export const offersGermanBeside = (locale: Locale): boolean => locale !== DEFAULT_LOCALE;

/**
 * The German line for a page in `locale`: nothing when the switch is off, and nothing when the
 * German text is the same as the page's (on a German page, or a name or a code), which would only
 * say the same thing twice.
 */
export function germanLine(locale: Locale, on: boolean): GermanLine {
  if (!on) return () => undefined;
  return (text) => {
    const german = textIn('de', text);
    return german === textIn(locale, text) ? undefined : german;
  };
}

/** Whether this device asked for German beside the own language. */
export function readGermanBeside(cookies: AstroCookies): boolean {
  return cookies.get(GERMAN_BESIDE_COOKIE)?.value === 'on';
}

/** Remembers the choice on this device (a year), or forgets it. */
export function rememberGermanBeside(cookies: AstroCookies, on: boolean): void {
  if (!on) {
    cookies.delete(GERMAN_BESIDE_COOKIE, { path: '/' });
    return;
  }
  cookies.set(GERMAN_BESIDE_COOKIE, 'on', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: new URL(siteConfig().site.publicUrl).protocol === 'https:',
    maxAge: ONE_YEAR_SECONDS,
  });
}
