import { NOW, nowSeconds, rawGroup, rawMonitor } from '../../testing/fixtures';
import { GroupEntries, ListMonitorError, parseListItem, readListGroups, readListMonitor, readListMonitors } from './list-schemas';
import { toMonitorSummary } from './map';
import { RawMonitorSchema } from './schemas';

describe('readListMonitor', () => {
  it('keeps what the list reads, and drops options, unknown fields and group timestamps', () => {
    const slim = readListMonitor(rawMonitor(7, { restricted_roles: ['x'], extra: { deep: true } }));
    expect(slim).toEqual({
      id: 7,
      name: 'Monitor 7',
      type: 'query alert',
      query: 'avg(last_5m):avg:system.cpu.user{*} by {host} > 90',
      message: 'Page @oncall',
      tags: ['env:prod', 'team:web'],
      priority: 2,
      multi: true,
      overall_state: 'Alert',
      overall_state_modified: expect.any(String),
      created: expect.any(String),
      modified: expect.any(String),
      created_at: NOW - 86_400_000,
      creator: { name: 'Ada', handle: 'ada@example.com', email: 'ada@example.com' },
      state: {
        groups: [
          { name: 'host:web-1', status: 'Alert' },
          { name: 'host:web-2', status: 'OK' },
          { name: 'host:web-3', status: 'OK' },
        ],
      },
      matching_downtimes: [],
    });
    expect(Object.keys(slim)).not.toContain('options');
  });

  it('reads a field of the wrong type as absent, as the full schema does', () => {
    const slim = readListMonitor({
      id: 1,
      name: 5,
      type: ['x'],
      query: null,
      message: { a: 1 },
      tags: ['ok', 3],
      priority: '2',
      multi: 'yes',
      overall_state: false,
      created_at: 'yesterday',
      creator: ['Ada'],
      state: 'broken',
      matching_downtimes: 'none',
    });
    expect(slim).toMatchObject({
      id: 1,
      name: null,
      type: null,
      query: null,
      message: null,
      tags: null,
      priority: null,
      multi: null,
      overall_state: null,
      created_at: null,
      creator: null,
      state: null,
      matching_downtimes: null,
    });
    expect(readListMonitor({ id: 2 })).toMatchObject({ name: null, tags: null, state: null, creator: null });
    expect(readListMonitor({ id: 3, creator: { name: 1, handle: 'h' } }).creator).toEqual({ name: null, handle: 'h', email: null });
  });

  it('reads downtimes field by field, and drops a list with an item that is not an object', () => {
    const d = { id: 'abc', monitor_id: 1, start: nowSeconds(-5), end: null, scope: 'host:a', groups: ['host:a'], active: true, extra: 1 };
    expect(readListMonitor({ id: 1, matching_downtimes: [d] }).matching_downtimes).toEqual([
      { id: 'abc', start: nowSeconds(-5), end: null, scope: 'host:a', groups: ['host:a'], active: true },
    ]);
    expect(readListMonitor({ id: 1, matching_downtimes: [{ id: {}, start: 'x', scope: ['a', 1], groups: 'a', active: 1 }] }).matching_downtimes).toEqual([
      { id: null, start: null, end: null, scope: null, groups: null, active: null },
    ]);
    expect(readListMonitor({ id: 1, matching_downtimes: [d, 5] }).matching_downtimes).toBeNull();
  });

  it.each([
    ['no id', { name: 'x' }],
    ['a string id', { id: '7' }],
    ['a fractional id', { id: 7.5 }],
    ['an id past the safe integers', { id: 2 ** 60 }],
    ['not an object', 'monitor'],
    ['null', null],
    ['an array', [{ id: 1 }]],
  ])('refuses a monitor with %s', (_, value) => {
    expect(() => readListMonitor(value)).toThrow(ListMonitorError);
  });

  it('summarizes exactly as the full schema did, on good and odd monitors', () => {
    const cases = [
      rawMonitor(1),
      rawMonitor(2, { state: { groups: [rawGroup('host:a', 'Alert'), rawGroup('host:b', 'Warn')] } }),
      rawMonitor(3, { state: { groups: { 'host:a': rawGroup('host:a', 'No Data'), 'host:b': { ...rawGroup('host:b', 'OK'), status: 7 } } } }),
      rawMonitor(4, { state: null, multi: null, priority: 2.5, overall_state: null }),
      rawMonitor(5, { state: { groups: 'nope' } }),
      rawMonitor(6, { matching_downtimes: [{ id: 1, start: nowSeconds(-60), end: nowSeconds(60), scope: ['host:web-1'], groups: null, active: true }] }),
      rawMonitor(7, { matching_downtimes: [{ id: 2, start: nowSeconds(-60), end: null, scope: '*', active: true }] }),
      rawMonitor(8, { matching_downtimes: [{ id: 3, start: nowSeconds(60), end: null, scope: ['*'], groups: ['*'] }] }),
      rawMonitor(9, { state: { groups: { renamed: rawGroup('host:inside', 'Alert'), unnamed: { status: 'OK' } } } }),
      rawMonitor(10, { creator: null, tags: ['a', 1], created_at: null }),
    ];
    for (const raw of cases) {
      expect(toMonitorSummary(readListMonitor(raw), NOW)).toEqual(toMonitorSummary(RawMonitorSchema.parse(raw), NOW));
    }
  });

  it('reads a page', () => {
    expect(readListMonitors([rawMonitor(1), rawMonitor(2)]).map((m) => m.id)).toEqual([1, 2]);
  });
});

