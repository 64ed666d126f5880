import { DEFAULT_END_SETTINGS } from '../../../contract/maintenance';
import { buildWindow, HOUR, MINUTE, NOW, weeklyWindow } from '../testing/window-fixtures';
import {
  emptyPlanForm,
  formFromWindow,
  parseMonitorIds,
  planRequestOf,
  previewBodyOf,
  simpleRepeatOf,
  typedScheduleErrors,
  withEndMovedBy,
  type PlanForm,
} from './plan-form';

const base = (patch: Partial<PlanForm> = {}): PlanForm => ({ ...emptyPlanForm(NOW, 'UTC'), reason: 'DB failover', ...patch });

describe('planRequestOf', () => {
  it('builds a one-off window that starts now and ends after a preset', () => {
    const built = planRequestOf(base({ monitorIds: [101, 102], monitorTags: ['team:payments'], scope: ' env:prod ', endMode: '4h' }), NOW);
    expect(built).toEqual({
      ok: true,
      value: {
        targets: { monitorIds: [101, 102], monitorTags: ['team:payments'] },
        scope: 'env:prod',
        schedule: { kind: 'once', start: null, end: NOW + 4 * HOUR },
        reason: 'DB failover',
        ticket: null,
        endSettings: DEFAULT_END_SETTINGS,
        displayTimezone: 'UTC',
      },
    });
  });

  it('reads a start and end typed as wall-clock times in the chosen timezone', () => {
    const form = base({ timezone: 'Europe/Berlin', startMode: 'at', startAt: '2025-06-03T18:00', endMode: 'at', endAt: '2025-06-03T20:30' });
    const built = planRequestOf(form, NOW);
    expect(built.ok && built.value.schedule).toEqual({ kind: 'once', start: Date.UTC(2025, 5, 3, 16, 0), end: Date.UTC(2025, 5, 3, 18, 30) });
    expect(built.ok && built.value.displayTimezone).toBe('Europe/Berlin');
  });

  it('builds a weekly recurring window: rule, local start, duration and timezone', () => {
    const form = base({
      kind: 'recurring',
      repeat: 'weekly',
      days: ['SA'],
      recurStart: '2025-06-07T02:00',
      duration: '2h',
      timezone: 'Europe/Berlin',
      monitorTags: ['team:payments'],
    });
    const built = planRequestOf(form, NOW);
    expect(built.ok && built.value.schedule).toEqual({
      kind: 'recurring',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      duration: '2h',
      start: '2025-06-07T02:00',
      timezone: 'Europe/Berlin',
    });
  });

  it('builds daily, monthly and custom rules', () => {
    const rule = (patch: Partial<PlanForm>) => {
      const built = planRequestOf(base({ kind: 'recurring', ...patch }), NOW);
      return built.ok && built.value.schedule.kind === 'recurring' ? built.value.schedule.rrule : built;
    };
    expect(rule({ repeat: 'daily' })).toBe('FREQ=DAILY');
    expect(rule({ repeat: 'monthly', monthDay: '15' })).toBe('FREQ=MONTHLY;BYMONTHDAY=15');
    expect(rule({ repeat: 'custom', customRrule: ' FREQ=MONTHLY;BYDAY=1SA ' })).toBe('FREQ=MONTHLY;BYDAY=1SA');
  });

  it('lists every problem at once, keyed like the BFF’s fields', () => {
    const built = planRequestOf(
      base({ reason: '  ', ticket: 'jira', kind: 'recurring', repeat: 'weekly', days: [], duration: '2 hours', monitorTags: ['team payments'] }),
      NOW,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toMatchObject({
      reason: 'A reason is required',
      ticket: expect.stringMatching(/A ticket link is an http\(s\) URL/),
      'schedule.rrule': 'Choose at least one day',
      'targets.monitorTags': 'A tag has no spaces or commas, e.g. team:payments',
    });
  });

  it('says what is wrong with a duration, an end before the start, or a start already past', () => {
    const errors = (patch: Partial<PlanForm>) => {
      const built = planRequestOf(base(patch), NOW);
      return built.ok ? {} : built.errors;
    };
    expect(errors({ kind: 'recurring', duration: '2 hours' })['schedule.duration']).toMatch(/whole number then m, h, d or w/);
    expect(errors({ endMode: 'at', endAt: '' })['schedule.end']).toBe('Choose the date and time it ends');
    expect(errors({ startMode: 'at', startAt: '2025-06-03T15:00', endMode: 'at', endAt: '2025-06-03T14:00' })['schedule.end']).toBe(
      'The end must be after the start',
    );
    expect(errors({ startMode: 'at', startAt: '2025-06-03T09:00' })['schedule.start']).toMatch(/That time has passed/);
  });

  it('keeps an override reason and a typed confirmation only when given', () => {
    const with_ = planRequestOf(base({ overrideReason: ' long migration ', confirm: 'mute everything' }), NOW);
    expect(with_.ok && with_.value).toMatchObject({ overrideReason: 'long migration', confirm: 'mute everything' });
    const without = planRequestOf(base(), NOW);
    expect(without.ok && 'overrideReason' in without.value).toBe(false);
    expect(without.ok && 'confirm' in without.value).toBe(false);
  });
});

describe('typedScheduleErrors', () => {
  it('holds back "choose a time" for an empty box until a save is tried, but shows a mistake in what was typed', () => {
    const form = base({ kind: 'recurring', repeat: 'custom', customRrule: '' });
    expect(typedScheduleErrors(form, { 'schedule.rrule': 'Type an RRULE' })).toEqual({});
    const typed = base({ kind: 'recurring', repeat: 'custom', customRrule: 'FREQ=HOURLY' });
    expect(typedScheduleErrors(typed, { 'schedule.rrule': 'Windows repeat at most daily' })).toEqual({ 'schedule.rrule': 'Windows repeat at most daily' });
  });
});

describe('formFromWindow (Clone)', () => {
  it('copies a one-off window with a new start now and the same length', () => {
    const w = buildWindow({ schedule: { kind: 'once', start: NOW - 5 * HOUR, end: NOW - HOUR }, status: 'ended', scope: 'env:prod AND host:web-*' });
    const form = formFromWindow(w, NOW, 'UTC');
    expect(form).toMatchObject({
      monitorIds: [101],
      monitorTags: [],
      scope: 'env:prod AND host:web-*',
      reason: 'Database failover',
      ticket: 'https://jira.example.com/browse/OPS-42',
      kind: 'once',
      startMode: 'now',
      endMode: '4h',
    });
    const odd = formFromWindow(buildWindow({ schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 2 * HOUR } }), NOW, 'UTC');
    expect(odd).toMatchObject({ endMode: 'at', endAt: '2025-06-03T15:00' });
    expect(formFromWindow(buildWindow({ schedule: { kind: 'once', start: NOW, end: null } }), NOW, 'UTC').endMode).toBe('indefinite');
  });

  it('copies a recurring window’s rule, time, duration and timezone, from today', () => {
    const form = formFromWindow(weeklyWindow(), NOW, 'UTC');
    expect(form).toMatchObject({
      kind: 'recurring',
      repeat: 'weekly',
      days: ['SA'],
      recurStart: '2025-06-03T02:00',
      duration: '2h',
      timezone: 'Europe/Berlin',
      monitorTags: ['team:payments'],
    });
  });

  it('keeps a rule the simple choices cannot show as a custom RRULE', () => {
    const w = weeklyWindow({
      schedule: { kind: 'recurring', rrule: 'FREQ=MONTHLY;BYDAY=1SA', duration: '3h', start: '2025-01-04T01:00', timezone: 'UTC', current: null },
    });
    expect(formFromWindow(w, NOW, 'UTC')).toMatchObject({ repeat: 'custom', customRrule: 'FREQ=MONTHLY;BYDAY=1SA', duration: '3h' });
  });
});

