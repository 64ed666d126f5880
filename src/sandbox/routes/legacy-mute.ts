import type { Context, Hono } from 'hono';
import { normalizeScope, parseScope } from '../../contract/scope';
import type { SandboxDeps } from '../lib/context';
import { downtimeStatus, isRecurring } from '../lib/downtime-schedule';
import { createDowntime } from '../lib/downtime-service';
import { badRequest } from '../lib/errors';
import { isPlainObject, readJson } from '../lib/json-body';
import { getMonitorOr404, renderOne } from '../lib/monitor-service';
import { US_PER_S } from '../lib/time';

/**
 * The legacy v1 mute/unmute endpoints the seed documents describe. They are
 * not in Datadog's spec any more; here they write v2 downtimes, so a mute made
 * through them shows up everywhere a downtime does.
 */

/** A v1 scope ("env:prod,host:a" or one tag) as a v2 scope ("env:prod AND host:a"); missing = "*". */
export function v1ScopeToV2(scope: unknown): string {
  if (scope === undefined || scope === null) return '*';
  const parts = (Array.isArray(scope) ? scope : [scope]).flatMap((s) => {
    if (typeof s !== 'string') throw badRequest('scope must be a string');
    return s.split(',');
  });
  const tags = parts.map((s) => s.trim()).filter((s) => s !== '');
  if (tags.length === 0 || tags.every((t) => t === '*')) return '*';
  return tags.filter((t) => t !== '*').join(' AND ');
}

/** Parameters from the JSON body, falling back to the query string (the documented form). */
async function params(c: Context): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (body !== undefined && !isPlainObject(body)) throw badRequest('Invalid request body: expected a JSON object');
  const out: Record<string, unknown> = { ...(body ?? {}) };
  for (const key of ['scope', 'end', 'all_scopes']) {
    const q = c.req.query(key);
    if (out[key] === undefined && q !== undefined) out[key] = q;
  }
  return out;
}

function epochSeconds(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw badRequest('end must be a POSIX timestamp in seconds');
  return Math.floor(n);
}

export function registerLegacyMuteRoutes(app: Hono, deps: SandboxDeps): void {
  app.post('/api/v1/monitor/:id/mute', async (c) => {
    const m = getMonitorOr404(deps, c.req.param('id'));
    const p = await params(c);
    const scope = v1ScopeToV2(p.scope);
    const parsed = parseScope(scope);
    if (!parsed.ok) throw badRequest(parsed.error);
    const end = epochSeconds(p.end);
    if (end !== null && end * US_PER_S <= deps.nowUs()) throw badRequest('end must be in the future');
    createDowntime(deps, {
      monitor_identifier: { monitor_id: m.id },
      scope,
      start: null,
      end: end === null ? null : end * US_PER_S,
    });
    return c.json(renderOne(deps, m, { groupStates: null, withDowntimes: false }));
  });

  app.post('/api/v1/monitor/:id/unmute', async (c) => {
    const m = getMonitorOr404(deps, c.req.param('id'));
    const p = await params(c);
    const all = p.all_scopes === true || (typeof p.all_scopes === 'string' && p.all_scopes.toLowerCase() === 'true');
    const wanted = all ? null : normalizeScope(v1ScopeToV2(p.scope));
    const now = deps.nowUs();
    deps.db.transaction(() => {
      for (const d of deps.downtimes.listLive(now)) {
        if (d.monitor_id !== m.id) continue;
        // A v1 mute is a one-off downtime; a recurring window is "muted" only during an occurrence.
        if (isRecurring(d) && downtimeStatus(d, now) !== 'active') continue;
        if (wanted === null || normalizeScope(d.scope) === wanted) deps.downtimes.cancel(d.id, now);
      }
    })();
    return c.json(renderOne(deps, m, { groupStates: null, withDowntimes: false }));
  });
}
