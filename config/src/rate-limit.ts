/**
 * Counts attempts per key (client address + e-mail) in a sliding window and refuses more than
 * `max` of them. The counts live in this process's memory only: they reset on restart and are not
 * shared between several processes: each site or CMS process counts on its own. Used by the site
 * (per client address and e-mail) and by the CMS (per newcomer and per client).
 */
export class RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly options: { max: number; windowMs: number; now?: () => number }) {}

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
