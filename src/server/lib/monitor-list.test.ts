import { MonitorSummarySchema } from '../../contract/monitors';
import { NOW, nowSeconds, rawGroup, rawMonitor } from '../testing/fixtures';
import { readListMonitors, type RawListMonitor } from '../upstreams/datadog/list-schemas';
import { toMonitorSummary } from '../upstreams/datadog/map';
import { inflateRawSync } from 'node:zlib';
import {
  buildMonitorList,
  MonitorListBuilder,
  MonitorPageBuilder,
  nextMuteBoundary,
  previewRows,
  rowsAt,
  rowsBody,
  type MonitorList,
  type TimedRow,
} from './monitor-list';
import { createRedactor } from './redact';

const slim = (raws: unknown[]): RawListMonitor[] => readListMonitors(raws);
const same = (text: string) => text;
const rowsText = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');
/** What the list body held before rows were kept as bytes: every summary, serialized whole. */
const summariesAt = (raws: RawListMonitor[], now: number) => JSON.stringify(raws.map((m) => toMonitorSummary(m, now))).slice(1, -1);

const downtime = (id: number, start: number | null, end: number | null, extra: Record<string, unknown> = {}) => ({
  id,
  monitor_id: 1,
  start,
  end,
  scope: ['*'],
  active: true,
  ...extra,
});

/** A list built the way a load builds it: page by page, the pages put together in order. */
async function paged(pages: RawListMonitor[][], now = NOW): Promise<MonitorList> {
  const list = new MonitorListBuilder(now);
  for (const raws of pages) {
    const page = new MonitorPageBuilder(now, same);
    for (const raw of raws) page.add(raw);
    list.addPage(await page.finish());
  }
  return list.finish();
}

/** A timed monitor's row, as kept. */
const rowOf = (list: MonitorList, t: TimedRow) => inflateRawSync(list.rows[t.chunk] as Buffer).subarray(t.start, t.end).toString('utf8');

const previews = (list: MonitorList) => [...previewRows(list)].flat();
const previewIds = (list: MonitorList) => previews(list).map(([id]) => id);

