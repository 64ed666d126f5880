import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { rawGroups, toMonitorSummary } from '../upstreams/datadog/map';
import type { RawListMonitor } from '../upstreams/datadog/list-schemas';
import type { Redactor } from './redact';

/**
 * The monitor list as a snapshot keeps it: built monitor by monitor while the pages arrive, and
 * held as compressed bytes, not objects. At 10,000 monitors x 20 groups the list as JS objects
 * took about 35 MB of heap (two of them during a reload), and V8 lets its heap grow to a few
 * times what survives a collection: the kept list set the BFF's memory under load more than
 * anything else. Bytes live outside the JS heap and are not walked by the collector; deflated
 * as they are written (level 1, on zlib's threads) the 17 MB of rows and maintenance entries
 * take about 1.5 MB.
 *
 * What is kept, page by page (pages are read a few at a time and put in order afterwards):
 * - every monitor's list row (its MonitorSummary), serialized and redacted, in list order: the
 *   list answer is these rows between a head and a tail (list-body.ts), made once per snapshot;
 * - the monitors whose row changes with the clock (a downtime that starts or ends mutes or
 *   unmutes them), as objects, with where their row is, so those rows are made again when a
 *   mute starts or ends, without asking Datadog;
 * - what the maintenance routes read of every monitor (id, name, tags, each group's name and
 *   status), turned back into objects once per snapshot when they ask (maintenance-monitors.ts).
 */
export interface MonitorList {
  /** How many monitors. */
  readonly count: number;
  /** The time the rows were made for. */
  readonly builtAt: number;
  /**
   * Every monitor's row at `builtAt`, one raw-deflated chunk per page: each chunk inflates to
   * redacted JSON objects separated by commas (UTF-8); joined with commas, the chunks are the
   * inside of the list's `monitors` array.
   */
  readonly rows: readonly Buffer[];
  /** Each chunk of `rows`, `previews`: its size once inflated (so a body is made in one allocation, chunk by chunk). */
  readonly rowBytes: readonly number[];
  readonly previewBytes: readonly number[];
  /** The monitors with downtimes and where each one's row is (a byte range of one inflated chunk), in list order. */
  readonly timed: readonly TimedRow[];
  /** One [id, name, tags, [[group name, status], ...]] per monitor, chunked like `rows`: joined with commas in brackets, a JSON array. */
  readonly previews: readonly Buffer[];
}

export interface TimedRow {
  raw: RawListMonitor;
  /** The chunk (page) the row is in, and its byte range there once inflated. */
  chunk: number;
  start: number;
  end: number;
}

/** One row as it goes out: its summary at `now`, serialized and redacted. */
export function rowJson(raw: RawListMonitor, now: number, redact: Redactor): string {
  // Redacted row by row: a key would have to contain the text between two rows (`},{"id":`) to span them.
  return redact(JSON.stringify(toMonitorSummary(raw, now)));
}

const COMMA = Buffer.from(',');
/** Fastest zlib level: these bytes are mostly repeated keys and group names, and shrink about tenfold even so. */
const PACKING = { level: 1 };
/** Text handed to zlib at a time: small enough to stay out of the large allocations, big enough to be few calls. */
const BATCH_CHARS = 32 * 1024;

/** A byte range [start, end). */
type Span = [start: number, end: number];

/**
 * Deflates text as it is written, a batch at a time, on zlib's threads: a page's bytes never exist
 * whole uncompressed, and no large buffer is made and dropped per page (large short-lived
 * allocations are what leave the process's memory fragmented and high). Counts the bytes written.
 */
class Packer {
  private readonly stream = createDeflateRaw(PACKING);
  private readonly out: Buffer[] = [];
  private readonly ended: Promise<Buffer>;
  private batch: string[] = [];
  private batchChars = 0;
  private length = 0;

