import { toPerson } from '../../upstreams/datadog/incident-map';
import { roleKey } from '../cached';
import { bind, type BoundRoute } from '../define-route';
import { listPeopleRoute } from './people.routes';

/** How many users one search asks Datadog for. */
export const PEOPLE_PAGE_SIZE = 100;

const listPeople = bind(listPeopleRoute, async ({ deps, query, req }) => {
  const q = query.q || undefined;
  const snap = await deps.snapshots.get(roleKey(req, `people:${q ?? ''}`), () => deps.datadog.listUsers(q, PEOPLE_PAGE_SIZE));
  const people = snap.value.data.flatMap((u) => (u && u.attributes?.disabled !== true ? [toPerson(u)] : []));
  return { status: 200, body: { people, fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

export const peopleRoutes: BoundRoute[] = [listPeople];
