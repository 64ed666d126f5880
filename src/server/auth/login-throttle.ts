/**
 * Brute-force brakes for POST /api/session, per account and per client IP.
 * An attempt counts as a failure from the moment it starts, so a burst of
 * parallel guesses cannot outrun the counter: once `max` attempts are in the
 * window, more wait. A success takes its own count back and clears the
 * account's failures; a failure that makes `max` locks the key for `lockMs`.
 * Unknown usernames are counted like real ones (no enumeration by lockout).
 * In memory: a restart clears it.
 */
export interface LimitRule {
  max: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_RULE: LimitRule = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_RULE: LimitRule = { max: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const MAX_KEYS = 10_000;

interface Entry {
  failures: number[];
  lockedUntil: number;
}

class FailureCounter {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly rule: LimitRule) {}

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) entry.failures = entry.failures.filter((t) => t > now - this.rule.windowMs);
    return entry;
  }

  /** Milliseconds until the key may try again: locked, or already `max` attempts in the window (some may be in flight); else 0. */
  waitFor(key: string, now: number): number {
    const entry = this.live(key, now);
    if (!entry) return 0;
    if (entry.lockedUntil > now) return entry.lockedUntil - now;
    if (entry.failures.length >= this.rule.max) return (entry.failures[0] as number) + this.rule.windowMs - now;
    return 0;
  }

  add(key: string, at: number): void {
    const entry = this.live(key, at) ?? { failures: [], lockedUntil: 0 };
    entry.failures.push(at);
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** After a failed attempt: lock the key once it has `max` failures in the window. */
  lockIfFull(key: string, now: number): void {
    const entry = this.live(key, now);
    if (entry && entry.failures.length >= this.rule.max) {
      entry.lockedUntil = now + this.rule.lockMs;
      entry.failures = [];
    }
  }

  /** Takes back one failure recorded at `at` (that attempt succeeded). */
  takeBack(key: string, at: number): void {
    const entry = this.entries.get(key);
    const i = entry ? entry.failures.indexOf(at) : -1;
    if (entry && i >= 0) entry.failures.splice(i, 1);
  }

  clear(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}

export type ThrottleVerdict =
  | { ok: true; succeeded: () => void; failed: () => void }
  | { ok: false; retryAfterSeconds: number };

export class LoginThrottle {
  private readonly accounts: FailureCounter;
  private readonly ips: FailureCounter;

  constructor(
    private readonly now: () => number,
    rules: { account?: LimitRule; ip?: LimitRule } = {},
  ) {
    this.accounts = new FailureCounter(rules.account ?? ACCOUNT_RULE);
    this.ips = new FailureCounter(rules.ip ?? IP_RULE);
  }

  /** Call before checking a password. Refuses a locked account or IP; otherwise counts the attempt as failed until succeeded(). */
  begin(account: string, ip: string): ThrottleVerdict {
    const now = this.now();
    const wait = Math.max(this.accounts.waitFor(account, now), this.ips.waitFor(ip, now));
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    const at = now;
    this.accounts.add(account, at);
    this.ips.add(ip, at);
    return {
      ok: true,
      succeeded: () => {
        this.accounts.clear(account);
        this.ips.takeBack(ip, at);
      },
      failed: () => {
        this.accounts.lockIfFull(account, this.now());
        this.ips.lockIfFull(ip, this.now());
      },
    };
  }

  /** Forget every count and lock (the e2e test reset). */
  clear(): void {
    this.accounts.clear();
    this.ips.clear();
  }
}
