import type { GuardrailProblem, PlanTargets } from '../../contract/maintenance';
import type { PlanRequestParsed, Schedule } from '../../contract/maintenance-schedule';
import { toRawEndSettings, toRawSchedule } from '../upstreams/datadog/map';
import type { RawDowntimeCreate } from '../upstreams/datadog/schemas';
import { HttpError } from './errors';
import { formatWindowMessage } from './maintenance-message';

/**
 * A plan -> the Datadog downtimes that make its window, and the guardrails' answer.
 *
 * One downtime per picked monitor (`monitor_id`), plus one for the monitor tags when there are
 * any. A window with neither, or with a `*` tag, is one downtime with `monitor_tags: ["*"]`
 * (every monitor, including those created later; the picked ones are in it already).
 */
export type MonitorIdentifier = { monitor_id: number } | { monitor_tags: string[] };

export function planIdentifiers(targets: PlanTargets): MonitorIdentifier[] {
  if (targets.monitorTags.includes('*') || (targets.monitorIds.length === 0 && targets.monitorTags.length === 0)) {
    return [{ monitor_tags: ['*'] }];
  }
  const ids: MonitorIdentifier[] = [...new Set(targets.monitorIds)].map((id) => ({ monitor_id: id }));
  const tags = [...new Set(targets.monitorTags)];
  return tags.length > 0 ? [...ids, { monitor_tags: tags }] : ids;
}

/** The timezone Datadog shows the window in: the one asked for, else the rule's, else UTC. */
export function displayTimezoneOf(plan: Pick<PlanRequestParsed, 'displayTimezone' | 'schedule'>): string {
  return plan.displayTimezone ?? (plan.schedule.kind === 'recurring' ? plan.schedule.timezone : 'UTC');
}

export function planDowntimeBodies(plan: PlanRequestParsed, windowId: string, username: string): RawDowntimeCreate[] {
  const message = formatWindowMessage({
    reason: plan.reason,
    ticket: plan.ticket,
    overrideReason: plan.overrideReason ?? null,
    username,
    windowId,
  });
  const shared = {
    scope: plan.scope,
    schedule: toRawSchedule(plan.schedule),
    message,
    display_timezone: displayTimezoneOf(plan),
    ...toRawEndSettings(plan.endSettings),
  };
  return planIdentifiers(plan.targets).map((monitor_identifier) => ({
    data: { type: 'downtime', attributes: { monitor_identifier, ...shared } },
  }));
}

/**
 * Guardrail problems -> the answer: any 403 wins (it needs someone else, an admin); otherwise the
 * 400s, each on its field. Null when there is nothing to refuse.
 */
export function guardrailError(problems: readonly GuardrailProblem[]): HttpError | null {
  const forbidden = problems.filter((p) => p.status === 403);
  const list = forbidden.length > 0 ? forbidden : problems;
  if (list.length === 0) return null;
  const fields: Record<string, string[]> = {};
  for (const p of list) (fields[p.field] ??= []).push(p.message);
  if (forbidden.length > 0) return new HttpError(403, 'forbidden', forbidden.map((p) => p.message).join('; '), { fields });
  return new HttpError(400, 'validation_failed', 'The request is not valid', { fields });
}

/** At most this many monitor ids are named in an audit detail; the rest are counted. */
export const AUDIT_IDS_SHOWN = 20;

const iso = (ms: number | null) => (ms === null ? 'indefinite' : new Date(ms).toISOString());

export function scheduleText(schedule: Schedule): string {
  if (schedule.kind === 'once') return `once ${schedule.start === null ? 'now' : iso(schedule.start)} to ${iso(schedule.end)}`;
  return `recurring ${schedule.rrule} for ${schedule.duration} from ${schedule.start} ${schedule.timezone}`;
}

function targetsText(targets: PlanTargets): string {
  const ids = targets.monitorIds.slice(0, AUDIT_IDS_SHOWN).join(',');
  const more = targets.monitorIds.length > AUDIT_IDS_SHOWN ? ` (+${targets.monitorIds.length - AUDIT_IDS_SHOWN} more)` : '';
  return `monitors=${ids || 'none'}${more} tags=${targets.monitorTags.join(',') || 'none'}`;
}

/** What the audit record says of a plan (no secret can be in a plan: these are all shown to users). */
export function planAuditDetail(plan: PlanRequestParsed): string {
  return [
    targetsText(plan.targets),
    `scope=${plan.scope}`,
    `schedule=${scheduleText(plan.schedule)}`,
    `reason=${plan.reason}`,
    `ticket=${plan.ticket ?? 'none'}`,
    ...(plan.overrideReason ? [`override=${plan.overrideReason}`] : []),
  ].join(' ');
}
