import { createPasswordHasher, oneAtATime, PRODUCTION_COST, TEST_COST } from './password';

const CANARY_PASSWORD = 'canary-user-password-7f3a9c';

describe('password hashing', () => {
  const hasher = createPasswordHasher(TEST_COST);

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash(CANARY_PASSWORD);
    expect(await hasher.verify(CANARY_PASSWORD, stored)).toBe(true);
    expect(await hasher.verify(`${CANARY_PASSWORD}x`, stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('stores scrypt with its cost and a fresh salt, never the password', async () => {
    const a = await hasher.hash(CANARY_PASSWORD);
    const b = await hasher.hash(CANARY_PASSWORD);
    expect(a).toMatch(/^scrypt\$16\$1\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    for (const h of [a, b]) {
      expect(h).not.toContain(CANARY_PASSWORD);
      expect(h).not.toContain(Buffer.from(CANARY_PASSWORD).toString('base64'));
    }
  });

  it('verifies a hash made at another cost (the cost is read from the hash)', async () => {
    const old = await createPasswordHasher({ N: 32, r: 2, p: 1 }).hash(CANARY_PASSWORD);
    expect(await hasher.verify(CANARY_PASSWORD, old)).toBe(true);
  });

  it('refuses unreadable or tampered hashes without throwing', async () => {
    const stored = await hasher.hash(CANARY_PASSWORD);
    const parts = stored.split('$');
    for (const bad of ['', 'plain', 'scrypt$16$1$1$x$y', `scrypt$${2 ** 24}$8$1$${parts[4]}$${parts[5]}`, stored.replace('scrypt', 'md5')]) {
      expect(await hasher.verify(CANARY_PASSWORD, bad)).toBe(false);
    }
  });

  it('does the work even for a user that does not exist', async () => {
    expect(await hasher.verifyNothing(CANARY_PASSWORD)).toBe(false);
  });

  it('uses a memory-hard production cost (N=2^15, r=8: 32 MiB) that node accepts', async () => {
    expect(PRODUCTION_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const real = createPasswordHasher();
    const stored = await real.hash(CANARY_PASSWORD);
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await real.verify(CANARY_PASSWORD, stored)).toBe(true);
  });
});

describe('one derivation at a time', () => {
  it('runs the work in the order given, never two at once, and goes on after a failure', async () => {
    const queue = oneAtATime();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string, fail = false) =>
      queue(async () => {
        running += 1;
        most = Math.max(most, running);
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${name}`);
        running -= 1;
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'b failed', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);
  });

  it('answers each of many sign-ins arriving together with its own verdict', async () => {
    const hasher = createPasswordHasher(TEST_COST);
    const stored = await hasher.hash(CANARY_PASSWORD);
    const verdicts = await Promise.all([
      hasher.verify(CANARY_PASSWORD, stored),
      hasher.verify('wrong', stored),
      hasher.verifyNothing(CANARY_PASSWORD),
      hasher.verify(CANARY_PASSWORD, 'unreadable'),
      hasher.verify(CANARY_PASSWORD, stored),
    ]);
    expect(verdicts).toEqual([true, false, false, false, true]);
  });
});

