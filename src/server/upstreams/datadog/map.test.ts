import { MonitorDetailSchema, MonitorSummarySchema } from '../../../contract/monitors';
import { NOW, nowSeconds, rawDowntime, rawGroup, rawMonitor, rawUser, UUID_A, UUID_B, UUID_C } from '../../testing/fixtures';
import { includedUsers, targetsMonitor, toDowntime, toMonitorDetail, toMonitorSummary } from './map';
import { RawDowntimeSchema, RawMonitorSchema } from './schemas';

const monitor = (extra: Record<string, unknown> = {}) => RawMonitorSchema.parse(rawMonitor(1, extra));
const mute = (extra: Record<string, unknown>) => ({
  id: 1,
  monitor_id: 1,
  start: nowSeconds(-60),
  end: nowSeconds(3600),
  scope: ['*'],
  groups: ['*'],
  active: true,
  ...extra,
});

describe('toMonitorSummary', () => {
  it('maps the monitor fields, times in ms, and counts groups per status', () => {
    const s = MonitorSummarySchema.parse(toMonitorSummary(monitor(), NOW));
    expect(s).toMatchObject({
      id: 1,
      name: 'Monitor 1',
      type: 'query alert',
      tags: ['env:prod', 'team:web'],
      priority: 2,
      overallState: 'Alert',
      overallStateModifiedAt: NOW - 600_000,
      multi: true,
      creator: { name: 'Ada', handle: 'ada@example.com', email: 'ada@example.com' },
      createdAt: NOW - 86_400_000,
      modifiedAt: NOW - 3_600_000,
      groupCounts: { Alert: 1, OK: 2 },
      mute: { state: 'none', endsAt: null, mutedGroups: 0, downtimes: 0 },
    });
  });

  it('is muted "all" by an active whole-monitor downtime, until its end', () => {
    const s = toMonitorSummary(monitor({ matching_downtimes: [mute({})] }), NOW);
    expect(s.mute).toEqual({ state: 'all', endsAt: (nowSeconds(3600)) * 1000, mutedGroups: 3, downtimes: 1 });
  });

  it('is muted "all" indefinitely when a whole-monitor downtime has no end', () => {
    const s = toMonitorSummary(monitor({ matching_downtimes: [mute({ end: null }), mute({ id: 2 })] }), NOW);
    expect(s.mute).toMatchObject({ state: 'all', endsAt: null, downtimes: 2 });
  });

  it('accepts a v2-style string scope', () => {
    const s = toMonitorSummary(monitor({ matching_downtimes: [mute({ scope: '*', groups: null })] }), NOW);
    expect(s.mute.state).toBe('all');
  });

  it('is "partial" when some groups are muted; endsAt is the soonest group end', () => {
    const s = toMonitorSummary(
      monitor({
        matching_downtimes: [
          mute({ id: 1, scope: ['host:web-1'], groups: ['host:web-1'], end: nowSeconds(7200) }),
          mute({ id: 2, scope: ['host:web-2'], groups: ['host:web-2'], end: nowSeconds(1800) }),
        ],
      }),
      NOW,
    );
    expect(s.mute).toEqual({ state: 'partial', endsAt: nowSeconds(1800) * 1000, mutedGroups: 2, downtimes: 2 });
  });

  it('matches groups by scope when the downtime does not list them', () => {
    const s = toMonitorSummary(monitor({ matching_downtimes: [mute({ scope: ['host:web-3'], groups: null })] }), NOW);
    expect(s.mute).toMatchObject({ state: 'partial', mutedGroups: 1 });
  });

  it('ignores inactive, future and ended downtimes', () => {
    const s = toMonitorSummary(
      monitor({
        matching_downtimes: [
          mute({ active: false }),
          mute({ start: nowSeconds(600), active: null }),
          mute({ start: nowSeconds(-7200), end: nowSeconds(-60) }),
        ],
      }),
      NOW,
    );
    expect(s.mute).toEqual({ state: 'none', endsAt: null, mutedGroups: 0, downtimes: 0 });
  });

  it('says what the detail says of the same monitor (counts, multi, mute), without building each group', () => {
    const groups = (statuses: string[]) =>
      Object.fromEntries(statuses.map((st, i) => [`host:web-${i + 1},env:prod`, rawGroup(`host:web-${i + 1},env:prod`, st)]));
    const cases = [
      monitor(),
      monitor({ multi: null, state: { groups: groups(['OK']) } }),
      monitor({ multi: null, state: { groups: {} } }),
      monitor({ state: null, matching_downtimes: [mute({ groups: ['host:a', 'host:b', '*'] })] }),
      monitor({ state: { groups: groups(['Alert', 'OK', 'Warn', 'No Data', 'Skipped', 'Weird']) } }),
      monitor({ matching_downtimes: [mute({ scope: ['host:web-2'], groups: null, end: null }), mute({ id: 2, scope: 'env:prod', groups: null })] }),
      monitor({ matching_downtimes: [mute({ scope: ['host:web-1'], groups: ['host:web-1'], end: nowSeconds(60) }), mute({ id: 2, start: nowSeconds(30) })] }),
      monitor({ state: { groups: [rawGroup('host:a', 'Alert'), { ...rawGroup('host:b', 'OK'), status: null }] } }),
    ];
    for (const raw of cases) {
      for (const now of [NOW, NOW + 45_000, NOW + 3_600_000]) {
        const { options: _options, groups: _groups, downtimes: _downtimes, fetchedAt: _f, stale: _s, ...fromDetail } = toMonitorDetail(
          raw,
          { data: [], users: new Map() },
          { now, fetchedAt: now, stale: false },
        );
        expect(toMonitorSummary(raw, now)).toEqual(fromDetail);
      }
    }
  });

  it('lists the counts most severe first, and keeps any status name as its own key', () => {
    const s = toMonitorSummary(
      monitor({
        state: {
          groups: JSON.parse(
            '{"a":{"status":"OK"},"b":{"status":"__proto__"},"c":{"status":"Alert"},"d":{"status":"zzz"},"e":{"status":"OK"},"f":{"status":"No Data"}}',
          ) as unknown,
        },
      }),
      NOW,
    );
    expect(Object.keys(s.groupCounts)).toEqual(['Alert', 'No Data', 'OK', '__proto__', 'zzz']);
    expect(Object.getOwnPropertyDescriptor(s.groupCounts, '__proto__')?.value).toBe(1);
    expect(s.groupCounts.OK).toBe(2);
    expect(JSON.parse(JSON.stringify(s)).groupCounts).toEqual(s.groupCounts);
  });
});

