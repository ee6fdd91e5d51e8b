import { describe, expect, it } from 'vitest';
import { failureOf } from '../auth';

const strapiError = (message: string) => ({
  data: null,
  error: { status: 400, name: 'ApplicationError', message },
});

describe('failureOf', () => {
  it('maps the CMS message for a used e-mail to a localized message at the e-mail field', () => {
    expect(failureOf(400, strapiError('Email or Username are already taken'))).toEqual({
      key: 'error.emailTaken',
      field: 'email',
      status: 400,
    });
  });

  it('maps wrong credentials to one message that does not say which part was wrong', () => {
    expect(failureOf(400, strapiError('Invalid identifier or password'))).toEqual({
      key: 'error.invalidCredentials',
      status: 400,
    });
  });

  it('maps the CMS rate limit to "too many attempts" with 429', () => {
    expect(
      failureOf(429, { error: { message: 'Too many requests, please try again later.' } }),
    ).toEqual({
      key: 'error.tooMany',
      status: 429,
    });
  });

  it('never passes an unknown CMS text on', () => {
    expect(failureOf(400, strapiError('Some internal detail <b>x</b>'))).toEqual({
      key: 'error.unexpected',
      status: 400,
    });
    expect(failureOf(400, 'not json')).toEqual({ key: 'error.unexpected', status: 400 });
  });

  it('treats a CMS error of 500 and above as "service unavailable"', () => {
    expect(failureOf(502, undefined)).toEqual({ key: 'auth.cmsUnavailable', status: 503 });
  });
});
