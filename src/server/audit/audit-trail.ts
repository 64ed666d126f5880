import type { MiddlewareHandler } from 'hono';
import type { AuditRecord } from '../../contract/auth';
import type { AppEnv } from '../lib/app-env';
import type { AuditNote } from '../lib/request-context';
import { withUpstreamTrace, type UpstreamTrace } from '../lib/upstream-trace';
import { oneLine } from './one-line';

/**
 * Every /api request that is not a read (GET, HEAD) writes exactly one audit
 * record, allowed or denied, to the store and as one JSON log line
 * {"msg":"audit",...} (SECURITY 33-35). Every text field is made one line
 * first, so a CR/LF anywhere cannot forge a record or a line. Denied, invalid
 * and failed requests log at warn.
 */
const READS = new Set(['GET', 'HEAD']);

export function outcomeFor(status: number): string {
  if (status < 400) return 'allowed';
  if (status === 401 || status === 403) return 'denied';
  if (status >= 500 || status === 429) return 'failed';
  return 'invalid';
}

export function auditTrail(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const note: AuditNote = {
      action: `http.${c.req.method.toLowerCase()}`,
      target: c.req.path,
      actor: 'anonymous',
      role: null,
      detail: null,
      outcome: null,
    };
    c.set('audit', note);
    if (READS.has(c.req.method)) return next();

    const trace: UpstreamTrace = { statuses: [] };
    await withUpstreamTrace(trace, () => next());

    const deps = c.get('deps');
    const status = c.res.status;
    const record: Omit<AuditRecord, 'id'> = {
      time: deps.now(),
      actor: oneLine(note.actor, 128),
      role: note.role === null ? null : oneLine(note.role, 32),
      action: oneLine(note.action, 64),
      target: oneLine(note.target, 200),
      outcome: note.outcome ?? outcomeFor(status),
      status,
      upstreamStatus: trace.statuses.at(-1) ?? null,
      requestId: c.get('requestId'),
      detail: note.detail === null ? null : oneLine(note.detail, 1500),
    };
    let id: number | null = null;
    try {
      id = deps.store.audit.append(record);
    } catch (err) {
      deps.logger.error('audit record could not be stored', { requestId: record.requestId, error: err });
    }
    const { time: _time, ...fields } = record;
    const level = record.outcome === 'allowed' ? 'info' : 'warn';
    deps.logger[level]('audit', { auditId: id, ...fields });
  };
}
