import { integrationPaths } from '../../../contract/api-paths';
import { INTEGRATION_CANARIES } from '../../testing/fixtures';
import { apiError } from '../../testing/test-app';
import { routeTable } from '../route-table';
import { integrationRoutes } from './integrations.handlers';
import { ACCOUNT_ID, ROLE, setupAdmin } from './integration-test-kit';

/** SECURITY 14: a responder cannot touch integrations (nor a viewer); every route, reads included. */
const CASES: [string, string, unknown][] = [
  ['GET', integrationPaths.overview, undefined],
  ['GET', integrationPaths.aws, undefined],
  ['POST', integrationPaths.aws, { accountId: ACCOUNT_ID, roleName: ROLE }],
  ['PUT', integrationPaths.awsAccount(ACCOUNT_ID, ROLE), { accountId: ACCOUNT_ID, roleName: ROLE }],
  ['DELETE', integrationPaths.awsAccount(ACCOUNT_ID, ROLE), undefined],
  ['GET', integrationPaths.slack, undefined],
  ['POST', integrationPaths.slackAccounts, { name: 'main' }],
  ['DELETE', integrationPaths.slackAccount('main'), undefined],
  ['POST', integrationPaths.slackChannels('main'), { name: 'alerts' }],
  ['PATCH', integrationPaths.slackChannel('main', 'alerts'), { display: { tags: false } }],
  ['DELETE', integrationPaths.slackChannel('main', 'alerts'), undefined],
  ['GET', integrationPaths.pagerduty, undefined],
  ['POST', integrationPaths.pagerduty, { name: 'db', serviceKey: INTEGRATION_CANARIES.pagerDutyKey }],
  ['PUT', integrationPaths.pagerdutyService('db'), { serviceKey: INTEGRATION_CANARIES.pagerDutyKeyRotated }],
  ['DELETE', integrationPaths.pagerdutyService('db'), undefined],
  ['GET', integrationPaths.webhooks, undefined],
  ['POST', integrationPaths.webhooks, { name: 'hook', url: 'https://a.example/h' }],
  ['PUT', integrationPaths.webhook('hook'), { encodeAs: 'form' }],
  ['DELETE', integrationPaths.webhook('hook'), undefined],
  ['POST', integrationPaths.webhookTest('hook'), undefined],
  ['POST', integrationPaths.customVariables, { name: 'TOKEN', value: INTEGRATION_CANARIES.secretVariable, isSecret: true }],
  ['PUT', integrationPaths.customVariable('TOKEN'), { value: INTEGRATION_CANARIES.secretVariable }],
  ['DELETE', integrationPaths.customVariable('TOKEN'), undefined],
];

describe('integration routes are admin-only', () => {
  it('has a case for every integration route, each with minRole admin', () => {
    const table = routeTable({ testControls: false }).filter((r) => integrationRoutes.includes(r));
    expect(table).toHaveLength(integrationRoutes.length);
    expect(new Set(integrationRoutes.map((r) => r.spec.minRole))).toEqual(new Set(['admin']));
    const covered = new Set(CASES.map(([m, p]) => `${m} ${p.split('/').length}`));
    for (const { spec } of integrationRoutes) expect(covered.has(`${spec.method.toUpperCase()} ${spec.path.split('/').length}`)).toBe(true);
    expect(CASES).toHaveLength(integrationRoutes.length);
  });

  const cells = CASES.flatMap(([method, path, body]) => (['viewer', 'responder'] as const).map((role) => [role, method, path, body] as const));

  it.each(cells)('a %s gets 403 for %s %s, and nothing goes upstream', async (role, method, path, body) => {
    const { callAs, fake, store } = setupAdmin({ config: { mode: 'embedded', upstream: null } });
    const answer = await callAs(role, method, path, body);
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(fake.requests).toHaveLength(0);
    if (method !== 'GET') {
      expect(store.audit.query({ limit: 5 })).toEqual([
        expect.objectContaining({ outcome: 'denied', status: 403, action: expect.stringMatching(/^integration\./) }),
      ]);
    }
  });
});
