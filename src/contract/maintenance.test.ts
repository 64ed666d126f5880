import { describe, expect, it } from 'vitest';
import { checkGuardrails, DEFAULT_END_SETTINGS, extendedEnd, forecastEnd, MUTE_EVERYTHING_CONFIRMATION, mutesEverything, nearestEnd, previewWindow, type MaintenanceWindow, type PreviewMonitor } from './maintenance';
import { type PlanRequestParsed } from './maintenance-schedule';
import { calendarEntries, PlanRequestSchema } from './maintenance-schedule';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 12, 0);

const monitors: PreviewMonitor[] = [
  {
    id: 1,
    name: 'payments api errors',
    tags: ['team:payments', 'env:prod'],
    groups: [
      { name: 'env:prod,host:pay-1', status: 'Alert' },
      { name: 'env:prod,host:pay-2', status: 'OK' },
      { name: 'env:staging,host:pay-9', status: 'Warn' },
    ],
  },
  { id: 2, name: 'payments db lag', tags: ['team:payments'], groups: [{ name: 'env:staging,host:db-1', status: 'No Data' }] },
  { id: 3, name: 'search latency', tags: ['team:search'], groups: [{ name: 'env:prod,host:s-1', status: 'OK' }] },
];

describe('previewWindow', () => {
  it('lists every monitor × group a tag target and scope cover, with state and what matched', () => {
    const p = previewWindow(monitors, { monitorIds: [], monitorTags: ['team:payments'] }, 'env:prod');
    expect(p.groups).toEqual([
      expect.objectContaining({ monitorId: 1, group: 'env:prod,host:pay-1', state: 'Alert', matchedBy: { picked: false, monitorTags: ['team:payments'] }, scopeTags: ['env:prod'] }),
      expect.objectContaining({ monitorId: 1, group: 'env:prod,host:pay-2', state: 'OK' }),
    ]);
    expect(p.monitorCount).toBe(1);
    // Monitor 2 carries the tag but has no env:prod group yet: caught when one appears.
    expect(p.futureMonitorCount).toBe(1);
    expect(p.mutesEverything).toBe(false);
    expect(p.truncated).toBe(false);
  });

  it('combines picked monitors with tag targets, and marks picked ones', () => {
    const p = previewWindow(monitors, { monitorIds: [3], monitorTags: ['team:payments'] }, '*');
    expect(p.groups.map((g) => `${g.monitorId}/${g.group}`)).toEqual([
      '1/env:prod,host:pay-1',
      '1/env:prod,host:pay-2',
      '1/env:staging,host:pay-9',
      '2/env:staging,host:db-1',
      '3/env:prod,host:s-1',
    ]);
    expect(p.groups.at(-1)!.matchedBy).toEqual({ picked: true, monitorTags: [] });
    expect(p.monitorCount).toBe(3);
  });

  it('no targets mutes everything; the cap keeps counts exact', () => {
    const p = previewWindow(monitors, { monitorIds: [], monitorTags: [] }, '*', 2);
    expect(p.mutesEverything).toBe(true);
    expect(p.groups).toHaveLength(2);
    expect(p.truncated).toBe(true);
    expect(p.monitorCount).toBe(3);
  });

  it('a scope that matches nothing covers nothing', () => {
    const p = previewWindow(monitors, { monitorIds: [1], monitorTags: [] }, 'host:nowhere');
    expect(p.groups).toEqual([]);
    expect(p.monitorCount).toBe(0);
  });
});

