import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard), a random 16-byte salt per hash,
 * and a constant-time comparison. The cost travels inside each stored hash
 * ("scrypt$N$r$p$salt$hash"), so a hash made at one cost still verifies after
 * the cost changes. Tests inject a tiny cost to stay fast.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^15 x 8 x 128 bytes = 32 MiB per hash. */
export const PRODUCTION_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or an unreadable stored hash. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Does the same work as verify for a user that does not exist, so timing tells nothing. */
  verifyNothing(password: string): Promise<false>;
}

/**
 * Runs the work it is given one at a time, in the order given; a failure does not stop the queue.
 * Each scrypt holds 128*N*r bytes (32 MiB at the production cost) outside the JS heap for its
 * ~0.1 s, and libuv runs four at once: four sign-ins arriving together (a team opening the
 * console, or guesses from many addresses, which the throttle counts per address) added 130 MB
 * to the BFF's RSS. One at a time holds 32 MiB; a sign-in in a burst of four waits about 0.3 s.
 */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = last.then(work);
    last = run.catch(() => undefined);
    return run;
  };
}

function deriveNow(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  // Room for scrypt's 128*N*r bytes plus headroom; the default 32 MiB cap is too small for N=2^15, r=8.
  const maxmem = 256 * cost.N * cost.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const ok = [N, r, p].every((n) => Number.isInteger(n) && n > 0) && (N & (N - 1)) === 0 && N <= 2 ** 20 && r <= 32 && p <= 16;
  if (!ok) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { cost: { N, r, p }, salt, key };
}

export function createPasswordHasher(cost: ScryptCost = PRODUCTION_COST): PasswordHasher {
  const queue = oneAtATime();
  const derive = (password: string, salt: Buffer, at: ScryptCost, length: number) => queue(() => deriveNow(password, salt, at, length));
  const encode = (salt: Buffer, key: Buffer) => `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
  const dummySalt = randomBytes(SALT_LENGTH);

  return {
    async hash(password) {
      const salt = randomBytes(SALT_LENGTH);
      return encode(salt, await derive(password, salt, cost, KEY_LENGTH));
    },
    async verify(password, stored) {
      const parsed = parse(stored);
      if (!parsed) {
        await derive(password, dummySalt, cost, KEY_LENGTH);
        return false;
      }
      const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
      return timingSafeEqual(key, parsed.key);
    },
    async verifyNothing(password) {
      await derive(password, dummySalt, cost, KEY_LENGTH);
      return false;
    },
  };
}

/** A cost for tests only: fast, still real scrypt. */
export const TEST_COST: ScryptCost = { N: 16, r: 1, p: 1 };
