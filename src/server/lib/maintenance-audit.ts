import { randomUUID } from 'node:crypto';
import { oneLine } from '../audit/one-line';
import type { ServerDeps } from './deps';

/**
 * Audit records the request middleware cannot write on its own: one per window of a bulk
 * cleanup, and the until-recovered watcher's changes (made by watchdeck itself, with no request).
 * Same store, same one-line rules, same JSON log line as every other record.
 */
export const WATCHER_ACTOR = 'watchdeck';

export const windowTarget = (id: string) => `maintenance-window:${id}`;

export interface WindowAuditEntry {
  action: string;
  windowId: string;
  detail: string;
  /** Who; the watcher when absent. */
  actor?: { username: string; role: string };
  outcome?: 'allowed' | 'failed' | 'invalid';
  /** The request this is part of; a new id for the watcher's own work. */
  requestId?: string;
  status?: number;
}

export function auditWindow(deps: ServerDeps, entry: WindowAuditEntry): void {
  const record = {
    time: deps.now(),
    actor: oneLine(entry.actor?.username ?? WATCHER_ACTOR, 128),
    role: entry.actor ? oneLine(entry.actor.role, 32) : null,
    action: oneLine(entry.action, 64),
    target: oneLine(windowTarget(entry.windowId), 200),
    outcome: entry.outcome ?? 'allowed',
    status: entry.status ?? (entry.outcome === 'failed' ? 502 : 200),
    upstreamStatus: null,
    requestId: entry.requestId ?? randomUUID(),
    detail: oneLine(entry.detail, 1500),
  };
  let id: number | null = null;
  try {
    id = deps.store.audit.append(record);
  } catch (err) {
    deps.logger.error('audit record could not be stored', { requestId: record.requestId, error: err });
  }
  const { time: _time, ...fields } = record;
  deps.logger[record.outcome === 'allowed' ? 'info' : 'warn']('audit', { auditId: id, ...fields });
}
