import type { IncidentRow } from '../store/incident-rows';
import { userLookup } from '../store/users-store';
import type { SandboxDeps } from './context';
import { badRequest, notFound } from './errors';
import { incidentNotFound } from './incident-service';
import { INCIDENT_SEVERITIES, INCIDENT_STATES } from './incident-values';
import { incidentUserIds } from './incident-view';
import { listParam } from './query-params';
import { renderUserBrief } from './user-view';

/** Helpers the incident routes share: lookups that 404 like Datadog, include=, filters. */

export function getIncidentOr404(deps: SandboxDeps, id: string): IncidentRow {
  const i = deps.incidents.get(id);
  if (!i) throw notFound(incidentNotFound(id));
  return i;
}

const INCLUDES = ['users', 'attachments'];

export function parseIncidentInclude(raw: string | undefined): Set<string> {
  const wanted = new Set(listParam(raw));
  for (const w of wanted) if (!INCLUDES.includes(w)) throw badRequest(`Invalid include parameter: '${w}'`);
  return wanted;
}

/** `included` for `include=users` (attachments: the sandbox has none). */
export function includedFor(deps: SandboxDeps, rows: readonly IncidentRow[], include: Set<string>): Record<string, unknown>[] {
  if (!include.has('users')) return [];
  const user = userLookup(deps.db);
  return incidentUserIds(rows).flatMap((id) => {
    const u = user(id);
    return u ? [renderUserBrief(u)] : [];
  });
}

/** filter[state] / filter[severity] comma lists (the seed's parameters); an unknown value is a 400. */
export function enumFilter(raw: string | undefined, name: string, allowed: readonly string[], norm: (s: string) => string): Set<string> | null {
  const values = listParam(raw).map(norm);
  if (values.length === 0) return null;
  for (const v of values) if (!allowed.includes(v)) throw badRequest(`Invalid value for parameter '${name}': '${v}'`);
  return new Set(values);
}

export function listFilters(query: (n: string) => string | undefined): (i: IncidentRow) => boolean {
  const states = enumFilter(query('filter[state]'), 'filter[state]', INCIDENT_STATES, (s) => s.toLowerCase());
  const severities = enumFilter(query('filter[severity]'), 'filter[severity]', INCIDENT_SEVERITIES, (s) => s.toUpperCase());
  return (i) => (!states || states.has(i.state)) && (!severities || severities.has(i.severity));
}
