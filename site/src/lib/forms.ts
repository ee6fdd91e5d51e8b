import { chosenUsernameSchema, fieldErrors, recoveryCodeSchema } from '@mobio/config';
import { z } from 'zod';
import { knownKey, type MessageKey } from '../i18n';

/*
 * The zod schema of each account form. Every message is a catalogue key, so the page shows it in
 * the UI language next to the field. (To move to @mobio/config once the CMS refuses the same input.)
 */

/** Strapi users-permissions refuses passwords longer than 72 bytes (bcrypt's limit). */
export const PASSWORD_MAX_BYTES = 72;
/** The site's own minimum; Strapi itself only asks for a non-empty password. */
export const PASSWORD_MIN_CHARACTERS = 8;

const key = (k: MessageKey) => ({ error: k });

const required = z.string(key('error.required')).min(1, key('error.required'));

const email = z
  .string(key('error.required'))
  .trim()
  .min(1, key('error.required'))
  .pipe(z.email(key('error.email')).max(254, key('error.email')));

// Counted in characters (code points) as a person counts them, not in UTF-16 units.
const newPassword = required
  .refine((value) => [...value].length >= PASSWORD_MIN_CHARACTERS, key('error.passwordShort'))
  .refine(
    (value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES,
    key('error.passwordLong'),
  );

/** Confirmation check that also runs when another field is wrong, so all errors show at once. */
function confirmed<T extends { password: string; passwordConfirmation: string }>(
  schema: z.ZodType<T>,
) {
  return schema.refine(
    (value) => value.passwordConfirmation === '' || value.password === value.passwordConfirmation,
    {
      path: ['passwordConfirmation'],
      error: 'error.passwordMismatch' satisfies MessageKey,
      when: (payload) => {
        const value = payload.value as Partial<Record<string, unknown>>;
        return (
          typeof value?.password === 'string' && typeof value?.passwordConfirmation === 'string'
        );
      },
    },
  );
}

const newPasswords = { password: newPassword, passwordConfirmation: required };

export const registerSchema = confirmed(
  z.strictObject({
    email,
    ...newPasswords,
    privacy: z.literal('on', key('error.privacyRequired')),
  }),
);

/** Registration without an e-mail address: a chosen username instead (see chosenUsernameSchema). */
export const usernameRegisterSchema = confirmed(
  z.strictObject({
    username: chosenUsernameSchema as z.ZodType<string>,
    ...newPasswords,
    privacy: z.literal('on', key('error.privacyRequired')),
  }),
);

/** Login with the e-mail address or the chosen username (kept in lower case, like the address). */
const identifier = z
  .string(key('error.required'))
  .trim()
  .min(1, key('error.required'))
  .pipe(
    z.union(
      [
        z.email().max(254),
        z
          .string()
          .max(254)
          .regex(/^[^@]+$/),
      ],
      key('error.email'),
    ),
  )
  .transform((value) => value.toLowerCase());

export const loginSchema = z.strictObject({ email: identifier, password: required });

/** A new password with the recovery code. */
export const recoverSchema = confirmed(
  z.strictObject({
    username: chosenUsernameSchema as z.ZodType<string>,
    code: recoveryCodeSchema as z.ZodType<string>,
    ...newPasswords,
  }),
);

/** An e-mail address added to an account that has none. */
export const addEmailSchema = z.strictObject({ email });

export const forgotPasswordSchema = z.strictObject({ email });

export const resetPasswordSchema = confirmed(z.strictObject({ code: required, ...newPasswords }));

export const changePasswordSchema = confirmed(
  z.strictObject({ currentPassword: required, ...newPasswords }),
);

/** The fields each form has; anything else a client posts is ignored, a missing one reads as ''. */
export const FORM_FIELDS = {
  register: ['email', 'password', 'passwordConfirmation', 'privacy'],
  login: ['email', 'password'],
  usernameRegister: ['username', 'password', 'passwordConfirmation', 'privacy'],
  recover: ['username', 'code', 'password', 'passwordConfirmation'],
  addEmail: ['email'],
  forgotPassword: ['email'],
  resetPassword: ['code', 'password', 'passwordConfirmation'],
  changePassword: ['currentPassword', 'password', 'passwordConfirmation'],
} as const;

export type FieldErrors = Partial<Record<string, MessageKey>>;

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * The first message of each field of a zod failure (config's fieldErrors), in the form's `order` (a
 * field outside it last). `fieldOf` names the form field an error belongs to: the first segment of
 * its path, 'form' for the whole. A message that is no catalogue key (a zod default, an unknown
 * field) shows as error.unexpected.
 */
export function firstErrors(
  error: z.ZodError,
  order: readonly string[],
  fieldOf: (field: string) => string = (field) => field,
): FieldErrors {
  const found = new Map<string, MessageKey>();
  for (const { path, message } of fieldErrors(error)) {
    const field = fieldOf(path[0] ?? 'form');
    if (!found.has(field)) found.set(field, knownKey(message) ?? 'error.unexpected');
  }
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return Object.fromEntries([...found].sort(([a], [b]) => rank(a) - rank(b)));
}

/** Parses form values; on failure the first message of each field, in the order of the values (the form's). */
export function validate<T>(schema: z.ZodType<T>, values: Record<string, unknown>): Validated<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: firstErrors(parsed.error, Object.keys(values)) };
}

/**
 * The named fields of a posted form as strings ('' when absent or a file). A body that is not a
 * form at all reads as an empty form, so it fails validation instead of the page.
 */
export async function readForm<F extends string>(
  request: Request,
  fields: readonly F[],
): Promise<Record<F, string>> {
  let data: FormData | undefined;
  try {
    data = await request.formData();
  } catch {
    data = undefined;
  }
  return Object.fromEntries(
    fields.map((name) => {
      const value = data?.get(name);
      return [name, typeof value === 'string' ? value : ''];
    }),
  ) as Record<F, string>;
}
