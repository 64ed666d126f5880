import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { nextMuteBoundary, rowsBody, type MonitorList } from '../../lib/monitor-list';

/**
 * The monitor list answer, serialized once per snapshot instead of once per request. At 10,000
 * monitors the JSON is about 7 MB: mapping, stringifying, redacting and UTF-8 encoding it per
 * request cost seconds of CPU under load and a fresh 7 MB (several times over) of memory each.
 * Here a cached read is a lookup and a write of bytes that already exist.
 *
 * The snapshot already holds every row as redacted bytes (lib/monitor-list.ts); the body is
 * those rows between a head and a tail that carry the snapshot's time and stale flag
 * (`{"monitors":[...],"fetchedAt":...,"stale":...}`, as JSON.stringify of a MonitorListResponse
 * writes it). What is kept per snapshot: the body, its ETag, and (made on first demand, off the
 * main thread) a brotli and a gzip copy. A body is keyed by the snapshot's list (a WeakMap, so it
 * goes with the snapshot), its time and stale flag, and holds only until the next mute boundary:
 * a row's mute state depends on the clock (a mute that ends or starts), so the rows of the
 * monitors with downtimes are made again when one passes, without asking Datadog.
 */
export type Encoding = 'br' | 'gzip' | 'identity';

interface Prepared {
  fetchedAt: number;
  stale: boolean;
  /** Epoch ms at which some monitor's mute state changes; the body is rebuilt then. */
  validUntil: number;
  body: Buffer;
  /** The body's hash; etagFor() makes the header value per encoding. */
  etag: string;
  compressed: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

const bodies = new WeakMap<MonitorList, Prepared>();

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function prepare(list: MonitorList, fetchedAt: number, stale: boolean, now: number, redact: (t: string) => string): Prepared {
  // The rows are redacted already (SECURITY 1: no form of a key may leave); head and tail hold only numbers and a flag.
  const head = Buffer.from('{"monitors":[', 'utf8');
  const tail = Buffer.from(`],"fetchedAt":${JSON.stringify(fetchedAt)},"stale":${JSON.stringify(stale)}}`, 'utf8');
  const body = rowsBody(list, now, redact, head, tail);
  const etag = createHash('sha1').update(body).digest('base64url');
  return { fetchedAt, stale, validUntil: nextMuteBoundary(list, now), body, etag, compressed: {} };
}

/** The prepared answer for this snapshot, built when missing or outdated. */
export function preparedList(
  list: MonitorList,
  snap: { fetchedAt: number; stale: boolean },
  now: number,
  redact: (t: string) => string,
): Prepared {
  const known = bodies.get(list);
  if (known && known.fetchedAt === snap.fetchedAt && known.stale === snap.stale && now < known.validUntil) return known;
  const made = prepare(list, snap.fetchedAt, snap.stale, now, redact);
  bodies.set(list, made);
  return made;
}

/** br when the client takes it, else gzip, else none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Brotli's window for the list: 256 KB instead of the default 4 MB. The encoder runs on libuv's
 * threads, and with the large window each new snapshot's compression left those threads' malloc
 * arenas bigger: the BFF's RSS grew by about 15 MB per list reload (192 -> 276 MB over six). Rows
 * repeat within a few hundred bytes, so the small window loses nothing at quality 5: a 7.2 MB list
 * of 10,000 monitors compresses to 241 KB in about 50 ms (quality 4, 4 MB window: 304 KB, 56 ms).
 */
export const LIST_BROTLI_WINDOW_BITS = 18;

/** The body in this encoding; a compressed copy is made once (on the libuv pool, not this thread) and shared. */
export function encodedBody(prepared: Prepared, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'identity') return Promise.resolve(prepared.body);
  let copy = prepared.compressed[encoding];
  if (!copy) {
    // Quality 5 (small window) / level 6: a 7 MB list compresses in well under a second to a few
    // percent; brotli's default (11) would take many seconds for a few percent more.
    copy =
      encoding === 'br'
        ? brotli(prepared.body, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: 5,
              [zlib.BROTLI_PARAM_LGWIN]: LIST_BROTLI_WINDOW_BITS,
              [zlib.BROTLI_PARAM_SIZE_HINT]: prepared.body.length,
            },
          })
        : gzipAsync(prepared.body, { level: 6 });
    prepared.compressed[encoding] = copy;
    // A failed compression is not kept: the next request tries again.
    copy.catch(() => {
      if (prepared.compressed[encoding] === copy) delete prepared.compressed[encoding];
    });
  }
  return copy;
}

/** The ETag of one encoding of the body: each byte sequence gets its own (RFC 9110 8.8.3). */
export const etagFor = (prepared: Prepared, encoding: Encoding): string =>
  encoding === 'identity' ? `"${prepared.etag}"` : `"${prepared.etag}-${encoding}"`;

/** Does If-None-Match name this body in any encoding (a list, weak or strong, or "*")? */
export function etagMatches(ifNoneMatch: string | undefined, prepared: Prepared): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    return tag.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '') === prepared.etag;
  });
}