describe('forecastEnd', () => {
  const groups = [
    { monitorId: 1, monitorName: 'a', group: 'host:1', state: 'Alert' },
    { monitorId: 1, monitorName: 'a', group: 'host:2', state: 'Warn' },
    { monitorId: 2, monitorName: 'b', group: 'host:3', state: 'No Data' },
    { monitorId: 2, monitorName: 'b', group: 'host:4', state: 'OK' },
    { monitorId: 2, monitorName: 'b', group: 'host:5', state: 'Unknown' },
  ];

  it('with the defaults, every non-OK group notifies when the window expires, none when it is cancelled', () => {
    expect(forecastEnd(groups, DEFAULT_END_SETTINGS, 'expired').notify.map((g) => g.group)).toEqual(['host:1', 'host:2', 'host:3']);
    expect(forecastEnd(groups, DEFAULT_END_SETTINGS, 'canceled')).toEqual({ notify: [], quiet: 5, recoveryMuted: false });
  });

  it('only the named states notify, and only for the named end types', () => {
    const settings = { notifyEndStates: ['alert' as const], notifyEndTypes: ['canceled' as const, 'expired' as const], muteFirstRecovery: true };
    const f = forecastEnd(groups, settings, 'canceled');
    expect(f.notify.map((g) => g.group)).toEqual(['host:1']);
    expect(f.quiet).toBe(4);
    expect(f.recoveryMuted).toBe(true);
    expect(forecastEnd(groups, { ...settings, notifyEndStates: [] }, 'expired').notify).toEqual([]);
  });
});

function plan(over: Partial<PlanRequestParsed> = {}): PlanRequestParsed {
  return PlanRequestSchema.parse({
    targets: { monitorIds: [1], monitorTags: [] },
    schedule: { kind: 'once', start: null, end: NOW + 2 * H },
    reason: 'db upgrade',
    ...over,
  });
}

