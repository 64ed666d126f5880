import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const A = DEMO_ANCHORS;
let t: TempSandbox;
beforeAll(() => {
  t = createTempSandbox();
});
afterAll(() => t.dispose());

describe('GET /api/v2/users', () => {
  it('lists users by name, 10 a page, with total counts', async () => {
    const r = await t.call('GET', '/api/v2/users');
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(10);
    expect(r.body.meta).toEqual({ page: { total_count: A.userCount, total_filtered_count: A.userCount } });
    expect(r.body.data[0]).toMatchObject({
      type: 'users',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      attributes: { name: 'Aisha Bello', handle: 'aisha.bello@acme-shop.example', email: 'aisha.bello@acme-shop.example', status: 'Active', disabled: false },
    });
    const names = r.body.data.map((u: Json) => u.attributes.name ?? u.attributes.handle);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const p1 = await t.call('GET', '/api/v2/users?page[number]=1');
    expect(p1.body.data).toHaveLength(A.userCount - 10);
    expect((await t.call('GET', '/api/v2/users?page[number]=5')).body.data).toEqual([]);
  });

  it('filters by text and status, sorts, and refuses bad parameters', async () => {
    const f = await t.call('GET', '/api/v2/users?filter=noor');
    expect(f.body.data.map((u: Json) => u.id)).toEqual([A.userWithoutTeam.uuid]);
    expect(f.body.meta.page).toEqual({ total_count: A.userCount, total_filtered_count: 1 });
    expect((await t.call('GET', '/api/v2/users?filter=ACME-SHOP&page[size]=100')).body.data).toHaveLength(A.userCount);
    expect((await t.call('GET', '/api/v2/users?filter[status]=Disabled')).body.data).toEqual([]);
    expect((await t.call('GET', '/api/v2/users?filter[status]=Active,Pending&page[size]=100')).body.data).toHaveLength(A.userCount);
    const desc = await t.call('GET', '/api/v2/users?sort=-name&page[size]=1');
    expect(desc.body.data[0].attributes.name).toBe('Tomasz Nowak');
    expect((await t.call('GET', '/api/v2/users?sort=age')).status).toBe(400);
    expect((await t.call('GET', '/api/v2/users?page[size]=0')).status).toBe(400);
  });

  it('gets one user by id; 404 otherwise', async () => {
    const r = await t.call('GET', `/api/v2/users/${A.apiKeyOwner.uuid}`);
    expect(r.body.data).toMatchObject({ id: A.apiKeyOwner.uuid, attributes: { name: A.apiKeyOwner.name }, relationships: { org: { data: { id: A.orgUuid } } } });
    expect((await t.call('GET', '/api/v2/users/00000000-0000-4000-8000-0000000000ff')).body).toEqual({ errors: ['User not found'] });
  });
});
