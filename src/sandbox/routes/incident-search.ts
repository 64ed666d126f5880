import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { badRequest } from '../lib/errors';
import { incidentFacets } from '../lib/incident-facets';
import { fieldAnalytics } from '../lib/incident-field-analytics';
import { includedFor, parseIncidentInclude } from '../lib/incident-request';
import { matchesQuery } from '../lib/incident-search-match';
import { parseIncidentQuery } from '../lib/incident-search-query';
import { renderIncident } from '../lib/incident-view';
import { offsetPage, readOffsetParams } from '../lib/offset-page';
import { userLookup } from '../store/users-store';

const SORTS = ['created', '-created'];

/**
 * GET /api/v2/incidents/search: the recorded envelope, with `total` and the
 * facets over every match, the page's incidents (users embedded, as recorded)
 * both in attributes.incidents and in `included`.
 */
export function registerIncidentSearchRoutes(app: Hono, deps: SandboxDeps): void {
  app.get('/api/v2/incidents/search', (c) => {
    const q = (n: string) => c.req.query(n);
    const raw = q('query');
    if (raw === undefined) throw badRequest("Missing required query parameter 'query'");
    const node = parseIncidentQuery(raw);
    const sort = q('sort') ?? '-created';
    if (!SORTS.includes(sort)) throw badRequest(`Invalid value for parameter 'sort': '${sort}' is not one of ['created', '-created']`);
    const include = parseIncidentInclude(q('include'));
    const { offset, size } = readOffsetParams(q);

    const user = userLookup(deps.db);
    const commander = (i: { commander_id: number | null }) => (i.commander_id === null ? undefined : user(i.commander_id));
    let rows = deps.incidents.list().filter((i) => matchesQuery(node, i, commander));
    if (sort === 'created') rows = rows.reverse();
    const { page, pagination } = offsetPage(rows, offset, size);
    const rendered = page.map((i) =>
      renderIncident(i, user, { embedUsers: true, fieldAnalytics: fieldAnalytics(deps.transitions.list(i.id)) }),
    );
    return c.json({
      data: {
        type: 'incidents_search_results',
        attributes: {
          total: rows.length,
          facets: incidentFacets(rows, user),
          incidents: rendered.map((data) => ({ data })),
        },
        relationships: { incidents_relationship: { data: page.map((i) => ({ type: 'incidents', id: i.id })) } },
      },
      included: [...rendered, ...includedFor(deps, page, include)],
      meta: { pagination },
    });
  });
}