describe('toDowntime', () => {
  it('maps a one-off downtime and its creator', () => {
    const raw = RawDowntimeSchema.parse(rawDowntime(UUID_A, { monitor_identifier: { monitor_id: 9 } }));
    const users = includedUsers([{ type: 'users', id: 'user-1', attributes: rawUser('user-1', 'Grace').attributes }]);
    expect(toDowntime(raw, users)).toEqual({
      id: UUID_A,
      scope: '*',
      monitorId: 9,
      monitorTags: null,
      status: 'active',
      message: 'maintenance',
      startAt: NOW - 60_000,
      endAt: NOW + 3_600_000,
      createdAt: NOW - 60_000,
      creator: { name: 'Grace', handle: 'grace@example.com', email: 'grace@example.com' },
      recurring: false,
    });
  });

  it('reads a recurring downtime from its current occurrence', () => {
    const raw = RawDowntimeSchema.parse(
      rawDowntime(UUID_A, {
        schedule: {
          recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start: '2026-09-01T11:00:00' }],
          current_downtime: { start: '2026-09-01T11:00:00+00:00', end: '2026-09-01T12:30:00+00:00' },
          timezone: 'UTC',
        },
      }),
    );
    expect(toDowntime(raw)).toMatchObject({
      recurring: true,
      startAt: Date.parse('2026-09-01T11:00:00Z'),
      endAt: Date.parse('2026-09-01T12:30:00Z'),
      creator: null,
    });
  });
});

describe('targetsMonitor', () => {
  const m = { id: 1, tags: ['env:prod', 'team:web'] };
  const d = (monitorId: number | null, monitorTags: string[] | null) =>
    toDowntime(RawDowntimeSchema.parse(rawDowntime(UUID_A, { monitor_identifier: { monitor_id: monitorId, monitor_tags: monitorTags } })));

  it.each([
    [1, null, true],
    [2, null, false],
    [null, ['env:prod'], true],
    [null, ['env:prod', 'team:web'], true],
    [null, ['env:prod', 'team:db'], false],
    [null, ['*'], true],
    [null, ['ENV:PROD'], true],
    [null, [], false],
  ])('monitor_id %s / monitor_tags %j -> %s', (id, tags, expected) => {
    expect(targetsMonitor(d(id, tags), m)).toBe(expected);
  });
});

describe('toMonitorDetail', () => {
  it('gives groups with tags and mute state, and the downtimes that target the monitor', () => {
    const raw = monitor({
      state: {
        groups: {
          'env:prod,host:web-1': rawGroup('env:prod,host:web-1', 'Alert', { last_nodata_ts: nowSeconds(-30) }),
          'env:prod,host:web-2': rawGroup('env:prod,host:web-2', 'OK'),
        },
      },
      matching_downtimes: [mute({ scope: ['host:web-1'], groups: ['env:prod,host:web-1'], end: null })],
    });
    const downtimes = {
      data: [
        rawDowntime(UUID_A, { monitor_identifier: { monitor_id: 1 }, scope: 'host:web-1', schedule: { start: null, end: null } }),
        rawDowntime(UUID_B, { monitor_identifier: { monitor_tags: ['team:web'] }, scope: 'env:prod' }),
        rawDowntime(UUID_C, { monitor_identifier: { monitor_id: 2 } }),
        rawDowntime('11111111-1111-1111-1111-111111111111', { status: 'canceled' }),
      ].map((x) => RawDowntimeSchema.parse(x)),
      users: new Map([['user-1', { name: 'Grace', handle: 'g', email: null }]]),
    };
    const detail = MonitorDetailSchema.parse(toMonitorDetail(raw, downtimes, { now: NOW, fetchedAt: NOW - 5, stale: true }));
    expect(detail.groups).toEqual([
      {
        name: 'env:prod,host:web-1',
        status: 'Alert',
        tags: ['env:prod', 'host:web-1'],
        lastTriggeredAt: (nowSeconds(-600)) * 1000,
        lastResolvedAt: null,
        lastNodataAt: (nowSeconds(-30)) * 1000,
        lastNotifiedAt: null,
        muted: true,
        mutedUntil: null,
      },
      expect.objectContaining({ name: 'env:prod,host:web-2', muted: false, mutedUntil: null }),
    ]);
    expect(detail.downtimes.map((d) => [d.id, d.groups])).toEqual([
      [UUID_A, ['env:prod,host:web-1']],
      [UUID_B, ['env:prod,host:web-1', 'env:prod,host:web-2']],
    ]);
    expect(detail.downtimes[0]?.creator?.name).toBe('Grace');
    expect(detail.mute).toEqual({ state: 'partial', endsAt: null, mutedGroups: 1, downtimes: 1 });
    expect([detail.fetchedAt, detail.stale]).toEqual([NOW - 5, true]);
    expect(detail.options).toEqual({ thresholds: { critical: 90 }, silenced: {} });
  });
});
