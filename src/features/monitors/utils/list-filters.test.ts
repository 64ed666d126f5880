import { buildSummary, listResponse } from '../../../testing/monitor-fixtures';
import {
  DEFAULT_FILTERS,
  filterAndSort,
  filterSorted,
  indexMonitors,
  isMuted,
  isValidTagFilter,
  sortIndexed,
  readListFilters,
  sortMonitors,
  writeListFilters,
} from './list-filters';

const { monitors } = listResponse();

describe('list filters in the URL', () => {
  it('reads every param, ignoring bad values', () => {
    const f = readListFilters(
      new URLSearchParams('status=Alert&status=Warn&status=Alert&muted=maybe&type=query%20alert&tag=team:a&tag=env:prod&q=cpu&sort=bogus&dir=desc'),
    );
    expect(f).toEqual({
      statuses: ['Alert', 'Warn'],
      muted: null,
      type: 'query alert',
      tags: ['team:a', 'env:prod'],
      q: 'cpu',
      sort: 'severity',
      dir: 'desc',
    });
  });

  it('writes only non-defaults and keeps params that are not its own', () => {
    const params = writeListFilters(
      { ...DEFAULT_FILTERS, statuses: ['No Data'], muted: 'yes', tags: ['team:web'], sort: 'name' },
      new URLSearchParams('other=1&q=old'),
    );
    expect(params.toString()).toBe('other=1&status=No+Data&muted=yes&tag=team%3Aweb&sort=name');
    expect(readListFilters(params)).toMatchObject({ statuses: ['No Data'], muted: 'yes', tags: ['team:web'], sort: 'name', q: '' });
  });

  it('matches tags exactly and case-insensitively, and every term of the text', () => {
    const byTag = filterAndSort(monitors, { ...DEFAULT_FILTERS, tags: ['TEAM:payments'] });
    expect(byTag.map((m) => m.id)).toEqual([2, 3]);
    const byText = filterAndSort(monitors, { ...DEFAULT_FILTERS, q: 'payments latency' });
    expect(byText.map((m) => m.id)).toEqual([3]);
    expect(filterAndSort(monitors, { ...DEFAULT_FILTERS, q: '4' }).map((m) => m.id)).toEqual([4]);
  });

  it('sorts priority with P1 first either way round for set priorities, and no priority last', () => {
    expect(sortMonitors(monitors, 'priority', 'asc').map((m) => m.priority)).toEqual([1, 2, 2, 3, 5, null]);
    expect(sortMonitors(monitors, 'priority', 'desc').map((m) => m.priority)).toEqual([5, 3, 2, 2, 1, null]);
  });

  it('accepts key:value tag filters only', () => {
    expect(isValidTagFilter('team:payments')).toBe(true);
    expect(isValidTagFilter('probe_dc:aws:us-east-2')).toBe(true);
    expect(isValidTagFilter('payments')).toBe(false);
    expect(isValidTagFilter('team: payments')).toBe(false);
  });
});

describe('the list index (prepared once per load, filtered per keystroke)', () => {
  const index = indexMonitors(monitors);

  it('lower-cases name, query and tags into one search text, and keeps tags as a set', () => {
    const cpu = index.find((x) => x.monitor.id === 1)!;
    expect(cpu.text).toBe([cpu.monitor.name, cpu.monitor.query, ...cpu.monitor.tags].join('\n').toLowerCase());
    expect(cpu.tags.has('team:web')).toBe(true);
    expect(cpu.idText).toBe('1');
  });

  it('ranks names with the collator: case-insensitive and numeric-aware, ties broken by id', () => {
    const named = indexMonitors([
      buildSummary({ id: 3, name: 'disk 10' }),
      buildSummary({ id: 1, name: 'Disk 9' }),
      buildSummary({ id: 2, name: 'disk 9' }),
      buildSummary({ id: 4, name: 'alpha' }),
    ]);
    const order = sortIndexed(named, 'name', 'asc').map((x) => x.monitor.id);
    expect(order).toEqual([4, 1, 2, 3]);
    expect(sortIndexed(named, 'name', 'desc').map((x) => x.monitor.id)).toEqual([...order].reverse());
  });

  it('filters a sorted list without re-sorting it, and counts facets over every filter but the status', () => {
    const sorted = sortIndexed(index, 'severity', 'asc');
    const f = { ...DEFAULT_FILTERS, statuses: ['Alert'], tags: ['TEAM:payments'] };
    const { visible, facetCounts } = filterSorted(sorted, f);
    expect(visible.map((m) => m.id)).toEqual(filterAndSort(monitors, f).map((m) => m.id));
    const payments = monitors.filter((m) => m.tags.includes('team:payments'));
    for (const [state, count] of facetCounts) {
      expect(count).toBe(payments.filter((m) => m.overallState === state).length);
    }
    expect(visible.every((m) => m.overallState === 'Alert')).toBe(true);
  });

  it('matches each term within one field only, and an id exactly', () => {
    const sorted = sortIndexed(index, 'name', 'asc');
    const cpu = monitors.find((m) => m.id === 1)!;
    const lastWordOfName = cpu.name.split(' ').at(-1)!.toLowerCase();
    const firstCharsOfQuery = cpu.query.slice(0, 3).toLowerCase();
    // The two run together only across the field boundary: no match.
    expect(filterSorted(sorted, { ...DEFAULT_FILTERS, q: `${lastWordOfName}${firstCharsOfQuery}` }).visible).toEqual([]);
    expect(filterSorted(sorted, { ...DEFAULT_FILTERS, q: 'HIGH cpu' }).visible.map((m) => m.id)).toEqual([1]);
    expect(filterSorted(sorted, { ...DEFAULT_FILTERS, q: '4' }).visible.map((m) => m.id)).toEqual([4]);
  });

  it('filters muted and not muted, and by type', () => {
    const sorted = sortIndexed(index, 'name', 'asc');
    const muted = filterSorted(sorted, { ...DEFAULT_FILTERS, muted: 'yes' }).visible;
    const notMuted = filterSorted(sorted, { ...DEFAULT_FILTERS, muted: 'no' }).visible;
    expect(muted.length + notMuted.length).toBe(monitors.length);
    expect(muted.every(isMuted)).toBe(true);
    expect(notMuted.some(isMuted)).toBe(false);
    const type = monitors[0]!.type;
    expect(filterSorted(sorted, { ...DEFAULT_FILTERS, type }).visible.every((m) => m.type === type)).toBe(true);
  });
});