describe('readListGroups', () => {
  it('takes Datadog\'s record (the name inside wins, else the key) and a plain list (a group without a name is "")', () => {
    expect(readListGroups({ a: { name: 'inside', status: 'OK' }, b: { status: 'Alert' }, c: { name: 9, status: 'Warn' } })).toEqual([
      { name: 'inside', status: 'OK' },
      { name: 'b', status: 'Alert' },
      { name: 'c', status: 'Warn' },
    ]);
    expect(readListGroups([{ name: 'x', status: 'OK' }, { status: 'Alert' }])).toEqual([
      { name: 'x', status: 'OK' },
      { name: '', status: 'Alert' },
    ]);
  });

  it('reads a status that is not a string as null (shown as Unknown), and skips entries that are not objects', () => {
    expect(readListGroups({ a: { status: 1 }, b: null, c: 'OK', d: [], e: { status: null }, f: {} })).toEqual([
      { name: 'a', status: null },
      { name: 'e', status: null },
      { name: 'f', status: null },
    ]);
    expect(readListGroups([null, 5, 'x', [], { name: 'ok', status: 'OK' }])).toEqual([{ name: 'ok', status: 'OK' }]);
  });

  it('reads groups of any other type as none', () => {
    for (const value of [null, undefined, 'groups', 5, true]) expect(readListGroups(value)).toBeNull();
  });

  it('takes hostile names as data, with no effect on any prototype', () => {
    const groups = JSON.parse('{"__proto__": {"status": "Alert"}, "constructor": {"status": "OK"}}') as unknown;
    expect(readListGroups(groups)).toEqual([
      { name: '__proto__', status: 'Alert' },
      { name: 'constructor', status: 'OK' },
    ]);
    expect(({} as { status?: unknown }).status).toBeUndefined();
  });

  it('keeps every status right past the shared copies it keeps', () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`g${i}`, { status: `S${i % 150}` }]));
    const read = readListGroups(many) ?? [];
    expect(read).toHaveLength(200);
    read.forEach((g, i) => expect(g.status).toBe(`S${i % 150}`));
  });
});

