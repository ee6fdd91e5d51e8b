import { randomBytes } from 'node:crypto';

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
] as const;
