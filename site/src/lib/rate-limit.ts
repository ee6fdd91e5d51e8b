import { RateLimiter } from '@mobio/config';

export { RateLimiter };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Failed logins: 5 per 15 minutes for one address and e-mail. */
export const loginLimiter = new RateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES });
/** Reset-mail requests (each one counts): 5 per 15 minutes for one address and e-mail. */
export const forgotPasswordLimiter = new RateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES });
/** Invitation codes that were not found: 10 per 15 minutes for one address and person (the CMS counts too). */
export const invitationLimiter = new RateLimiter({ max: 10, windowMs: FIFTEEN_MINUTES });

/**
 * The limiter key of a client address and an e-mail (case does not matter). The client address is
 * the TCP peer (Astro.clientAddress): behind a reverse proxy that is the proxy, and the limit then
 * applies per e-mail for everyone behind it.
 */
export const limiterKey = (clientAddress: string, email: string) =>
  `${clientAddress}\u0000${email.trim().toLowerCase()}`;