  constructor() {
    this.stream.on('data', (chunk: Buffer) => this.out.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.stream.once('end', () => resolve(Buffer.concat(this.out)));
      this.stream.once('error', reject);
    });
    // A page given up half-way (the load failed) never asks; its failure must not go unhandled.
    this.ended.catch(() => {});
  }

  /** Writes `text` and answers where it goes in the inflated bytes. */
  write(text: string): Span {
    const start = this.length;
    this.length += Buffer.byteLength(text, 'utf8');
    this.batch.push(text);
    this.batchChars += text.length;
    if (this.batchChars >= BATCH_CHARS) this.flush();
    return [start, this.length];
  }

  private flush(): void {
    if (this.batch.length > 0) this.stream.write(this.batch.join(''));
    this.batch = [];
    this.batchChars = 0;
  }

  /** How many bytes were written (the size of the bytes once inflated). */
  get written(): number {
    return this.length;
  }

  finish(): Promise<Buffer> {
    this.flush();
    this.stream.end();
    return this.ended;
  }
}

/**
 * One page of the list in bytes: the rows and the maintenance entries, each comma-separated and
 * deflated, with where each monitor's row and entry are once inflated.
 */
export interface MonitorPage {
  ids: number[];
  rows: Buffer;
  rowSpans: Span[];
  /** The size of `rows` once inflated. */
  rowBytes: number;
  previews: Buffer;
  previewSpans: Span[];
  previewBytes: number;
  /** The monitors with downtimes, by their place on the page. */
  timed: Map<number, RawListMonitor>;
}

/** Turns a page's monitors into bytes as they arrive; nothing of a monitor is kept as an object unless it has downtimes. */
export class MonitorPageBuilder {
  private readonly ids: number[] = [];
  private readonly rows = new Packer();
  private readonly rowSpans: Span[] = [];
  private readonly previews = new Packer();
  private readonly previewSpans: Span[] = [];
  private readonly timed = new Map<number, RawListMonitor>();

  constructor(
    private readonly now: number,
    private readonly redact: Redactor,
  ) {}

  add(raw: RawListMonitor): void {
    if (raw.matching_downtimes && raw.matching_downtimes.length > 0) this.timed.set(this.ids.length, raw);
    const comma = this.ids.length > 0 ? ',' : '';
    this.ids.push(raw.id);
    const groups = rawGroups(raw).map(({ name, group }) => [name, group.status ?? 'Unknown']);
    this.rowSpans.push(afterComma(this.rows.write(comma + rowJson(raw, this.now, this.redact)), comma));
    this.previewSpans.push(afterComma(this.previews.write(comma + JSON.stringify([raw.id, raw.name ?? '', raw.tags ?? [], groups])), comma));
  }

  /** The page, once zlib has deflated the last of it. */
  async finish(): Promise<MonitorPage> {
    const [rows, previews] = await Promise.all([this.rows.finish(), this.previews.finish()]);
    return {
      ids: this.ids,
      rows,
      rowSpans: this.rowSpans,
      rowBytes: this.rows.written,
      previews,
      previewSpans: this.previewSpans,
      previewBytes: this.previews.written,
      timed: this.timed,
    };
  }
}

const afterComma = ([start, end]: Span, comma: string): Span => [start + comma.length, end];

/**
 * The page without the monitors in `seen` or repeated on the page; the page itself when it has
 * none, as it nearly always does (a list that shifts while it is paged repeats a monitor).
 */
