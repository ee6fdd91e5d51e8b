import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { INVITATION_ALPHABET } from './records.js';
import { ACCOUNT_REASONS } from './reference.js';

/**
 * The username Strapi requires of every account, made up at random: logins are by e-mail, and
 * nothing an administrator or a staff member could ever see of an account names the person.
 */
export const newUsername = () => `n-${randomBytes(12).toString('base64url')}`;
export const NON_IDENTIFYING_USERNAME = /^n-[\w-]{16}$/;

/**
 * The users-permissions routes of a person who is not logged in, proving who they are with what
 * they know (password, a code sent to their address, a provider's answer): the Public role's
 * account permissions, and the only routes through which anyone not logged in writes an account.
 */
export const SELF_SERVICE_ACTIONS = [
  'plugin::users-permissions.auth.callback',
  'plugin::users-permissions.auth.register',
  'plugin::users-permissions.auth.forgotPassword',
  'plugin::users-permissions.auth.resetPassword',
  'plugin::users-permissions.auth.emailConfirmation',
  'plugin::users-permissions.auth.sendEmailConfirmation',
  'plugin::users-permissions.auth.refresh',
  // Registration with a chosen username instead of an e-mail address, and recovery with the code.
  'plugin::sharing.recovery.register',
  'plugin::sharing.recovery.recover',
] as const;

/**
 * A username the person chooses, for registering without an e-mail address: 3 to 30 letters,
 * digits, dots, hyphens or underscores, kept in lower case (so it is unique whatever the case it is
 * typed in), never an e-mail address and never the shape of the made-up usernames above.
 */
export const CHOSEN_USERNAME_MIN = 3;
export const CHOSEN_USERNAME_MAX = 30;
export const chosenUsernameSchema = z
  .string({ error: 'error.required' })
  .trim()
  .min(1, { error: 'error.required' })
  .refine((value) => !value.includes('@'), { error: 'error.usernameIsEmail', abort: true })
  .transform((value) => value.toLowerCase())
  .pipe(
    z
      .string()
      .min(CHOSEN_USERNAME_MIN, { error: 'error.usernameLength' })
      .max(CHOSEN_USERNAME_MAX, { error: 'error.usernameLength' })
      .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'error.usernameCharacters' })
      .refine((value) => !NON_IDENTIFYING_USERNAME.test(value) && !/^n-/.test(value), {
        error: 'error.usernameReserved',
      }),
  );

/** A recovery code: 20 characters of the invitation alphabet (about 99 bits), shown once in groups of five. */
export const RECOVERY_CODE_LENGTH = 20;
export const newRecoveryCode = () =>
  Array.from(
    { length: RECOVERY_CODE_LENGTH },
    () => INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)],
  ).join('');
export const recoveryCodeSchema = z
  .string({ error: 'error.required' })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .min(1, { error: 'error.required' })
      .max(RECOVERY_CODE_LENGTH * 2, { error: 'error.recoveryCode' }),
  );

/**
 * The reason staff give for acting on a newcomer's account: one of ACCOUNT_REASONS, which the
 * newcomer reads in their language, and words of their own (needed for "other").
 */
export const staffReasonSchema = z
  .strictObject({
    reason: z.enum(ACCOUNT_REASONS.codes),
    note: z.string().trim().max(500).optional(),
  })
  .refine((value) => value.reason !== 'other' || (value.note ?? '').length >= 5, {
    path: ['note'],
    error: 'error.reasonNote',
  });
export type StaffReason = z.infer<typeof staffReasonSchema>;
