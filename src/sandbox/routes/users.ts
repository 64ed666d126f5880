import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { badRequest, notFound } from '../lib/errors';
import { intParam, listParam } from '../lib/query-params';
import { renderUser } from '../lib/user-view';
import type { UserRow } from '../store/types';
import { getUserByUuid, listUsers } from '../store/users-store';

const DEFAULT_SIZE = 10;
const MAX_SIZE = 100;
const SORT_KEYS = ['name', 'email', 'handle', 'created_at'] as const;
type SortKey = (typeof SORT_KEYS)[number];

function sortValue(u: UserRow, key: SortKey): string | number {
  if (key === 'created_at') return u.created_us;
  return (key === 'name' ? (u.name ?? u.handle) : u[key]).toLowerCase();
}

/** A minimal Users API: list (filter, filter[status], sort, page[size], page[number]) and get, for picking commanders and members. */
export function registerUserRoutes(app: Hono, deps: SandboxDeps): void {
  app.get('/api/v2/users', (c) => {
    const q = (n: string) => c.req.query(n);
    const size = Math.min(intParam(q('page[size]'), 'page[size]', 1) ?? DEFAULT_SIZE, MAX_SIZE);
    const number = intParam(q('page[number]'), 'page[number]') ?? 0;
    const sort = q('sort') ?? 'name';
    const key = sort.replace(/^-/, '') as SortKey;
    if (!SORT_KEYS.includes(key)) throw badRequest(`Invalid value for parameter 'sort': '${sort}'`);
    const filter = q('filter')?.trim().toLowerCase();
    const statuses = listParam(q('filter[status]')).map((s) => s.toLowerCase());
    const all = listUsers(deps.db);
    let rows = all;
    if (filter) rows = rows.filter((u) => [u.name ?? '', u.handle, u.email].some((s) => s.toLowerCase().includes(filter)));
    // Every sandbox user is Active.
    if (statuses.length > 0 && !statuses.includes('active')) rows = [];
    rows = [...rows].sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      return (x < y ? -1 : x > y ? 1 : 0) || a.id - b.id;
    });
    if (sort.startsWith('-')) rows.reverse();
    return c.json({
      data: rows.slice(number * size, number * size + size).map((u) => renderUser(u, deps.orgUuid)),
      meta: { page: { total_count: all.length, total_filtered_count: rows.length } },
    });
  });

  app.get('/api/v2/users/:id', (c) => {
    const u = getUserByUuid(deps.db, c.req.param('id'));
    if (!u) throw notFound('User not found');
    return c.json({ data: renderUser(u, deps.orgUuid) });
  });
}
