import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const A = DEMO_ANCHORS;
const open: TempSandbox[] = [];
function make(): TempSandbox {
  const t = createTempSandbox();
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

const membership = (userId: string, role: string | null = null): Json => ({
  data: { type: 'team_memberships', attributes: { role }, relationships: { user: { data: { type: 'users', id: userId } } } },
});
const userCount = async (t: TempSandbox, id: string) => (await t.call('GET', `/api/v2/team/${id}`)).body.data.attributes.user_count;

describe('team memberships', () => {
  it('lists members with their users included, admin first (offset_limit form)', async () => {
    const t = make();
    const r = await t.call('GET', `/api/v2/team/${A.teamIds.platform}/memberships`);
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(A.biggestTeam.memberCount);
    expect(r.body.data[0]).toMatchObject({
      type: 'team_memberships',
      id: `TeamMembership-${A.teamIds.platform}-${A.apiKeyOwner.id}`,
      attributes: { role: 'admin' },
      relationships: { user: { data: { type: 'users', id: A.apiKeyOwner.uuid } } },
    });
    expect(r.body.data[1].attributes.role).toBeNull();
    expect(r.body.included[0]).toMatchObject({ type: 'users', id: A.apiKeyOwner.uuid, attributes: { handle: A.apiKeyOwner.handle, disabled: false } });
    expect(r.body.meta.pagination).toMatchObject({ type: 'offset_limit', total: 5, limit: 100 });
    expect(r.body.links.self).toBe(`http://sandbox/api/v2/team/${A.teamIds.platform}/memberships`);
  });

  it('pages, sorts and filters members', async () => {
    const t = make();
    const p = await t.call('GET', `/api/v2/team/${A.teamIds.platform}/memberships?page[number]=1&page[size]=2&sort=name`);
    expect(p.body.meta.pagination).toEqual({ number: 1, first_number: 0, prev_number: 0, next_number: 2, last_number: 2, size: 2, type: 'number_size', total: 5 });
    expect(p.body.included.map((u: Json) => u.attributes.name)).toEqual(['Priya Natarajan', 'Sam Okafor']);
    const kw = await t.call('GET', `/api/v2/team/${A.teamIds.platform}/memberships?filter[keyword]=tomasz`);
    expect(kw.body.data).toHaveLength(1);
    const none = await t.call('GET', `/api/v2/team/${A.teamIds.platform}/memberships?filter[keyword]=nobody`);
    expect(none.body.data).toEqual([]);
    expect(none.body).not.toHaveProperty('included');
    expect((await t.call('GET', `/api/v2/team/${A.teamIds.platform}/memberships?sort=age`)).status).toBe(400);
  });

  it('adds a member (200, JSON:API), then 409 with a JSON:API error object; user_count follows', async () => {
    const t = make();
    const before = await userCount(t, A.teamIds.data);
    const r = await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, membership(A.userWithoutTeam.uuid, 'admin'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(r.body.data).toMatchObject({ attributes: { role: 'admin' }, relationships: { user: { data: { id: A.userWithoutTeam.uuid } } } });
    expect(r.body.included).toEqual([expect.objectContaining({ id: A.userWithoutTeam.uuid, type: 'users' })]);
    expect(await userCount(t, A.teamIds.data)).toBe(before + 1);
    const again = await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, membership(A.userWithoutTeam.uuid));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ errors: [{ status: '409', title: 'Conflict', detail: `users already present on the team [${A.userWithoutTeam.uuid}]` }] });
  });

  it('removes a member (204), then 404; user_count follows', async () => {
    const t = make();
    const member = A.teamList.find((x) => x.handle === 'data')!.admin;
    const del = await t.call('DELETE', `/api/v2/team/${A.teamIds.data}/memberships/${member}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect(await userCount(t, A.teamIds.data)).toBe(A.smallestTeam.memberCount - 1);
    const again = await t.call('DELETE', `/api/v2/team/${A.teamIds.data}/memberships/${member}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ errors: [`User ${member} is not a member of team ${A.teamIds.data}`] });
  });

  it('400 for a bad body, 404 for an unknown team or user', async () => {
    const t = make();
    const bad = await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, membership(A.userWithoutTeam.uuid, 'owner'));
    expect(bad.body).toEqual({ errors: ["'owner' is not one of ['admin']"] });
    expect((await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, { data: { type: 'team_memberships' } })).status).toBe(400);
    expect((await t.call('POST', '/api/v2/team/REPLACE.ME/memberships', membership(A.userWithoutTeam.uuid))).body).toEqual({
      errors: ['REPLACE.ME is not a valid UUID not found'],
    });
    const missing = '00000000-0000-4000-8000-0000000000dd';
    expect((await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, membership(missing))).body).toEqual({ errors: [`User ${missing} not found`] });
    expect((await t.call('GET', '/api/v2/team/REPLACE.ME/memberships')).status).toBe(404);
  });
});
