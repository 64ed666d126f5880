import { createHash } from 'node:crypto';
import { groupVariables } from '../../contract/monitor-message';
import type { MonitorRow } from '../store/types';
import { UNGROUPED } from './service-check-query';

/** One thing to notify about: a group's transition, or a renotification of an unchanged state. */
export interface NotificationEvent {
  monitor: Pick<MonitorRow, 'id' | 'name' | 'message' | 'query' | 'tags' | 'priority' | 'type'>;
  group: string;
  from: string | null;
  to: string;
  renotify: boolean;
  /** Replaces the transition text in the log, e.g. "downtime ended: Alert" for a downtime's end notification. */
  label?: string;
  /** Epoch ms, from the sandbox clock. */
  atMs: number;
  /** The run's message ({{value}}), '' when none. */
  value: string;
  /** The run's host (or the group's host tag), '' when none. */
  hostName: string;
  check: string;
}

/** "OK → Alert", "(new) → Alert", "Alert (renotify)", or the event's own label. */
export function transitionText(e: Pick<NotificationEvent, 'from' | 'to' | 'renotify' | 'label'>): string {
  if (e.label) return e.label;
  if (e.renotify) return `${e.to} (renotify)`;
  return `${e.from ?? '(new)'} → ${e.to}`;
}

/** Datadog's $ALERT_TRANSITION: Triggered, Recovered, Warn, No Data, Unknown; renotifications are Re-Triggered, Re-Warn, Re-No Data. */
export function alertTransition(e: Pick<NotificationEvent, 'to' | 'renotify'>): string {
  const base = e.to === 'Alert' ? 'Triggered' : e.to === 'OK' ? 'Recovered' : e.to;
  return e.renotify ? `Re-${base}` : base;
}

/** "[Triggered on {host:web-1}] <monitor name>"; without " on {…}" for an ungrouped monitor. */
export function eventTitle(e: Pick<NotificationEvent, 'to' | 'renotify' | 'group' | 'monitor'>): string {
  const on = e.group === UNGROUPED || e.group === '*' ? '' : ` on {${e.group}}`;
  return `[${alertTransition(e)}${on}] ${e.monitor.name}`;
}

const ALERT_TYPES: Record<string, string> = { Alert: 'error', Warn: 'warning', OK: 'success' };
const STATUS_LABELS: Record<string, string> = { Alert: 'CRITICAL', Warn: 'WARNING', OK: 'OK', Unknown: 'UNKNOWN', 'No Data': 'NO DATA' };

/** A 19-digit decimal id, stable for the same event. */
function numericId(parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 15);
  return (BigInt(`0x${hex}`) + 1_000_000_000_000_000_000n).toString();
}

export interface OrgFacts {
  orgId: number;
  orgName: string;
  /** Base of $LINK, e.g. https://app.datadoghq.com */
  linkBase: string;
}

/**
 * The webhook `$VARIABLES` of an event: every variable Datadog documents (so
 * no sample value leaks into a real delivery). `renderedMessage` is $EVENT_MSG.
 */
export function webhookValues(e: NotificationEvent, renderedMessage: string, org: OrgFacts): Record<string, string> {
  const title = eventTitle(e);
  const id = numericId([e.monitor.id, e.group, e.atMs, e.to, e.renotify ? 'r' : 't']);
  const groupTags = e.group === UNGROUPED ? [] : e.group.split(',').map((t) => t.trim()).filter(Boolean);
  const host = e.hostName || groupVariables(e.group).host || '';
  const label = STATUS_LABELS[e.to] ?? e.to;
  return {
    ID: id,
    EVENT_TITLE: title,
    EVENT_MSG: renderedMessage,
    TEXT_ONLY_MSG: renderedMessage.replace(/(^|\s)@[A-Za-z0-9_.#-]+/g, '$1').replace(/[ \t]+\n/g, '\n').trim(),
    EVENT_TYPE: e.monitor.type === 'service check' ? 'service_check' : 'metric_alert_monitor',
    LAST_UPDATED: String(e.atMs),
    DATE: String(e.atMs),
    ALERT_ID: String(e.monitor.id),
    ALERT_TITLE: title,
    ALERT_STATUS: `${e.check} over ${e.group} was ${label}`,
    ALERT_TRANSITION: alertTransition(e),
    ALERT_TYPE: ALERT_TYPES[e.to] ?? 'info',
    ALERT_METRIC: e.check,
    ALERT_QUERY: e.monitor.query,
    ALERT_SCOPE: e.group,
    ALERT_PRIORITY: e.monitor.priority === null ? '' : `P${e.monitor.priority}`,
    ALERT_CYCLE_KEY: numericId([e.monitor.id, e.group, 'cycle']),
    AGGREG_KEY: createHash('md5').update(`${e.monitor.id}:${e.group}`).digest('hex'),
    HOSTNAME: host,
    ORG_ID: String(org.orgId),
    ORG_NAME: org.orgName,
    PRIORITY: 'normal',
    USER: '',
    USERNAME: '',
    EMAIL: '',
    LINK: `${org.linkBase.replace(/\/+$/, '')}/monitors/${e.monitor.id}`,
    SNAPSHOT: '',
    TAGS: [...e.monitor.tags, ...groupTags].join(','),
    LOGS_SAMPLE: '',
  };
}