describe('withEndMovedBy (+30 m)', () => {
  it('moves a one-off end 30 minutes later, as an explicit time', () => {
    const moved = withEndMovedBy(base({ endMode: '1h' }), 30, NOW);
    expect(moved).toMatchObject({ endMode: 'at', endAt: '2025-06-03T13:30' });
    const built = planRequestOf(moved, NOW);
    expect(built.ok && built.value.schedule).toEqual({ kind: 'once', start: null, end: NOW + 90 * MINUTE });
  });

  it('makes each occurrence of a recurring window 30 minutes longer, and leaves an indefinite one alone', () => {
    expect(withEndMovedBy(base({ kind: 'recurring', duration: '2h' }), 30, NOW).duration).toBe('150m');
    const indefinite = base({ endMode: 'indefinite' });
    expect(withEndMovedBy(indefinite, 30, NOW)).toBe(indefinite);
  });
});

describe('the rest', () => {
  it('reads ?monitors=12,13 and ignores anything that is not an id', () => {
    expect(parseMonitorIds('12,13, 13,abc,0,-4,1.5')).toEqual([12, 13]);
    expect(parseMonitorIds(null)).toEqual([]);
  });

  it('recognises the simple rules', () => {
    expect(simpleRepeatOf('FREQ=WEEKLY;BYDAY=SA,SU')).toEqual({ repeat: 'weekly', days: ['SA', 'SU'] });
    expect(simpleRepeatOf('RRULE:FREQ=DAILY')).toEqual({ repeat: 'daily' });
    expect(simpleRepeatOf('FREQ=MONTHLY;BYMONTHDAY=31')).toEqual({ repeat: 'monthly', monthDay: 31 });
    expect(simpleRepeatOf('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA')).toBeNull();
  });

  it('previews only targets, scope and schedule, and nothing while the scope does not parse', () => {
    const a = previewBodyOf(base({ reason: 'one' }), NOW);
    const b = previewBodyOf(base({ reason: 'two', endSettings: { ...DEFAULT_END_SETTINGS, muteFirstRecovery: true } }), NOW);
    expect(a).toEqual(b);
    expect(a?.schedule).toEqual({ kind: 'once', start: null, end: NOW + HOUR });
    expect(previewBodyOf(base({ scope: 'env:(a OR' }), NOW)).toBeNull();
  });
});