function unseenOnly(page: MonitorPage, seen: ReadonlySet<number>): MonitorPage {
  if (!page.ids.some((id) => seen.has(id)) && new Set(page.ids).size === page.ids.length) return page;
  const rows = inflateChunk(page.rows, page.rowBytes);
  const previews = inflateChunk(page.previews, page.previewBytes);
  const keptRows: Buffer[] = [];
  const keptPreviews: Buffer[] = [];
  const out: MonitorPage = {
    ids: [],
    rows: Buffer.alloc(0),
    rowSpans: [],
    rowBytes: 0,
    previews: Buffer.alloc(0),
    previewSpans: [],
    previewBytes: 0,
    timed: new Map(),
  };
  let rowAt = 0;
  let previewAt = 0;
  const kept = new Set<number>();
  page.ids.forEach((id, i) => {
    if (seen.has(id) || kept.has(id)) return;
    kept.add(id);
    const comma = out.ids.length > 0 ? 1 : 0;
    const raw = page.timed.get(i);
    if (raw) out.timed.set(out.ids.length, raw);
    out.ids.push(id);
    const [rs, re] = page.rowSpans[i] as Span;
    const [ps, pe] = page.previewSpans[i] as Span;
    if (comma) {
      keptRows.push(COMMA);
      keptPreviews.push(COMMA);
    }
    keptRows.push(rows.subarray(rs, re));
    keptPreviews.push(previews.subarray(ps, pe));
    out.rowSpans.push([rowAt + comma, rowAt + comma + (re - rs)]);
    out.previewSpans.push([previewAt + comma, previewAt + comma + (pe - ps)]);
    rowAt += comma + (re - rs);
    previewAt += comma + (pe - ps);
  });
  out.rows = deflateRawSync(Buffer.concat(keptRows), PACKING);
  out.previews = deflateRawSync(Buffer.concat(keptPreviews), PACKING);
  out.rowBytes = rowAt;
  out.previewBytes = previewAt;
  return out;
}

/** Puts pages together in order; a monitor already on an earlier page is left out. */
export class MonitorListBuilder {
  private readonly seen = new Set<number>();
  private readonly rows: Buffer[] = [];
  private readonly rowBytes: number[] = [];
  private readonly previews: Buffer[] = [];
  private readonly previewBytes: number[] = [];
  private readonly timed: TimedRow[] = [];

  constructor(private readonly now: number) {}

  addPage(page: MonitorPage): void {
    const unseen = unseenOnly(page, this.seen);
    if (unseen.ids.length === 0) return;
    const chunk = this.rows.length;
    for (const [i, raw] of unseen.timed) {
      const [start, end] = unseen.rowSpans[i] as Span;
      this.timed.push({ raw, chunk, start, end });
    }
    for (const id of unseen.ids) this.seen.add(id);
    this.rows.push(unseen.rows);
    this.rowBytes.push(unseen.rowBytes);
    this.previews.push(unseen.previews);
    this.previewBytes.push(unseen.previewBytes);
  }

  finish(): MonitorList {
    return {
      count: this.seen.size,
      builtAt: this.now,
      rows: this.rows,
      rowBytes: this.rowBytes,
      timed: this.timed,
      previews: this.previews,
      previewBytes: this.previewBytes,
    };
  }
}

/** A MonitorList from monitors already at hand (one page). */
export async function buildMonitorList(raws: Iterable<RawListMonitor>, now: number, redact: Redactor): Promise<MonitorList> {
  const page = new MonitorPageBuilder(now, redact);
  for (const raw of raws) page.add(raw);
  const list = new MonitorListBuilder(now);
  list.addPage(await page.finish());
  return list.finish();
}

/**
 * One chunk inflated, in a single allocation of its known size: inflateRawSync otherwise collects
 * its output in 16 KB pieces and concatenates them, twice the chunk in short-lived buffers.
 * (One byte more than the size, so zlib ends with room to spare instead of starting another piece;
 * 64 bytes is zlib's smallest chunk.)
 */
function inflateChunk(chunk: Buffer, size: number): Buffer {
  const out = inflateRawSync(chunk, { chunkSize: Math.max(64, size + 1) });
  if (out.length !== size) throw new Error(`a list chunk inflated to ${out.length} bytes, not ${size}`);
  return out;
}

/** The rows of the monitors with downtimes made again for `now`; none when `now` is the time the rows were made for. */
function remadeRows(list: MonitorList, now: number, redact: Redactor): Map<TimedRow, Buffer> {
  const remade = new Map<TimedRow, Buffer>();
  if (now === list.builtAt) return remade;
  for (const t of list.timed) remade.set(t, Buffer.from(rowJson(t.raw, now, redact), 'utf8'));
  return remade;
}

