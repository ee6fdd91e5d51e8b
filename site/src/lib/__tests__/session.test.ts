import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroCookies } from 'astro';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type SessionModule = typeof import('../session');
let session: SessionModule;

/** Just enough of AstroCookies to see what the module reads and writes. */
function fakeCookies(value?: string) {
  const set = vi.fn();
  const del = vi.fn();
  const cookies = {
    get: () => (value === undefined ? undefined : { value }),
    set,
    delete: del,
  } as unknown as AstroCookies;
  return { cookies, set, del };
}

beforeAll(async () => {
  // The site's configuration is read once per process: an https public URL, no .env file.
  vi.stubEnv('SITE_PUBLIC_URL', 'https://mobio.example');
  vi.stubEnv('MOBIO_ENV_FILE', join(tmpdir(), `mobio-session-test-${process.pid}-no-such.env`));
  vi.resetModules();
  session = await import('../session');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('session cookie', () => {
  it('is httpOnly, SameSite=Strict, for the whole site, 7 days long, and Secure on an https site', () => {
    const { cookies, set } = fakeCookies();
    session.writeSession(cookies, 'aaa.bbb.ccc');
    expect(set).toHaveBeenCalledWith('mobio_session', 'aaa.bbb.ccc', {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: true,
      maxAge: 7 * 24 * 60 * 60,
    });
  });

  it('reads a well-formed JWT back', () => {
    expect(session.readSession(fakeCookies('eyJh.eyJp.c2ln').cookies)).toBe('eyJh.eyJp.c2ln');
  });

  it.each(['', 'not-a-jwt', 'a.b', 'a.b.c.d', 'a.b.c\r\nX-Evil: 1', 'a b.c.d'])(
    'ignores the cookie value %j',
    (value) => {
      expect(session.readSession(fakeCookies(value).cookies)).toBeUndefined();
    },
  );

  it('is removed with the same path and flags it was set with', () => {
    const { cookies, del } = fakeCookies('a.b.c');
    session.clearSession(cookies);
    expect(del).toHaveBeenCalledWith('mobio_session', {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: true,
    });
  });
});