describe('the monitor list as a snapshot keeps it', () => {
  it('holds every row as the summaries would serialize, in order, and counts the monitors', async () => {
    const raws = slim([
      rawMonitor(3),
      rawMonitor(1, { name: 'Ünïcødé ✓ "quoted" \\ back', tags: ['a:b', 'ç:ü'] }),
      rawMonitor(2, { state: { groups: [] }, matching_downtimes: [downtime(7, nowSeconds(-60), nowSeconds(600))] }),
    ]);
    const list = await buildMonitorList(raws, NOW, same);
    expect(list.count).toBe(3);
    expect(list.builtAt).toBe(NOW);
    expect(rowsText(rowsAt(list, list.builtAt, same))).toBe(summariesAt(raws, NOW));
    const parsed = JSON.parse(`[${rowsText(rowsAt(list, list.builtAt, same))}]`) as unknown[];
    expect(parsed.map((s) => MonitorSummarySchema.parse(s).id)).toEqual([3, 1, 2]);
  });

  it('is empty for no monitors', async () => {
    const list = await buildMonitorList([], NOW, same);
    expect([list.count, rowsText(rowsAt(list, list.builtAt, same)).length, list.timed.length]).toEqual([0, 0, 0]);
    expect(previews(list)).toEqual([]);
  });

  it('redacts every row with the redactor it was given', async () => {
    const secret = 'sekret-key-0123456789';
    const list = await buildMonitorList(slim([rawMonitor(1, { message: `leak ${secret}`, tags: [`k:${encodeURIComponent(secret)}`] })]), NOW, createRedactor([secret]));
    const text = rowsText(rowsAt(list, list.builtAt, same));
    expect(text).not.toContain(secret);
    expect(text).toContain('leak [redacted]');
  });

  it('keeps only the monitors with downtimes as objects, with where their row is', async () => {
    const raws = slim([
      rawMonitor(1),
      rawMonitor(2, { matching_downtimes: [downtime(8, nowSeconds(-60), nowSeconds(600))] }),
      rawMonitor(3, { matching_downtimes: [] }),
      rawMonitor(4, { matching_downtimes: [downtime(9, nowSeconds(300), null)] }),
    ]);
    const list = await buildMonitorList(raws, NOW, same);
    expect(list.timed.map((t) => t.raw.id)).toEqual([2, 4]);
    for (const t of list.timed) {
      const row = JSON.parse(rowOf(list, t)) as { id: number };
      expect(row.id).toBe(t.raw.id);
    }
  });

  it('makes the rows of monitors with downtimes again for another time, and keeps the others as they are', async () => {
    const raws = slim([
      rawMonitor(1),
      rawMonitor(2, { matching_downtimes: [downtime(8, nowSeconds(-60), nowSeconds(10))] }),
      rawMonitor(3, { name: 'naïve' }),
      rawMonitor(4, { matching_downtimes: [downtime(9, nowSeconds(5), null)] }),
    ]);
    const list = await buildMonitorList(raws, NOW, same);
    expect(rowsText(rowsAt(list, NOW, same))).toBe(summariesAt(raws, NOW));
    for (const at of [NOW + 1000, NOW + 5000, NOW + 10_000, NOW + 60_000]) {
      expect(rowsText(rowsAt(list, at, same))).toBe(summariesAt(raws, at));
    }
    const later = JSON.parse(`[${rowsText(rowsAt(list, NOW + 60_000, same))}]`) as { id: number; mute: { state: string } }[];
    expect(later.map((m) => [m.id, m.mute.state])).toEqual([
      [1, 'none'],
      [2, 'none'],
      [3, 'none'],
      [4, 'all'],
    ]);
  });

  it('finds the next downtime start or end after a time', async () => {
    const list = await buildMonitorList(
      slim([
        rawMonitor(1, { matching_downtimes: [downtime(1, nowSeconds(-10), nowSeconds(600))] }),
        rawMonitor(2, { matching_downtimes: [downtime(2, nowSeconds(300), null)] }),
        rawMonitor(3),
      ]),
      NOW,
      same,
    );
    expect(nextMuteBoundary(list, NOW)).toBe(NOW + 300_000);
    expect(nextMuteBoundary(list, NOW + 300_000)).toBe(NOW + 600_000);
    expect(nextMuteBoundary(list, NOW + 600_000)).toBe(Number.POSITIVE_INFINITY);
    expect(nextMuteBoundary(await buildMonitorList(slim([rawMonitor(3)]), NOW, same), NOW)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps id, name, tags and each group with its status (Unknown when unreadable) for maintenance', async () => {
    const list = await buildMonitorList(
      slim([
        rawMonitor(1, { state: { groups: { 'host:a': rawGroup('host:a', 'Alert'), 'host:b': rawGroup('host:b', 'OK', { status: 7 }) } } }),
        rawMonitor(2, { name: null, tags: null, state: null }),
      ]),
      NOW,
      same,
    );
    expect(previews(list)).toEqual([
      [1, 'Monitor 1', ['env:prod', 'team:web'], [['host:a', 'Alert'], ['host:b', 'Unknown']]],
      [2, '', [], []],
    ]);
  });

  it('puts pages together in order, each monitor once (a repeat on a later page or the same page is left out)', async () => {
    const m = (id: number, extra: Record<string, unknown> = {}) => slim([rawMonitor(id, extra)])[0] as RawListMonitor;
    const timedMonitor = (id: number) => m(id, { matching_downtimes: [downtime(id, nowSeconds(-60), nowSeconds(30))] });
    const pages = [[m(1), timedMonitor(2), m(3)], [m(3), m(4), timedMonitor(4), m(5)], [], [timedMonitor(6), m(1)]];
    const list = await paged(pages);
    const unique = [m(1), timedMonitor(2), m(3), m(4), m(5), timedMonitor(6)];
    expect(list.count).toBe(6);
    expect(rowsText(rowsAt(list, list.builtAt, same))).toBe(summariesAt(unique, NOW));
    expect(previewIds(list)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(list.timed.map((t) => t.raw.id)).toEqual([2, 6]);
    expect(rowsText(rowsAt(list, NOW + 60_000, same))).toBe(summariesAt(unique, NOW + 60_000));
  });

  it('keeps rows whole across pieces of a large page, and finds the timed ones in any piece', async () => {
    const raws = slim(
      Array.from({ length: 1500 }, (_, i) =>
        rawMonitor(i + 1, {
          message: `${'long message '.repeat(40)} ✓ ${i}`,
          matching_downtimes: i % 97 === 0 ? [downtime(i, nowSeconds(-60), nowSeconds(30 + i))] : [],
        }),
      ),
    );
    const list = await paged([raws.slice(0, 1000), raws.slice(1000)]);
    expect(list.rows).toHaveLength(2);
    expect(rowsText(rowsAt(list, list.builtAt, same))).toBe(summariesAt(raws, NOW));
    expect(list.timed).toHaveLength(16);
    for (const t of list.timed) expect(JSON.parse(rowOf(list, t))).toMatchObject({ id: t.raw.id });
    for (const at of [NOW + 31_000, NOW + 1_000_000]) expect(rowsText(rowsAt(list, at, same))).toBe(summariesAt(raws, at));
    expect(previewIds(list)).toEqual(raws.map((r) => r.id));
  });

  it('makes the body in one piece with the same bytes as its head, the rows and its tail, at any time', async () => {
    const m = (id: number, extra: Record<string, unknown> = {}) => slim([rawMonitor(id, extra)])[0] as RawListMonitor;
    const timedMonitor = (id: number, end: number) => m(id, { name: `ç ✓ ${id}`, matching_downtimes: [downtime(id, nowSeconds(-60), nowSeconds(end))] });
    const head = Buffer.from('{"monitors":[');
    const tail = Buffer.from('],"stale":false}');
    const lists = [
      await paged([[m(1), timedMonitor(2, 30), m(3)], [m(3), timedMonitor(4, 5)], [], [timedMonitor(6, 3000), m(1)]]),
      await paged([[timedMonitor(1, 10)]]),
      await paged([]),
    ];
    for (const list of lists) {
      for (const at of [list.builtAt, NOW + 6000, NOW + 31_000, NOW + 4_000_000]) {
        const body = rowsBody(list, at, same, head, tail);
        expect(body.equals(Buffer.concat([head, ...rowsAt(list, at, same), tail]))).toBe(true);
        expect(JSON.parse(body.toString('utf8'))).toMatchObject({ stale: false });
      }
    }
  });
});
