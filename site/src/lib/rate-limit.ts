/**
 * Counts attempts per key (client address + e-mail) in a sliding window and refuses more than
 * `max` of them. The counts live in this process's memory only: they reset on restart and are not
 * shared between several site processes; run one site process, or put a shared limiter in front.
 * The client address is the TCP peer (Astro.clientAddress): behind a reverse proxy that is the
 * proxy, and the limit then applies per e-mail for everyone behind it.
 */
export class RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly options: { max: number; windowMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.attempts.get(key) ?? []).filter((time) => time > since);
    if (kept.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, kept);
    return kept;
  }

  /** Whether the key has used up its attempts in the current window. */
  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.options.max;
  }

  /** Counts one attempt against the key. */
  hit(key: string): void {
    this.attempts.set(key, [...this.recent(key), this.now()]);
    // Keeps memory bounded under a flood of distinct keys: forget the oldest key first.
    if (this.attempts.size > 10_000) this.attempts.delete(this.attempts.keys().next().value!);
  }

  /** Forgets the key, e.g. after a successful login. */
  reset(key: string): void {
    this.attempts.delete(key);
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Failed logins: 5 per 15 minutes for one address and e-mail. */
export const loginLimiter = new RateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES });
/** Reset-mail requests (each one counts): 5 per 15 minutes for one address and e-mail. */
export const forgotPasswordLimiter = new RateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES });

/** The limiter key of a client address and an e-mail (case does not matter). */
export const limiterKey = (clientAddress: string, email: string) => `${clientAddress}\u0000${email.trim().toLowerCase()}`;
