import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MaintenanceWindowSchema, type EndSettings } from '../../../contract/maintenance';
import { groupWindows } from '../../lib/maintenance-windows';
import { disabledUserIds, includedUsers, toEndSettings, toRawEndSettings, toRawSchedule, toWindowSchedule, wallStart } from './map';
import { RawDowntimeAttributesSchema, RawDowntimeListSchema, RawDowntimeOneSchema, type RawDowntimeSchedule } from './schemas';

const NOW = Date.parse('2026-09-01T12:00:00Z');
const schedule = (s: unknown) => RawDowntimeAttributesSchema.parse({ schedule: s }).schedule as RawDowntimeSchedule;

describe('downtime schedules -> window schedules', () => {
  it('reads a one-off schedule, falling back to the current occurrence and then the creation time for the start', () => {
    expect(toWindowSchedule(schedule({ start: '2026-09-01T10:00:00+00:00', end: '2026-09-01T14:00:00+00:00' }), 1, NOW)).toEqual({
      kind: 'once',
      start: Date.parse('2026-09-01T10:00:00Z'),
      end: Date.parse('2026-09-01T14:00:00Z'),
    });
    expect(toWindowSchedule(schedule({ end: null, current_downtime: { start: '2026-09-01T10:00:00Z', end: null } }), 1, NOW)).toEqual({
      kind: 'once',
      start: Date.parse('2026-09-01T10:00:00Z'),
      end: null,
    });
    expect(toWindowSchedule(null, 42, NOW)).toEqual({ kind: 'once', start: 42, end: null });
  });

  it('ignores an occurrence Datadog reports that has already passed, and uses the rule', () => {
    const s = toWindowSchedule(
      schedule({
        recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start: '2026-08-01T03:00' }],
        timezone: 'UTC',
        current_downtime: { start: '2026-08-30T03:00:00Z', end: '2026-08-30T04:00:00Z' },
      }),
      1,
      NOW,
    );
    expect(s).toMatchObject({ kind: 'recurring', current: { start: Date.parse('2026-09-02T03:00:00Z') } });
  });

  it('keeps a rule it cannot expand (hourly), without a current occurrence', () => {
    expect(toWindowSchedule(schedule({ recurrences: [{ rrule: 'FREQ=HOURLY', duration: '10m', start: '2026-08-01T03:00' }] }), 1, NOW)).toEqual({
      kind: 'recurring',
      rrule: 'FREQ=HOURLY',
      duration: '10m',
      start: '2026-08-01T03:00',
      timezone: 'UTC',
      current: null,
    });
  });

  it('takes a missing recurrence start as the creation time in the rule’s timezone, and skips broken rules', () => {
    const s = toWindowSchedule(
      schedule({ recurrences: ['junk', { rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h' }], timezone: 'Europe/Berlin' }),
      Date.parse('2026-08-01T08:30:00Z'),
      NOW,
    );
    expect(s).toMatchObject({ kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '2026-08-01T10:30', timezone: 'Europe/Berlin' });
  });

  it('normalises wall-clock starts and leaves unreadable ones alone', () => {
    expect(wallStart('2026-09-05T02:00:00')).toBe('2026-09-05T02:00');
    expect(wallStart(' tomorrow ')).toBe('tomorrow');
  });
});

describe('planned schedules and end settings -> Datadog', () => {
  it('writes one-off and recurring schedules', () => {
    expect(toRawSchedule({ kind: 'once', start: NOW, end: NOW + 60_000 })).toEqual({
      start: '2026-09-01T12:00:00.000Z',
      end: '2026-09-01T12:01:00.000Z',
    });
    expect(toRawSchedule({ kind: 'once', start: null, end: null })).toEqual({ end: null });
    expect(
      toRawSchedule({ kind: 'recurring', rrule: ' rrule:FREQ=MONTHLY;BYMONTHDAY=1 ', duration: ' 4h', start: '2026-09-01T01:00:00', timezone: 'UTC' }),
    ).toEqual({ recurrences: [{ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', duration: '4h', start: '2026-09-01T01:00' }], timezone: 'UTC' });
  });

  it('round-trips the end settings, with Datadog’s defaults when they are absent', () => {
    const settings: EndSettings = { notifyEndStates: ['alert', 'no data'], notifyEndTypes: ['canceled'], muteFirstRecovery: true };
    const raw = RawDowntimeAttributesSchema.parse(toRawEndSettings(settings));
    expect(toEndSettings(raw)).toEqual(settings);
    expect(toEndSettings(RawDowntimeAttributesSchema.parse({}))).toEqual({
      notifyEndStates: ['alert', 'warn', 'no data'],
      notifyEndTypes: ['expired'],
      muteFirstRecovery: false,
    });
  });

  it('finds the included users Datadog marks disabled', () => {
    const included = RawDowntimeListSchema.parse({
      data: [],
      included: [
        { type: 'users', id: 'u-1', attributes: { name: 'A', disabled: true } },
        { type: 'users', id: 'u-2', attributes: { name: 'B', disabled: false } },
        { type: 'monitors', id: 'u-3', attributes: { disabled: true } },
      ],
    }).included;
    expect([...disabledUserIds(included)]).toEqual(['u-1']);
  });
});

describe('recorded downtime bodies as windows', () => {
  const DIR = path.resolve(process.cwd(), '../shared/conformance/datadog');
  const files = readdirSync(DIR).filter((f) => /^downtimes\.(get|list|create|update)[^.]*\.response\.json$/.test(f));

  it.each(files)('%s maps to contract windows', (file) => {
    const body = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { data: unknown };
    const list = Array.isArray(body.data) ? RawDowntimeListSchema.parse(body) : RawDowntimeListSchema.parse({ ...RawDowntimeOneSchema.parse(body), data: [body.data] });
    const windows = groupWindows(list.data, {
      now: NOW,
      users: includedUsers(list.included),
      disabledUserIds: disabledUserIds(list.included),
      watchdeckUserDisabled: () => undefined,
      watched: new Set(),
      monitorName: () => undefined,
    });
    expect(windows.length).toBe(list.data.length);
    for (const w of windows) expect(() => MaintenanceWindowSchema.parse(w.window)).not.toThrow();
  });
});
