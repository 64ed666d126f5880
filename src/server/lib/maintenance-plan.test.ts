import { type PlanRequest } from '../../contract/maintenance-schedule';
import { PlanRequestSchema } from '../../contract/maintenance-schedule';
import { NOW } from '../testing/fixtures';
import { AUDIT_IDS_SHOWN, guardrailError, planAuditDetail, planDowntimeBodies, planIdentifiers } from './maintenance-plan';

const HOUR = 3_600_000;
const W = '3f1c2b9e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';
const parse = (p: Partial<PlanRequest>) =>
  PlanRequestSchema.parse({
    targets: { monitorIds: [1], monitorTags: [] },
    schedule: { kind: 'once', start: null, end: NOW + HOUR },
    reason: 'Upgrade',
    ...p,
  });

describe('a plan as Datadog downtimes', () => {
  it('makes one downtime per picked monitor and one for the tags', () => {
    expect(planIdentifiers({ monitorIds: [2, 1, 2], monitorTags: ['team:payments', 'env:prod'] })).toEqual([
      { monitor_id: 2 },
      { monitor_id: 1 },
      { monitor_tags: ['team:payments', 'env:prod'] },
    ]);
    expect(planIdentifiers({ monitorIds: [], monitorTags: ['team:web'] })).toEqual([{ monitor_tags: ['team:web'] }]);
  });

  it('makes one downtime for every monitor with no targets, or with a * tag', () => {
    expect(planIdentifiers({ monitorIds: [], monitorTags: [] })).toEqual([{ monitor_tags: ['*'] }]);
    expect(planIdentifiers({ monitorIds: [4, 5], monitorTags: ['team:web', '*'] })).toEqual([{ monitor_tags: ['*'] }]);
  });

  it('gives every downtime the same scope, schedule, message and end settings', () => {
    const bodies = planDowntimeBodies(
      parse({
        targets: { monitorIds: [1], monitorTags: ['team:payments'] },
        scope: 'env:prod',
        schedule: { kind: 'once', start: NOW + HOUR, end: NOW + 3 * HOUR },
        ticket: 'https://jira.example.com/OPS-1',
        endSettings: { notifyEndStates: ['alert'], notifyEndTypes: ['expired', 'canceled'], muteFirstRecovery: true },
      }),
      W,
      'ana',
    );
    const shared = {
      scope: 'env:prod',
      schedule: { start: new Date(NOW + HOUR).toISOString(), end: new Date(NOW + 3 * HOUR).toISOString() },
      message: `Upgrade\nTicket: https://jira.example.com/OPS-1\n— planned in watchdeck by ana · window ${W}`,
      display_timezone: 'UTC',
      notify_end_states: ['alert'],
      notify_end_types: ['expired', 'canceled'],
      mute_first_recovery_notification: true,
    };
    expect(bodies).toEqual([
      { data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: 1 }, ...shared } } },
      { data: { type: 'downtime', attributes: { monitor_identifier: { monitor_tags: ['team:payments'] }, ...shared } } },
    ]);
  });

  it('leaves the start out for "now", and sends null for an indefinite end', () => {
    const [body] = planDowntimeBodies(parse({ schedule: { kind: 'once', start: null, end: null } }), W, 'ana');
    expect(body!.data.attributes.schedule).toEqual({ end: null });
  });

  it('sends a recurring schedule as one rule in its timezone, shown in that timezone by default', () => {
    const [body] = planDowntimeBodies(
      parse({ schedule: { kind: 'recurring', rrule: 'RRULE:FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-09-05T02:00', timezone: 'Europe/Berlin' } }),
      W,
      'ana',
    );
    expect(body!.data.attributes).toMatchObject({
      schedule: { recurrences: [{ rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-09-05T02:00' }], timezone: 'Europe/Berlin' },
      display_timezone: 'Europe/Berlin',
    });
    const [shown] = planDowntimeBodies(
      parse({
        displayTimezone: 'America/New_York',
        schedule: { kind: 'recurring', rrule: 'FREQ=DAILY', duration: '30m', start: '2026-09-05T02:00', timezone: 'Europe/Berlin' },
      }),
      W,
      'ana',
    );
    expect(shown!.data.attributes.display_timezone).toBe('America/New_York');
  });
});

describe('the guardrails’ answer', () => {
  it('is nothing without problems', () => {
    expect(guardrailError([])).toBeNull();
  });

  it('is 403 when any problem needs an admin, naming only those fields', () => {
    const err = guardrailError([
      { field: 'ticket', message: 'An indefinite window needs a ticket link', status: 400 },
      { field: 'schedule.end', message: 'Only an admin can plan an indefinite window', status: 403 },
    ]);
    expect([err?.status, err?.code, err?.message, err?.extra.fields]).toEqual([
      403,
      'forbidden',
      'Only an admin can plan an indefinite window',
      { 'schedule.end': ['Only an admin can plan an indefinite window'] },
    ]);
  });

  it('is 400 with every field otherwise', () => {
    const err = guardrailError([
      { field: 'ticket', message: 'needs a ticket', status: 400 },
      { field: 'confirm', message: 'type it', status: 400 },
    ]);
    expect([err?.status, err?.code, err?.extra.fields]).toEqual([400, 'validation_failed', { ticket: ['needs a ticket'], confirm: ['type it'] }]);
  });
});

describe('the audit detail of a plan', () => {
  it('names the targets, scope, schedule, reason, ticket and override', () => {
    expect(
      planAuditDetail(parse({ targets: { monitorIds: [1, 2], monitorTags: ['team:web'] }, ticket: 'https://t.example.com/1', overrideReason: 'vendor' })),
    ).toBe(
      `monitors=1,2 tags=team:web scope=* schedule=once now to ${new Date(NOW + HOUR).toISOString()} reason=Upgrade ticket=https://t.example.com/1 override=vendor`,
    );
  });

  it('counts the monitor ids past the first few', () => {
    const ids = Array.from({ length: AUDIT_IDS_SHOWN + 5 }, (_, i) => i + 1);
    expect(planAuditDetail(parse({ targets: { monitorIds: ids, monitorTags: [] } }))).toContain(`,${AUDIT_IDS_SHOWN} (+5 more) tags=none`);
  });
});