describe('checkGuardrails', () => {
  const responder = { role: 'responder', maxMuteHours: 168, nowMs: NOW };
  const admin = { ...responder, role: 'admin' };

  it('a short targeted window passes for a responder', () => {
    expect(checkGuardrails(plan(), responder)).toEqual([]);
  });

  it('longer than the cap: 403 for a responder, an override reason for an admin', () => {
    const long = plan({ schedule: { kind: 'once', start: null, end: NOW + 200 * H } });
    expect(checkGuardrails(long, responder)).toEqual([expect.objectContaining({ field: 'schedule.end', status: 403 })]);
    expect(checkGuardrails(long, admin)).toEqual([expect.objectContaining({ field: 'overrideReason', status: 400 })]);
    expect(checkGuardrails({ ...long, overrideReason: 'freeze week' }, admin)).toEqual([]);
  });

  it('a recurring window is capped by its duration', () => {
    const rec = plan({ schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2w', start: '2026-11-28T02:00', timezone: 'UTC' } });
    expect(checkGuardrails(rec, responder)[0]?.status).toBe(403);
  });

  it('indefinite: needs a ticket, and an admin with a reason', () => {
    const forever = plan({ schedule: { kind: 'once', start: null, end: null } });
    expect(checkGuardrails(forever, responder).map((p) => `${p.field}:${p.status}`)).toEqual(['ticket:400', 'schedule.end:403']);
    expect(checkGuardrails({ ...forever, ticket: 'https://jira.example.com/OPS-1', overrideReason: 'decommissioning' }, admin)).toEqual([]);
  });

  it('mute everything: admin only, with the typed confirmation', () => {
    const all = plan({ targets: { monitorIds: [], monitorTags: [] }, scope: '*' });
    expect(mutesEverything(all.targets, all.scope)).toBe(true);
    expect(checkGuardrails(all, responder)).toEqual([expect.objectContaining({ field: 'scope', status: 403 })]);
    expect(checkGuardrails(all, admin)).toEqual([expect.objectContaining({ field: 'confirm', status: 400 })]);
    expect(checkGuardrails({ ...all, confirm: MUTE_EVERYTHING_CONFIRMATION }, admin)).toEqual([]);
    // A "*" monitor tag is everything too; a narrow scope is not.
    expect(mutesEverything({ monitorIds: [], monitorTags: ['*'] }, '*')).toBe(true);
    expect(mutesEverything({ monitorIds: [], monitorTags: [] }, 'env:prod')).toBe(false);
  });

  it('an end in the past is refused', () => {
    expect(checkGuardrails(plan({ schedule: { kind: 'once', start: null, end: NOW - 1 } }), responder)[0]).toMatchObject({ field: 'schedule.end', status: 400 });
  });
});

describe('PlanRequestSchema', () => {
  it('refuses a bad RRULE, duration, timezone and ticket with the field named', () => {
    const base = { targets: { monitorIds: [], monitorTags: ['team:payments'] }, reason: 'x' };
    const bad = (schedule: unknown, extra: object = {}) => {
      const r = PlanRequestSchema.safeParse({ ...base, schedule, ...extra });
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(bad({ kind: 'recurring', rrule: 'FREQ=HOURLY', duration: '2h', start: '2026-11-28T02:00', timezone: 'UTC' })).toEqual(['schedule.rrule']);
    expect(bad({ kind: 'recurring', rrule: 'FREQ=DAILY', duration: 'forever', start: '2026-11-28T02:00', timezone: 'UTC' })).toEqual(['schedule.duration']);
    expect(bad({ kind: 'recurring', rrule: 'FREQ=DAILY', duration: '2h', start: '2026-11-28T02:00', timezone: 'Nowhere/City' })).toEqual(['schedule.timezone']);
    expect(bad({ kind: 'once', start: NOW + H, end: NOW })).toEqual(['schedule.end']);
    expect(bad({ kind: 'once', start: null, end: null }, { ticket: 'not a url' })).toEqual(['ticket']);
    expect(bad({ kind: 'once', start: null, end: null }, { targets: { monitorIds: [], monitorTags: ['has space'] } })).toEqual(['targets.monitorTags.0']);
  });
});

function win(id: string, over: Partial<MaintenanceWindow>): MaintenanceWindow {
  return {
    id,
    downtimeIds: [id],
    planned: true,
    reason: id,
    ticket: null,
    targets: { monitorIds: [], monitorTags: ['team:payments'] },
    scope: '*',
    schedule: { kind: 'once', start: NOW, end: NOW + H },
    status: 'active',
    endSettings: DEFAULT_END_SETTINGS,
    displayTimezone: 'UTC',
    creator: null,
    createdAt: NOW,
    modifiedAt: NOW,
    ...over,
  };
}

describe('calendarEntries', () => {
  it('expands recurring windows and flags overlaps on shared targets only', () => {
    const weekly = win('weekly', {
      status: 'scheduled',
      schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-11-01T02:00', timezone: 'UTC', current: null },
    });
    const clash = win('clash', { schedule: { kind: 'once', start: Date.UTC(2026, 10, 28, 3), end: Date.UTC(2026, 10, 28, 5) } });
    const elsewhere = win('elsewhere', {
      targets: { monitorIds: [9], monitorTags: [] },
      schedule: { kind: 'once', start: Date.UTC(2026, 10, 28, 3), end: Date.UTC(2026, 10, 28, 5) },
    });
    const gone = win('gone', { status: 'canceled' });
    const entries = calendarEntries([weekly, clash, elsewhere, gone], Date.UTC(2026, 10, 23), Date.UTC(2026, 11, 7), NOW);
    expect(entries.map((e) => `${e.windowId}@${new Date(e.start).toISOString().slice(0, 13)}:${e.overlapsWith.join('+')}`)).toEqual([
      'weekly@2026-11-28T02:clash',
      'clash@2026-11-28T03:weekly',
      'elsewhere@2026-11-28T03:',
      'weekly@2026-12-05T02:',
    ]);
  });
});

describe('nearestEnd and extendedEnd', () => {
  it('picks the soonest end among active windows, ignoring indefinite ones', () => {
    const ws = [
      win('a', { schedule: { kind: 'once', start: NOW, end: NOW + 3 * H } }),
      win('b', { schedule: { kind: 'once', start: NOW, end: null } }),
      win('c', { schedule: { kind: 'recurring', rrule: 'FREQ=DAILY', duration: '1h', start: '2026-11-01T11:30', timezone: 'UTC', current: { start: NOW - 0.5 * H, end: NOW + 0.5 * H } } }),
      win('d', { status: 'scheduled', schedule: { kind: 'once', start: NOW + H, end: NOW + 1.1 * H } }),
    ];
    expect(nearestEnd(ws)).toEqual({ windowId: 'c', end: NOW + 0.5 * H });
    expect(nearestEnd([ws[1]!])).toBeNull();
  });

  it('extending adds to the current end, not to now', () => {
    expect(extendedEnd(NOW + 10 * 60_000, 30)).toBe(NOW + 40 * 60_000);
  });
});