/**
 * The rows at `now` as pieces, chunk by chunk (joined with commas): a chunk is inflated only when
 * its pieces are asked for, so whoever copies them out holds one inflated chunk at a time.
 */
function* rowPieces(list: MonitorList, remade: ReadonlyMap<TimedRow, Buffer>): Generator<Buffer> {
  for (let chunk = 0; chunk < list.rows.length; chunk++) {
    if (chunk > 0) yield COMMA;
    const rows = inflateChunk(list.rows[chunk] as Buffer, list.rowBytes[chunk] as number);
    let at = 0;
    for (const t of list.timed) {
      const row = t.chunk === chunk ? remade.get(t) : undefined;
      if (row === undefined) continue;
      yield rows.subarray(at, t.start);
      yield row;
      at = t.end;
    }
    yield at === 0 ? rows : rows.subarray(at);
  }
}

/**
 * The rows at `now`, as pieces to concatenate (the inside of the `monitors` array): the kept
 * ones, with the rows of the monitors with downtimes made again when the time differs.
 */
export function rowsAt(list: MonitorList, now: number, redact: Redactor): Buffer[] {
  return [...rowPieces(list, remadeRows(list, now, redact))];
}

/** Copies pieces into `out` from `at`; answers where it got to. */
function copyInto(out: Buffer, at: number, pieces: Iterable<Buffer>): number {
  let to = at;
  for (const piece of pieces) to += piece.copy(out, to);
  return to;
}

/**
 * The rows at `now` (as rowsAt) between `head` and `tail`, as one buffer: the list answer's body.
 * Its size is known before any chunk is inflated (each chunk's inflated size is kept, and the
 * remade rows are made first), so the body is one allocation and each chunk is copied in and
 * dropped. Made from all the pieces at once (Buffer.concat), a 7 MB body had 7 MB of inflated
 * chunks (and 7 MB more inside zlib) alive beside it, outside the JS heap, where V8 lets tens of
 * MB of dead buffers wait for a full collection.
 */
export function rowsBody(list: MonitorList, now: number, redact: Redactor, head: Buffer, tail: Buffer): Buffer {
  const remade = remadeRows(list, now, redact);
  let size = head.length + tail.length + Math.max(0, list.rows.length - 1);
  for (const bytes of list.rowBytes) size += bytes;
  for (const [t, row] of remade) size += row.length - (t.end - t.start);
  // Zero-filled, and every byte checked written: no stale memory can go out if the sizes disagree.
  const body = Buffer.alloc(size);
  let at = copyInto(body, 0, [head]);
  at = copyInto(body, at, rowPieces(list, remade));
  at = copyInto(body, at, [tail]);
  if (at !== size) throw new Error(`the list body came to ${at} bytes, not ${size}`);
  return body;
}

/** A monitor as the maintenance routes read it: [id, name, tags, [[group name, status], ...]]. */
export type PreviewRow = [id: number, name: string, tags: string[], groups: [name: string, status: string][]];

/**
 * The maintenance entries, one page (chunk) at a time, as objects: whoever reads them holds one
 * page's text and objects at a time, which die young, instead of all 10,000 monitors parsed at once
 * (a 17 MB text and its objects, which outlive a scavenge and leave the heap grown for minutes).
 */
export function* previewRows(list: MonitorList): Generator<PreviewRow[]> {
  for (let i = 0; i < list.previews.length; i++) {
    const text = inflateChunk(list.previews[i] as Buffer, list.previewBytes[i] as number).toString('utf8');
    yield JSON.parse(`[${text}]`) as PreviewRow[];
  }
}

/** The next time (after `now`) at which a downtime this list carries starts or ends. */
export function nextMuteBoundary(list: MonitorList, now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const { raw } of list.timed) {
    for (const d of raw.matching_downtimes ?? []) {
      for (const seconds of [d.start, d.end]) {
        if (typeof seconds !== 'number') continue;
        const ms = seconds * 1000;
        if (ms > now && ms < next) next = ms;
      }
    }
  }
  return next;
}
