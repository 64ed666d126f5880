import { randomBytes } from 'node:crypto';

export type NonceState = 'fresh' | 'expired' | 'unknown';

export interface NonceStoreOptions {
  /** Epoch milliseconds. */
  now: () => number;
  /** How long a nonce may be used; 5 minutes by default. */
  ttlMs?: number;
  /** At most this many live nonces; the oldest is forgotten first. 1000 by default. */
  max?: number;
  /** Nonce counts may arrive out of order within this window; older ones are refused. 64 by default. */
  window?: number;
  /** Where nonces come from (tests may fix it); 128 random bits by default. */
  random?: () => string;
}

interface Entry {
  issuedAt: number;
  highest: number;
  seen: Set<number>;
}

/**
 * The server's digest nonces: random, expiring, bounded in number, and each
 * with the nonce counts (nc) already used, so a replayed request is refused.
 * Memory is at most `max` entries of at most `window` counts.
 */
export class NonceStore {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly window: number;
  private readonly random: () => string;

  constructor(private readonly o: NonceStoreOptions) {
    this.ttlMs = o.ttlMs ?? 5 * 60_000;
    this.max = Math.max(1, o.max ?? 1000);
    this.window = Math.max(1, o.window ?? 64);
    this.random = o.random ?? (() => randomBytes(16).toString('hex'));
  }

  get size(): number {
    return this.entries.size;
  }

  private expired(e: Entry): boolean {
    return this.o.now() - e.issuedAt > this.ttlMs;
  }

  /** A new nonce. Expired ones are dropped first, then the oldest while the store is full. */
  issue(): string {
    for (const [nonce, e] of this.entries) {
      if (!this.expired(e)) break;
      this.entries.delete(nonce);
    }
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    let nonce = this.random();
    while (this.entries.has(nonce)) nonce = this.random();
    this.entries.set(nonce, { issuedAt: this.o.now(), highest: 0, seen: new Set() });
    return nonce;
  }

  state(nonce: string): NonceState {
    const e = this.entries.get(nonce);
    if (!e) return 'unknown';
    if (this.expired(e)) {
      this.entries.delete(nonce);
      return 'expired';
    }
    return 'fresh';
  }

  /** Records a use of a fresh nonce with count `nc`; false if that count was used already (a replay) or is too old to tell. */
  use(nonce: string, nc: number): boolean {
    const e = this.entries.get(nonce);
    if (!e || nc < 1 || nc <= e.highest - this.window || e.seen.has(nc)) return false;
    e.seen.add(nc);
    if (nc > e.highest) e.highest = nc;
    if (e.seen.size > this.window) {
      for (const n of e.seen) if (n <= e.highest - this.window) e.seen.delete(n);
    }
    return true;
  }
}
