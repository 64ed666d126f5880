import { NOW } from '../../testing/fixtures';
import { apiError, type TestCaller } from '../../testing/test-app';
import { downtimeId, HOUR, maintenanceSetup, plan } from './maintenance-test-kit';

/**
 * Who may do what (the policy matrix checks every route against the table; this checks the
 * table says what issue 7 asks): viewers read and preview, responders plan and change windows,
 * admins clean up. A refusal reaches no upstream at all.
 */
const ID = downtimeId(1);
const WRITES: [string, string, unknown][] = [
  ['POST', '/api/maintenance/windows', plan()],
  ['POST', `/api/maintenance/windows/${ID}/extend`, { minutes: 30 }],
  ['POST', `/api/maintenance/windows/${ID}/end`, undefined],
  ['PUT', `/api/maintenance/windows/${ID}/end-settings`, { endSettings: { notifyEndStates: [], notifyEndTypes: [], muteFirstRecovery: true } }],
  ['POST', `/api/maintenance/windows/${ID}/until-recovered`, undefined],
  ['POST', '/api/maintenance/cleanup', { windowIds: [ID] }],
];

describe('maintenance roles', () => {
  it.each(WRITES)('a viewer gets 403 for %s %s, and nothing goes upstream', async (method, path, body) => {
    const { callAs, fake } = maintenanceSetup();
    const answer = await callAs('viewer', method, path, body);
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(fake.requests).toHaveLength(0);
  });

  it('a responder gets 403 for the cleanup, and nothing goes upstream', async () => {
    const { callAs, fake } = maintenanceSetup();
    const answer = await callAs('responder', 'POST', '/api/maintenance/cleanup', { windowIds: [ID] });
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(fake.requests).toHaveLength(0);
  });

  it.each<[TestCaller, number]>([
    [null, 401],
    ['disabled', 401],
  ])('%s gets %i for every maintenance route', async (caller, status) => {
    const { callAs, fake } = maintenanceSetup();
    for (const [method, path, body] of [...WRITES, ['GET', '/api/maintenance/windows', undefined] as const, ['GET', '/api/maintenance/hygiene', undefined] as const]) {
      expect((await callAs(caller, method, path, body)).status).toBe(status);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('a viewer reads windows, a window, the hygiene report, and previews a plan', async () => {
    const { callAs, call } = maintenanceSetup();
    expect((await call('POST', '/api/maintenance/windows', plan())).status).toBe(201);
    const list = (await callAs('viewer', 'GET', '/api/maintenance/windows')).json as { windows: { id: string }[] };
    const id = list.windows[0]!.id;
    expect((await callAs('viewer', 'GET', `/api/maintenance/windows/${id}`)).status).toBe(200);
    expect((await callAs('viewer', 'GET', '/api/maintenance/hygiene')).status).toBe(200);
    expect((await callAs('viewer', 'POST', '/api/maintenance/preview', plan({ schedule: { kind: 'once', start: null, end: NOW + HOUR } }))).status).toBe(200);
  });
});
