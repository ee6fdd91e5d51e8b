import { describe, expect, it } from 'vitest';
import {
  changePasswordSchema,
  FORM_FIELDS,
  forgotPasswordSchema,
  loginSchema,
  readForm,
  registerSchema,
  resetPasswordSchema,
  validate,
} from '../forms';

const good = {
  email: 'amal@example.org',
  password: 'Sonnenblume',
  passwordConfirmation: 'Sonnenblume',
  privacy: 'on',
};

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
  new Request('http://site.test/en/register', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

describe('registerSchema', () => {
  it('accepts an e-mail, a long enough password typed twice and the privacy box', () => {
    expect(validate(registerSchema, good)).toEqual({ ok: true, data: good });
  });

  it('trims the e-mail address', () => {
    const result = validate(registerSchema, { ...good, email: '  amal@example.org ' });
    expect(result.ok && result.data.email).toBe('amal@example.org');
  });

  it('says "required" for every empty field, as catalogue keys', () => {
    const result = validate(registerSchema, {
      email: '',
      password: '',
      passwordConfirmation: '',
      privacy: '',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'error.required',
        password: 'error.required',
        passwordConfirmation: 'error.required',
        privacy: 'error.privacyRequired',
      },
    });
  });

  it('refuses an address without @ or domain', () => {
    for (const email of ['amal', 'amal@', '@example.org', 'amal@example']) {
      expect(validate(registerSchema, { ...good, email })).toEqual({
        ok: false,
        errors: { email: 'error.email' },
      });
    }
  });

  it('refuses a password of 7 characters and accepts 8, counting Arabic letters as one each', () => {
    const seven = 'كلمةسرّ';
    expect([...seven].length).toBe(7);
    expect(
      validate(registerSchema, { ...good, password: seven, passwordConfirmation: seven }),
    ).toEqual({
      ok: false,
      errors: { password: 'error.passwordShort' },
    });
    const eight = `${seven}ة`;
    expect(
      validate(registerSchema, { ...good, password: eight, passwordConfirmation: eight }).ok,
    ).toBe(true);
  });

  it('refuses a password over the 72 bytes the CMS can store', () => {
    const latin = 'a'.repeat(73);
    expect(
      validate(registerSchema, { ...good, password: latin, passwordConfirmation: latin }),
    ).toEqual({
      ok: false,
      errors: { password: 'error.passwordLong' },
    });
    // 37 Arabic letters are 74 bytes in UTF-8.
    const arabic = 'ب'.repeat(37);
    expect(
      validate(registerSchema, { ...good, password: arabic, passwordConfirmation: arabic }).ok,
    ).toBe(false);
    expect(
      validate(registerSchema, {
        ...good,
        password: 'a'.repeat(72),
        passwordConfirmation: 'a'.repeat(72),
      }).ok,
    ).toBe(true);
  });

  it('refuses two different passwords, at the confirmation field', () => {
    expect(validate(registerSchema, { ...good, passwordConfirmation: 'Sonnenblumen' })).toEqual({
      ok: false,
      errors: { passwordConfirmation: 'error.passwordMismatch' },
    });
  });

  it('reports the mismatch together with errors in other fields', () => {
    const result = validate(registerSchema, {
      ...good,
      email: 'x',
      privacy: '',
      passwordConfirmation: 'other',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'error.email',
        passwordConfirmation: 'error.passwordMismatch',
        privacy: 'error.privacyRequired',
      },
    });
    // In the order of the form, for the summary at the top.
    expect(Object.keys(result.ok ? {} : result.errors)).toEqual([
      'email',
      'passwordConfirmation',
      'privacy',
    ]);
  });

  it('refuses a privacy box with any other value than "on"', () => {
    expect(validate(registerSchema, { ...good, privacy: 'yes' })).toEqual({
      ok: false,
      errors: { privacy: 'error.privacyRequired' },
    });
  });

  it('refuses fields the form does not have', () => {
    expect(validate(registerSchema, { ...good, role: 'admin' } as Record<string, string>).ok).toBe(
      false,
    );
  });
});

describe('loginSchema', () => {
  it('accepts any non-empty password, also a short old one', () => {
    expect(validate(loginSchema, { email: 'amal@example.org', password: 'abc' }).ok).toBe(true);
  });

  it('takes a chosen username instead of the address, in lower case', () => {
    expect(validate(loginSchema, { email: 'Amal.H', password: 'abc' })).toEqual({
      ok: true,
      data: { email: 'amal.h', password: 'abc' },
    });
  });

  it('refuses an empty password and something that is neither an address nor a username', () => {
    expect(validate(loginSchema, { email: 'nope@', password: '' })).toEqual({
      ok: false,
      errors: { email: 'error.email', password: 'error.required' },
    });
  });
});

describe('forgotPasswordSchema', () => {
  it('needs a valid address', () => {
    expect(validate(forgotPasswordSchema, { email: 'reza@example.org' }).ok).toBe(true);
    expect(validate(forgotPasswordSchema, { email: '' })).toEqual({
      ok: false,
      errors: { email: 'error.required' },
    });
  });
});

describe('resetPasswordSchema', () => {
  it('needs the code from the mail and the new password twice', () => {
    expect(
      validate(resetPasswordSchema, {
        code: 'abc123',
        password: 'Neues-Passwort',
        passwordConfirmation: 'Neues-Passwort',
      }).ok,
    ).toBe(true);
    expect(
      validate(resetPasswordSchema, { code: '', password: 'kurz', passwordConfirmation: 'kurz' }),
    ).toEqual({
      ok: false,
      errors: { code: 'error.required', password: 'error.passwordShort' },
    });
  });
});

describe('changePasswordSchema', () => {
  it('needs the current password and the new one twice', () => {
    const ok = {
      currentPassword: 'old',
      password: 'Neues-Passwort',
      passwordConfirmation: 'Neues-Passwort',
    };
    expect(validate(changePasswordSchema, ok).ok).toBe(true);
    expect(
      validate(changePasswordSchema, { ...ok, currentPassword: '', passwordConfirmation: 'x' }),
    ).toEqual({
      ok: false,
      errors: { currentPassword: 'error.required', passwordConfirmation: 'error.passwordMismatch' },
    });
  });
});

describe('readForm', () => {
  it('reads the named fields and ignores others', async () => {
    const form = await readForm(post('email=a%40b.de&password=x&role=admin'), FORM_FIELDS.login);
    expect(form).toEqual({ email: 'a@b.de', password: 'x' });
  });

  it('reads a missing field as an empty string', async () => {
    expect(await readForm(post('email=a%40b.de'), FORM_FIELDS.register)).toEqual({
      email: 'a@b.de',
      password: '',
      passwordConfirmation: '',
      privacy: '',
    });
  });

  it('reads a body that is not a form as an empty form instead of throwing', async () => {
    expect(
      await readForm(post('{"email":"a@b.de"}', 'application/json'), FORM_FIELDS.login),
    ).toEqual({ email: '', password: '' });
  });
});

describe('validate', () => {
  it('turns a message that is not a catalogue key into "did not work" instead of showing it', () => {
    const result = validate(loginSchema, {
      email: 'a@example.org',
      password: 'x',
      extra: 'y',
    } as Record<string, string>);
    expect(result).toEqual({ ok: false, errors: { form: 'error.unexpected' } });
  });
});
