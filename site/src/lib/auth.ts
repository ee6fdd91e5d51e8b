import { newUsername } from '@mobio/config';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import type { FieldErrors } from './forms';
import { commonFailure, type CmsResult, requestCms } from './cms';

/*
 * The CMS's users-permissions routes, as the site uses them. Nothing here throws and no CMS text
 * reaches a page: every failure becomes a catalogue key (and, when it belongs to one, a field).
 */

export interface AuthFailure {
  key: MessageKey;
  /** The form field the message belongs beside, if any. */
  field?: string;
  /** The status the page answers with. */
  status: 400 | 401 | 429 | 503 | 507;
}
export type AuthResult<T> = CmsResult<T, AuthFailure>;

// An account registered without an e-mail address has none (null) and a chosen username instead.
const userSchema = z.object({
  id: z.number(),
  documentId: z.string(),
  email: z.string().nullable(),
  username: z.string().optional(),
});
export type SessionUser = z.infer<typeof userSchema>;
const sessionSchema = z.object({ jwt: z.string().min(1), user: userSchema });
const errorSchema = z.object({ error: z.object({ message: z.string().optional() }).optional() });

const CMS_DOWN: AuthFailure = { key: 'auth.cmsUnavailable', status: 503 };

// The users-permissions messages the site knows (Strapi 5.54); anything else is "did not work".
const KNOWN_ERRORS: Record<string, Omit<AuthFailure, 'status'>> = {
  'Email or Username are already taken': { key: 'error.emailTaken', field: 'email' },
  'Invalid identifier or password': { key: 'error.invalidCredentials' },
  'The provided current password is invalid': {
    key: 'error.currentPasswordWrong',
    field: 'currentPassword',
  },
  'Your new password must be different than your current password': {
    key: 'error.samePassword',
    field: 'password',
  },
  'Passwords do not match': { key: 'error.passwordMismatch', field: 'passwordConfirmation' },
  'Incorrect code provided': { key: 'error.resetCode' },
  'Your account has been blocked by an administrator': { key: 'error.blocked' },
  'Your account email is not confirmed': { key: 'error.notConfirmed' },
  'Password must be less than 73 bytes': { key: 'error.passwordLong', field: 'password' },
};

/** Turns a CMS error answer into a localized failure. */
export function failureOf(status: number, body: unknown): AuthFailure {
  const common = commonFailure(status);
  if (common) return common;
  const parsed = errorSchema.safeParse(body);
  const message = parsed.success ? parsed.data.error?.message : undefined;
  const known = message ? KNOWN_ERRORS[message] : undefined;
  if (known) return { ...known, status: 400 };
  if (status === 401 || status === 403) return { key: 'error.invalidCredentials', status: 401 };
  return { key: 'error.unexpected', status: 400 };
}

/** A failure as its form shows it: the message beside the field it belongs to, or for the whole form. */
export function formErrorsOf(failure: AuthFailure): {
  errors: FieldErrors;
  formError?: MessageKey;
} {
  return failure.field
    ? { errors: { [failure.field]: failure.key } }
    : { errors: {}, formError: failure.key };
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; jwt?: string; schema: z.ZodType<T> },
): Promise<AuthResult<T>> {
  return requestCms(method, path, { ...options, failureOf, down: CMS_DOWN });
}

export type Session = z.infer<typeof sessionSchema>;

/** Creates an account; the username Strapi wants is made up (see newUsername), login is by e-mail. */
export const register = (input: { email: string; password: string }) =>
  call('POST', '/api/auth/local/register', {
    body: { username: newUsername(), email: input.email, password: input.password },
    schema: sessionSchema,
  });

/** What the CMS's routes for accounts without an e-mail address answer with (recovery code shown once). */
const withCodeSchema = z.object({
  data: z.object({ jwt: z.string().min(1), user: userSchema, recoveryCode: z.string().min(1) }),
});
export type SessionWithCode = z.infer<typeof withCodeSchema>['data'];

// The sharing plugin answers with a catalogue key as the message, and the field it belongs to.
const PLUGIN_ERRORS: Record<string, Omit<AuthFailure, 'status'>> = {
  'error.usernameTaken': { key: 'error.usernameTaken', field: 'username' },
  'error.recoveryCode': { key: 'error.recoveryCode', field: 'code' },
  'error.emailTaken': { key: 'error.emailTaken', field: 'email' },
  'error.emailPresent': { key: 'error.emailPresent', field: 'email' },
  'error.blocked': { key: 'error.blocked' },
};
function pluginFailureOf(status: number, body: unknown): AuthFailure {
  const parsed = errorSchema.safeParse(body);
  const known =
    parsed.success && parsed.data.error?.message
      ? PLUGIN_ERRORS[parsed.data.error.message]
      : undefined;
  if (known && status === 400) return { ...known, status: 400 };
  return failureOf(status, body);
}
const callPlugin = <T>(
  path: string,
  options: { body: unknown; jwt?: string; schema: z.ZodType<T> },
) => requestCms('POST', path, { ...options, failureOf: pluginFailureOf, down: CMS_DOWN });

/** Creates an account without an e-mail address; the answer carries the recovery code, shown once. */
export const registerWithUsername = async (input: {
  username: string;
  password: string;
}): Promise<AuthResult<SessionWithCode>> => {
  const result = await callPlugin('/api/sharing/auth/register-username', {
    body: { data: input },
    schema: withCodeSchema,
  });
  return result.ok ? { ok: true, data: result.data.data } : result;
};

/** Sets a new password with the recovery code; the answer carries the new code (the old one is used up). */
export const recoverWithCode = async (input: {
  username: string;
  code: string;
  password: string;
}): Promise<AuthResult<SessionWithCode>> => {
  const result = await callPlugin('/api/sharing/auth/recover', {
    body: { data: input },
    schema: withCodeSchema,
  });
  return result.ok ? { ok: true, data: result.data.data } : result;
};

/** Adds an e-mail address to an account that has none; the answer carries this device's new session. */
export const addEmail = (jwt: string, email: string) =>
  callPlugin('/api/sharing/account/email', {
    body: { data: { email } },
    jwt,
    schema: z.object({ data: sessionSchema }),
  });

export const login = (input: { email: string; password: string }) =>
  call('POST', '/api/auth/local', {
    body: { identifier: input.email, password: input.password },
    schema: sessionSchema,
  });

/** Asks the CMS to mail a reset link. The answer says nothing about whether the address exists. */
export const forgotPassword = (input: { email: string }) =>
  call('POST', '/api/auth/forgot-password', { body: { email: input.email }, schema: z.unknown() });

export const resetPassword = (input: {
  code: string;
  password: string;
  passwordConfirmation: string;
}) => call('POST', '/api/auth/reset-password', { body: input, schema: sessionSchema });

export const changePassword = (
  jwt: string,
  input: { currentPassword: string; password: string; passwordConfirmation: string },
) => call('POST', '/api/auth/change-password', { body: input, jwt, schema: sessionSchema });

/** The user of a JWT; a 401 failure means the JWT is expired or not valid. */
export const me = (jwt: string) => call('GET', '/api/users/me', { jwt, schema: userSchema });
