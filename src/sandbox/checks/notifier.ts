import { extractHandles, renderMonitorMessage, type Handle } from '../../contract/monitor-message';
import { mutesFor, type PreparedDowntime } from '../lib/downtime-matching';
import { deliverWebhook, type WebhookDeliveryOptions } from '../lib/webhook-delivery';
import { renderWebhookRequest, scrubSecrets } from '../lib/webhook-render';
import type { WebhooksStore } from '../store/integrations-webhooks-store';
import type { MonitorRow } from '../store/types';
import type { CheckStore, NotificationRow } from './check-store';
import type { Job } from './delivery-queue';
import { transitionText, webhookValues, type NotificationEvent, type OrgFacts } from './notification-event';

export const NO_SUCH_WEBHOOK = 'no such webhook';
const DETAIL_BODY_CHARS = 300;

export interface NotifierDeps {
  store: CheckStore;
  webhooks: WebhooksStore;
  org: OrgFacts;
  delivery: Partial<WebhookDeliveryOptions>;
  /** False once the sandbox is closed: a delivery that finishes late writes nothing. */
  isOpen(): boolean;
  /** Changes on reset(): a delivery from before the reset writes nothing either. */
  generation(): number;
}

/** The first active downtime that covers this group of the monitor, or null. */
export function muteFor(monitor: Pick<MonitorRow, 'id' | 'tags'>, group: string, active: readonly PreparedDowntime[]): PreparedDowntime | null {
  return mutesFor(monitor, [{ name: group }], active)[0]?.downtime ?? null;
}

/** Why a notification is logged instead of delivered, naming the downtime responsible. */
export interface Suppression {
  downtimeId: string;
  detail: string;
}

/** What an event leads to, decided when it happens: the rendered message, its handles, and whether it is suppressed. */
export interface PlannedNotification {
  event: NotificationEvent;
  message: string;
  handles: Handle[];
  /** The active downtime covering the group (if any). */
  mute: PreparedDowntime | null;
  /** Set by a mute, or by a downtime's mute_first_recovery_notification; null: delivered. */
  suppression: Suppression | null;
}

export function planNotification(event: NotificationEvent, active: readonly PreparedDowntime[]): PlannedNotification {
  const message = renderMonitorMessage(event.monitor.message, {
    status: event.to,
    previous: event.from,
    group: event.group,
    value: event.value,
    renotify: event.renotify,
  }).trim();
  const mute = muteFor(event.monitor, event.group, active);
  const suppression = mute ? { downtimeId: mute.row.id, detail: `muted by downtime ${mute.row.id} (scope ${mute.row.scope})` } : null;
  return { event, message, handles: extractHandles(message), mute, suppression };
}

function baseRow(p: PlannedNotification, handle: Handle): Omit<NotificationRow, 'id' | 'outcome' | 'downtime_id' | 'receiver_status' | 'detail'> {
  const e = p.event;
  return {
    at_ms: e.atMs,
    monitor_id: e.monitor.id,
    monitor_name: e.monitor.name,
    group_name: e.group,
    from_status: e.from,
    to_status: e.to,
    transition: transitionText(e),
    handle: handle.text,
    message: p.message,
  };
}

function attempts(n: number): string {
  return `${n} attempt${n === 1 ? '' : 's'}`;
}

async function deliverToWebhook(deps: NotifierDeps, p: PlannedNotification, handle: Handle): Promise<void> {
  const base = baseRow(p, handle);
  const hook = deps.webhooks.get(handle.target);
  if (!hook) {
    deps.store.insertNotification({ ...base, outcome: 'failed', downtime_id: null, receiver_status: null, detail: NO_SUCH_WEBHOOK });
    return;
  }
  const rendered = renderWebhookRequest(hook, deps.webhooks.listVariables(), webhookValues(p.event, p.message, deps.org));
  const result = await deliverWebhook(rendered.request, deps.delivery);
  if (!deps.isOpen()) return;
  const answer = scrubSecrets(result.body, rendered.secrets).slice(0, DETAIL_BODY_CHARS);
  let detail: string;
  if (result.ok) detail = `HTTP ${result.status} after ${attempts(result.attempts)}`;
  else if (result.status === null) detail = `unreachable after ${attempts(result.attempts)}: ${answer}`;
  else detail = `HTTP ${result.status} after ${attempts(result.attempts)}${answer ? `: ${answer}` : ''}`;
  deps.store.insertNotification({
    ...base,
    outcome: result.ok ? 'delivered' : 'failed',
    downtime_id: null,
    receiver_status: result.status,
    detail,
  });
}

/** One job per handle, in the message's order: suppressed, recorded, or a real webhook POST. */
export function notificationJobs(all: NotifierDeps, p: PlannedNotification): Job[] {
  const gen = all.generation();
  const deps: NotifierDeps = { ...all, isOpen: () => all.isOpen() && all.generation() === gen };
  return p.handles.map((handle): Job => {
    const suppression = p.suppression;
    if (suppression) {
      return () => {
        if (!deps.isOpen()) return;
        deps.store.insertNotification({
          ...baseRow(p, handle),
          outcome: 'suppressed',
          downtime_id: suppression.downtimeId,
          receiver_status: null,
          detail: suppression.detail,
        });
      };
    }
    if (handle.kind === 'webhook') return () => (deps.isOpen() ? deliverToWebhook(deps, p, handle) : undefined);
    return () => {
      if (!deps.isOpen()) return;
      deps.store.insertNotification({
        ...baseRow(p, handle),
        outcome: 'delivered',
        downtime_id: null,
        receiver_status: null,
        detail: `recorded: the local Datadog does not call ${handle.kind}`,
      });
    };
  });
}
