/**
 * Keeps the last good answer per key, coalesces concurrent loads of the same
 * key into one, and falls back to the last good answer (marked stale, with
 * its original time) when a later load fails (SECURITY 29, 31; RFC 5861
 * stale-if-error). `invalidate()` makes every entry old at once (after a
 * mutation) but keeps it for the stale fallback.
 *
 * A get may also ask for stale-while-revalidate (RFC 5861): an entry past
 * `freshMs` but younger than `revalidateMs` is answered at once, with its own
 * time, while one coalesced load runs in the background. At 10,000 monitors a
 * list load takes seconds; without this every read after the fresh window
 * waited for it. An invalidated entry is never served this way (a mutation
 * must show on the next read), and once a background load has failed the
 * answers say stale until a load succeeds.
 */
export interface Snapshot<T> {
  value: T;
  fetchedAt: number;
  stale: boolean;
}

interface Entry {
  value: unknown;
  fetchedAt: number;
  generation: number;
  /** The last background load failed with an error the stale fallback covers. */
  failed?: boolean;
}

export interface GetOptions {
  /** How long this read takes an entry as it is, instead of the cache's own `freshMs`. */
  freshMs?: number;
  /** Serve an entry up to this old (ms since it was fetched) while it reloads in the background. */
  revalidateMs?: number;
}

export interface SnapshotCacheOptions {
  freshMs: number;
  now: () => number;
  maxEntries?: number;
  /** Which load failures may be answered with the last good copy. */
  serveStaleOn: (err: unknown) => boolean;
}

export class SnapshotCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, { promise: Promise<Snapshot<unknown>>; generation: number }>();
  private generation = 0;

  constructor(private readonly options: SnapshotCacheOptions) {}

  async get<T>(key: string, load: () => Promise<T>, options: GetOptions = {}): Promise<Snapshot<T>> {
    const { now } = this.options;
    const freshMs = options.freshMs ?? this.options.freshMs;
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation) {
      const age = now() - entry.fetchedAt;
      if (age < freshMs && !entry.failed) return { value: entry.value as T, fetchedAt: entry.fetchedAt, stale: false };
      if (age < (options.revalidateMs ?? 0)) {
        this.revalidate(key, load, entry);
        return { value: entry.value as T, fetchedAt: entry.fetchedAt, stale: entry.failed === true };
      }
    }
    const running = this.inflight.get(key);
    if (running && running.generation === this.generation) return running.promise as Promise<Snapshot<T>>;
    return this.start(key, load);
  }

  /** One background load per key at a time; its failure only marks the entry (the next reads say stale). */
  private revalidate<T>(key: string, load: () => Promise<T>, entry: Entry): void {
    const running = this.inflight.get(key);
    if (running && running.generation === this.generation) return;
    this.start(key, load).then(
      (snap) => {
        if (snap.stale) entry.failed = true;
      },
      () => {
        // Not coverable (e.g. "it's gone"): the next read must load and answer that error itself.
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
  }

  private start<T>(key: string, load: () => Promise<T>): Promise<Snapshot<T>> {
    const generation = this.generation;
    const promise = this.load(key, generation, load);
    this.inflight.set(key, { promise, generation });
    const clear = () => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
    };
    promise.then(clear, clear);
    return promise as Promise<Snapshot<T>>;
  }

  private async load<T>(key: string, generation: number, load: () => Promise<T>): Promise<Snapshot<T>> {
    try {
      const value = await load();
      const fetchedAt = this.options.now();
      // A load that began before an invalidation may hold pre-mutation data: answer it, do not keep it.
      if (generation === this.generation) this.store(key, { value, fetchedAt, generation });
      return { value, fetchedAt, stale: false };
    } catch (err) {
      const last = this.entries.get(key);
      if (last && this.options.serveStaleOn(err)) {
        return { value: last.value as T, fetchedAt: last.fetchedAt, stale: true };
      }
      throw err;
    }
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.options.maxEntries ?? 500;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Every entry becomes old (the next get loads), but stays as the stale fallback. */
  invalidate(): void {
    this.generation++;
  }

  /** Forget everything (test reset). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