describe('parseListItem', () => {
  /** What readListMonitor makes of the text parsed as it is, and parsed by parseListItem. */
  const both = (text: string) => [readListMonitor(JSON.parse(text)), readListMonitor(parseListItem(text))];

  it('reads state.groups without an object, and the monitor reads the same as from JSON.parse', () => {
    const monitors = [
      rawMonitor(1),
      rawMonitor(2, { name: 'Ünïcødé ✓ "groups":{"x":1}', state: { groups: { 'host:a': rawGroup('host:a', 'Alert'), 'host:"b"': rawGroup('host:"b"', 'OK') } } }),
      rawMonitor(3, { state: { groups: {} } }),
    ];
    for (const m of monitors) {
      for (const text of [JSON.stringify(m), JSON.stringify(m, null, 2)]) {
        const [plain, parsed] = both(text);
        expect(parsed).toEqual(plain);
        expect((parseListItem(text) as { state: { groups: unknown } }).state.groups).toBeInstanceOf(GroupEntries);
      }
    }
  });

  it('keeps the order and values Object.keys would give: index keys first, a repeated key in its first place with its last value', () => {
    const text = '{"id":1,"state":{"groups":{"b":{"status":"OK"},"2":{"name":"two"},"a":1,"1":{"status":"Alert"},"b":{"status":"No Data"},"__proto__":{}}}}';
    const [plain, parsed] = both(text);
    expect(parsed).toEqual(plain);
    expect(parsed?.state?.groups?.map((g) => g.name)).toEqual(['1', 'two', 'b', '__proto__']);
  });

  it('takes any JSON value as a member', () => {
    const [plain, parsed] = both('{"id":1,"state":{"groups":{"x":12.5e3,"y":true, "z" : null ,"w":[1,{"a":"}"}],"v":"s\\"tr","u":{"name":"u"}}}}');
    expect(parsed).toEqual(plain);
  });

  it('parses the text as it is when the groups are not one plain object (a list, keys with escapes, a repeated state or groups)', () => {
    for (const text of [
      '{"id":1,"state":{"groups":[{"name":"l","status":"OK"}]}}',
      '{"id":1,"state":{"groups":{"a":{}}},"state":{"groups":[{"name":"list"}]}}',
      '{"id":1,"state":{"groups":{"a":{}},"groups":{"b":{}}}}',
      '{"id":1,"options":{"groups":{"a":{}}},"state":{"groups":{"b":{"status":"OK"}}}}',
      '{"id":1,"st\\u0061te":{"groups":{"a":{}}}}',
      '{"id":1,"state":{"gr\\u006fups":{"a":{}}}}',
      '{"id":1,"state":null}',
    ]) {
      const [plain, parsed] = both(text);
      expect(parsed).toEqual(plain);
    }
  });

  it('fails on text that is not JSON, as JSON.parse does', () => {
    for (const text of [
      '{"id":1,"state":{"groups":{"a",1}}}',
      '{"id":1,"state":{"groups":{"a":1,}}}',
      '{"id":1,"state":{"groups":{"a":1]}}',
      '{"id":1,"state":{"groups":{1:2}}}',
      '{"id":1,"state":{"groups":{"a":}}}',
      '{"id":1,"state":{"groups":{"a":1 "b":2}}}',
      '{"id":1,"state":{"groups":{"a":1,"b"}}}',
      '{"id":1,"state":{"groups":{"a" 1}}}',
      '{"id":1,"state":{"groups":{"a":{}}}',
    ]) {
      expect(() => parseListItem(text)).toThrow(SyntaxError);
    }
  });
});

describe('parseListItem against JSON.parse, on generated monitors', () => {
  /** A small seeded PRNG (mulberry32), so a failure can be replayed. */
  function prng(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const TRICKY = ['', ':', ',', '{', '}', '[', ']', '"', '\\', '\\"', 'state', 'groups', '"groups":{', 'é', '✓', '\u2028', ' ', '\n', '0', '12', '__proto__'];

  function generate(rand: () => number) {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const str = () => Array.from({ length: Math.floor(rand() * 4) }, () => pick(TRICKY)).join('');
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 2 || r < 0.3) return pick<unknown>([str(), Math.floor(rand() * 1e6) / 100, -3e-7, true, false, null]);
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 3) }, () => [str(), value(depth + 1)]));
    };
    const groups: Record<string, unknown> = {};
    for (let g = Math.floor(rand() * 6); g > 0; g--) {
      const name = `${pick(['host:', 'env:', ''])}${str()}${Math.floor(rand() * 20)}`;
      groups[name] = rand() < 0.8 ? { name, status: pick(['OK', 'Alert', 'Warn', 'No Data']), extra: value(1) } : value(1);
    }
    return { id: 1 + Math.floor(rand() * 1e6), name: str(), options: { groups: value(1) }, state: { groups, [str()]: value(1) }, tags: [str()] };
  }

  it('reads 400 generated monitors (odd keys, escapes, nested values, any layout) exactly as JSON.parse does', () => {
    const rand = prng(20261124);
    let asEntries = 0;
    for (let n = 0; n < 400; n++) {
      const monitor = generate(rand);
      const text = JSON.stringify(monitor, null, n % 3 === 0 ? 2 : n % 3 === 1 ? undefined : '\t');
      const plain = readListMonitor(JSON.parse(text));
      const parsed = parseListItem(text) as { state: { groups: unknown } };
      if (parsed.state.groups instanceof GroupEntries) asEntries++;
      expect(readListMonitor(parsed), text).toEqual(plain);
    }
    // Most took the rewritten path; the rest fell back to JSON.parse on purpose: a generated key
    // beside "groups" in "state" written with escapes (about a quarter), or one named "groups".
    expect(asEntries).toBeGreaterThan(250);
  });
});