describe('filterSorted narrowing earlier results while typing', () => {
  // Ids 1…400. Even ones have digits in their names (other numbers than their ids), odd ones only
  // letters, and no query or tag holds a digit: so a digit term matches by id, by name, or both.
  const letters = (n: number) => n.toString(5).replace(/[0-4]/g, (d) => 'abcde'[Number(d)]!);
  const many = Array.from({ length: 400 }, (_, i) =>
    buildSummary({
      id: i + 1,
      name: i % 2 === 0 ? `svc ${(i * 37) % 500}` : `svc ${letters(i)}`,
      query: 'avg:system.cpu.user{*}',
      overallState: ['OK', 'Alert', 'Warn', 'No Data'][i % 4]!,
      tags: [`team:${letters(i % 7)}`, `shard:${letters(i % 3)}`],
    }),
  );
  /** The plain definition: every monitor checked against every filter, nothing kept. */
  const reference = (f: typeof DEFAULT_FILTERS) => filterSorted(sortIndexed(indexMonitors(many), f.sort, f.dir).slice(), f);

  it('gives what a full scan gives, key by key, typing, deleting and changing other filters', () => {
    const sorted = sortIndexed(indexMonitors(many), 'severity', 'asc');
    // A fixed pseudo-random walk: type and delete digits, "#", spaces and letters; now and then change a tag or status.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['1', '2', '3', '4', '#', ' ', 's', 'v', '0'];
    let f = { ...DEFAULT_FILTERS };
    for (let step = 0; step < 600; step++) {
      const r = rand(20);
      if (r < 11) f = { ...f, q: f.q + alphabet[rand(alphabet.length)] };
      else if (r < 17) f = { ...f, q: f.q.slice(0, -1) };
      else if (r === 17) f = { ...f, tags: f.tags.length ? [] : [`team:t${rand(7)}`] };
      else if (r === 18) f = { ...f, statuses: f.statuses.length ? [] : ['Alert'] };
      else f = { ...f, q: '' };
      const got = filterSorted(sorted, f);
      const want = reference(f);
      expect(got.visible.map((m) => m.id), `step ${step}, q="${f.q}"`).toEqual(want.visible.map((m) => m.id));
      expect(got.facetCounts).toEqual(want.facetCounts);
    }
  });

  it('keeps a monitor found by its id when the text narrows from a term that did not need the id', () => {
    const sorted = sortIndexed(indexMonitors(many), 'name', 'asc');
    const before = filterSorted(sorted, { ...DEFAULT_FILTERS, q: '4' });
    // Monitor 40 holds no digit in its name or tags: "4" does not find it, "40" does, by its id.
    expect(before.visible.map((m) => m.id)).not.toContain(40);
    const after = filterSorted(sorted, { ...DEFAULT_FILTERS, q: '40' });
    expect(after.visible.map((m) => m.id)).toContain(40);
    expect(after.visible.map((m) => m.id)).toEqual(reference({ ...DEFAULT_FILTERS, q: '40', sort: 'name' }).visible.map((m) => m.id));
    expect(before.visible.length).toBeGreaterThan(after.visible.length);
  });
});
