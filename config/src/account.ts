import { randomBytes } from 'node:crypto';

/**
 * The username Strapi requires of every account, made up at random: logins are by e-mail, and
 * nothing an administrator or a staff member could ever see of an account names the person.
 */
export const newUsername = () => `n-${randomBytes(12).toString('base64url')}`;
export const NON_IDENTIFYING_USERNAME = /^n-[\w-]{16}$/;
