import { SnapshotCache } from './snapshot-cache';

function setup() {
  let now = 1000;
  const cache = new SnapshotCache({
    freshMs: 2000,
    now: () => now,
    serveStaleOn: (err) => err instanceof Error && err.message === 'down',
  });
  return { cache, advance: (ms: number) => (now += ms), at: () => now };
}

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('SnapshotCache', () => {
  it('coalesces concurrent loads of one key into one', async () => {
    const { cache } = setup();
    const d = deferred<string>();
    const load = vi.fn(() => d.promise);
    const all = Array.from({ length: 20 }, () => cache.get('k', load));
    d.resolve('v');
    const results = await Promise.all(all);
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.value === 'v' && !r.stale)).toBe(true);
  });

  it('takes a fresh window per read when one is given', async () => {
    const { cache, advance } = setup();
    const load = vi.fn(async () => 'v');
    await cache.get('k', load, { freshMs: 10_000 });
    advance(9999);
    await cache.get('k', load, { freshMs: 10_000 });
    expect(load).toHaveBeenCalledTimes(1);
    // Another read of the same key keeps the cache's own window.
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    advance(10_000);
    await cache.get('k', load, { freshMs: 10_000 });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('serves a fresh answer without loading, and loads again once it is old', async () => {
    const { cache, advance } = setup();
    const load = vi.fn(async () => 'v');
    await cache.get('k', load);
    advance(1999);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('answers the last good copy, stale and with its own time, when a later load fails', async () => {
    const { cache, advance } = setup();
    await cache.get('k', async () => 'good');
    advance(5000);
    const snap = await cache.get('k', async () => {
      throw new Error('down');
    });
    expect(snap).toEqual({ value: 'good', fetchedAt: 1000, stale: true });
  });

  it('passes on errors it may not cover, and errors with nothing cached', async () => {
    const { cache, advance } = setup();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await cache.get('k', async () => 'good');
    advance(5000);
    await expect(cache.get('k', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
  });

  it('invalidate() forces a load but keeps the stale fallback', async () => {
    const { cache } = setup();
    await cache.get('k', async () => 'before');
    cache.invalidate();
    const load = vi.fn(async () => 'after');
    expect((await cache.get('k', load)).value).toBe('after');
    cache.invalidate();
    const snap = await cache.get('k', () => Promise.reject(new Error('down')));
    expect(snap).toMatchObject({ value: 'after', stale: true });
  });

  it('does not join or keep a load that started before an invalidation', async () => {
    const { cache } = setup();
    const early = deferred<string>();
    const first = cache.get('k', () => early.promise);
    cache.invalidate();
    const load = vi.fn(async () => 'post-mutation');
    const second = cache.get('k', load);
    early.resolve('pre-mutation');
    expect((await first).value).toBe('pre-mutation');
    expect((await second).value).toBe('post-mutation');
    expect(load).toHaveBeenCalledTimes(1);
    expect((await cache.get('k', async () => 'unused')).value).toBe('post-mutation');
  });

  it('clear() forgets everything', async () => {
    const { cache } = setup();
    await cache.get('k', async () => 'v');
    cache.clear();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  });

  describe('stale-while-revalidate', () => {
    it('answers the old copy at once with its own time and reloads once in the background', async () => {
      const { cache, advance, at } = setup();
      await cache.get('k', async () => 'v1');
      const loadedAt = at();
      advance(3000);
      const d = deferred<string>();
      const load = vi.fn(() => d.promise);
      const answers = await Promise.all([cache.get('k', load, { revalidateMs: 10_000 }), cache.get('k', load, { revalidateMs: 10_000 })]);
      expect(answers).toEqual([
        { value: 'v1', fetchedAt: loadedAt, stale: false },
        { value: 'v1', fetchedAt: loadedAt, stale: false },
      ]);
      expect(load).toHaveBeenCalledTimes(1);
      d.resolve('v2');
      await d.promise;
      await Promise.resolve();
      expect(await cache.get('k', load, { revalidateMs: 10_000 })).toEqual({ value: 'v2', fetchedAt: at(), stale: false });
    });

    it('says stale once a background load failed, and waits for a load past the window', async () => {
      const { cache, advance } = setup();
      await cache.get('k', async () => 'v1');
      advance(3000);
      await cache.get('k', () => Promise.reject(new Error('down')), { revalidateMs: 10_000 });
      await new Promise((r) => setTimeout(r, 0));
      expect((await cache.get('k', () => Promise.reject(new Error('down')), { revalidateMs: 10_000 })).stale).toBe(true);
      await new Promise((r) => setTimeout(r, 0)); // that read's own background load settles
      advance(10_000);
      const load = vi.fn(async () => 'v3');
      expect(await cache.get('k', load, { revalidateMs: 10_000 })).toMatchObject({ value: 'v3', stale: false });
    });

    it('never serves an invalidated copy this way, and drops it when the reload fails for good', async () => {
      const { cache, advance } = setup();
      await cache.get('k', async () => 'v1');
      cache.invalidate();
      expect((await cache.get('k', async () => 'v2', { revalidateMs: 10_000 })).value).toBe('v2');
      advance(3000);
      await cache.get('k', () => Promise.reject(new Error('gone')), { revalidateMs: 10_000 });
      await new Promise((r) => setTimeout(r, 0));
      await expect(cache.get('k', () => Promise.reject(new Error('gone')), { revalidateMs: 10_000 })).rejects.toThrow('gone');
    });
  });
});
