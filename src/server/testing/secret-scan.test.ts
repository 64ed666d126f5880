import { integrationPaths } from '../../contract/api-paths';
import { maskSecret } from '../../contract/secrets';
import { ATLAS_CANARY, ATLAS_INTEGRATION_CANARIES } from './atlas-fixtures';
import { INTEGRATION_CANARIES } from './fixtures';
import { recordedCount, type RecordedResponse } from './response-recorder';
import { findLeaks, leakForms, storedSecretCanaries } from './secret-scan';
import { CANARY, setup } from './test-app';

const KEY = INTEGRATION_CANARIES.pagerDutyKey;
const response = (body: string, headers = ''): RecordedResponse => ({ label: 'GET /x -> 200', body, headers });

describe('the whole-suite secret scan', () => {
  it('looks for every stored canary: PagerDuty keys, secret variables, sensitive webhook headers, Atlas keys and secrets, Datadog keys', async () => {
    const canaries = await storedSecretCanaries();
    expect(canaries).toEqual(
      expect.arrayContaining([
        INTEGRATION_CANARIES.pagerDutyKey,
        INTEGRATION_CANARIES.pagerDutyKeyRotated,
        INTEGRATION_CANARIES.secretVariable,
        INTEGRATION_CANARIES.webhookAuthorization,
        INTEGRATION_CANARIES.webhookAuthorizationRotated,
        INTEGRATION_CANARIES.webhookApiKey,
        ATLAS_CANARY.publicKey,
        ATLAS_CANARY.privateKey,
        ...ATLAS_INTEGRATION_CANARIES,
        CANARY.apiKey,
        CANARY.appKey,
      ]),
    );
  });

  it('uses canaries whose raw, URL-encoded, base64 and base64url forms all differ', () => {
    for (const secret of Object.values(INTEGRATION_CANARIES)) {
      const forms = leakForms(secret);
      expect(new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), JSON.stringify(secret).slice(1, -1)]).size).toBe(5);
      expect(forms.length).toBeGreaterThanOrEqual(6);
    }
  });

  it.each([
    ['raw', KEY],
    ['URL-encoded', encodeURIComponent(KEY)],
    ['form-encoded', encodeURIComponent(KEY).replace(/%20/g, '+')],
    ['base64', Buffer.from(KEY).toString('base64')],
    ['unpadded base64', Buffer.from(KEY).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(KEY).toString('base64url')],
    ['JSON-escaped', JSON.stringify({ key: KEY })],
  ])('finds a %s key in a body', (_name, leaked) => {
    expect(findLeaks([response(`answer: ${leaked}`)], [KEY])).toHaveLength(1);
  });

  it('finds a key in a header, and names the request', () => {
    expect(findLeaks([response('{}', `x-debug: ${Buffer.from(KEY).toString('base64url')}`)], [KEY])).toEqual([
      'GET /x -> 200: the headers hold a form of the canary "pd-can"…',
    ]);
  });

  it('lets the mask through', () => {
    expect(findLeaks([response(JSON.stringify({ serviceKey: maskSecret(KEY) }))], [KEY])).toEqual([]);
  });

  it('records every answer the test app helpers produce', async () => {
    const { call } = setup({ as: 'admin' });
    const before = recordedCount();
    await call('GET', integrationPaths.overview);
    await call('GET', '/api/healthz');
    expect(recordedCount()).toBe(before + 2);
  });
});
