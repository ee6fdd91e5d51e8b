import { describe, expect, it } from 'vitest';
import { cmsFailureOf } from '../cms';

describe('cmsFailureOf', () => {
  it('puts a validation message of the CMS next to the field it names', () => {
    const failure = cmsFailureOf(400, {
      error: {
        message: 'error.wrongPassword',
        details: { errors: [{ path: ['password'], message: 'error.wrongPassword' }] },
      },
    });
    expect(failure).toMatchObject({ fields: { password: 'error.wrongPassword' }, status: 400 });
  });

  it('takes a not-found key of the plugin as the message for the whole form', () => {
    const failure = cmsFailureOf(404, {
      error: {
        message: 'error.invitationCode',
        details: { errors: [{ path: [], message: 'error.invitationCode' }] },
      },
    });
    expect(failure).toEqual({ key: 'error.invitationCode', fields: {}, status: 404 });
  });

  it('never passes on a CMS text the catalogues do not know', () => {
    const failure = cmsFailureOf(400, {
      error: {
        message: 'Invalid input',
        details: { errors: [{ path: ['owner'], message: 'error.unknownField:owner' }] },
      },
    });
    expect(failure.fields).toEqual({ owner: 'error.unexpected' });
    expect(cmsFailureOf(400, { error: { message: 'Something broke in Strapi' } }).key).toBe(
      'error.unexpected',
    );
    expect(cmsFailureOf(404, 'not json').key).toBe('error.notFound');
  });

  it('says "log in again" for a refused session, "too many" for 429 and "unavailable" for a server error', () => {
    expect(cmsFailureOf(401, undefined)).toMatchObject({
      key: 'error.sessionExpired',
      status: 401,
    });
    expect(cmsFailureOf(429, undefined)).toMatchObject({ key: 'error.tooMany', status: 429 });
    expect(cmsFailureOf(502, undefined)).toMatchObject({ key: 'auth.cmsUnavailable', status: 503 });
  });

  it('says "storage full" when the district\'s document store refused the file (507)', () => {
    expect(cmsFailureOf(507, undefined)).toEqual({
      key: 'error.storageFull',
      fields: {},
      status: 507,
    });
  });

  it('says why when a 503 names its reason (too many imports at once), and "unavailable" otherwise', () => {
    const busy = {
      error: {
        message: 'error.importBusy',
        details: { errors: [{ path: ['file'], message: 'error.importBusy' }] },
      },
    };
    expect(cmsFailureOf(503, busy)).toEqual({ key: 'error.importBusy', fields: {}, status: 503 });
    expect(cmsFailureOf(503, { error: { message: 'Service Unavailable' } }).key).toBe(
      'auth.cmsUnavailable',
    );
    expect(cmsFailureOf(500, busy).key).toBe('auth.cmsUnavailable');
  });
});
