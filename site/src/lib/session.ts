import type { AstroCookies } from 'astro';
import { siteConfig } from './config';

/** The cookie that carries the newcomer's Strapi JWT. httpOnly: no page script can read it. */
export const SESSION_COOKIE = 'mobio_session';
/** As long as the CMS's JWTs live (users-permissions `jwt.expiresIn: '7d'`). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

// Three base64url parts: anything else in the cookie is not a JWT and is never sent to the CMS.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const secure = () => new URL(siteConfig().site.publicUrl).protocol === 'https:';

/** The JWT of the session cookie, or undefined when there is none or it is malformed. */
export function readSession(cookies: AstroCookies): string | undefined {
  const value = cookies.get(SESSION_COOKIE)?.value;
  return value && value.length < 4096 && JWT_SHAPE.test(value) ? value : undefined;
}

/** Stores the JWT in the session cookie. */
export function writeSession(cookies: AstroCookies, jwt: string): void {
  cookies.set(SESSION_COOKIE, jwt, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Removes the session cookie. */
export function clearSession(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure(),
  });
}
