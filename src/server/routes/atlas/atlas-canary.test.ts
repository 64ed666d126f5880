import { integrationPaths } from '../../../contract/api-paths';
import { ATLAS_TYPES } from '../../../contract/atlas';
import {
  ATLAS_CANARY,
  ATLAS_INTEGRATION_CANARIES,
  ATLAS_SECRET_CANARIES,
  PROJECT_A,
  rotated,
  setupAtlas,
  validAtlasInput,
} from '../../testing/atlas-fixtures';
import type { Answer } from '../../testing/test-app';

/**
 * SECURITY 1, 4, 6, 34 for Atlas: the Atlas key pair and every integration
 * secret, run through every Atlas route and its failures (Atlas echoing our
 * key in a 4xx, a 5xx and a field; an Atlas that forgets to mask; a refused
 * key; a timeout; a rate limit), with the logger at debug. No form of any of
 * them appears in a response (body or header), a log line or an audit record.
 */
const forms = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  encodeURIComponent(secret).replace(/%20/g, '+'),
  JSON.stringify(secret).slice(1, -1),
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  Buffer.from(secret).toString('base64url'),
];
const KEY_FORMS = [ATLAS_CANARY.publicKey, ATLAS_CANARY.privateKey].flatMap(forms);
const SECRET_FORMS = ATLAS_INTEGRATION_CANARIES.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);

function scan(texts: { what: string; text: string }[], needles: string[]): void {
  for (const needle of needles) {
    for (const { what, text } of texts) expect(text.includes(needle), `${what} holds ${needle}`).toBe(false);
  }
}

const responseText = (a: Answer) => `${a.text}\n${[...a.res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')}`;

describe('Atlas canaries', () => {
  it('appear in no response, log line or audit record, whatever happens', async () => {
    const t = setupAtlas({ timeoutMs: 200 });
    const answers: Answer[] = [];
    const send = async (method: string, path: string, body?: unknown) => {
      const a = await t.call(method, path, body);
      answers.push(a);
      return a;
    };
    const one = (type: string) => integrationPaths.atlasIntegration(PROJECT_A, type);
    const echo = `key ${ATLAS_CANARY.publicKey}:${ATLAS_CANARY.privateKey} ${Buffer.from(ATLAS_CANARY.privateKey).toString('base64')}`;

    for (const type of ATLAS_TYPES) await send('POST', one(type), validAtlasInput(type));
    await send('GET', integrationPaths.atlasProjects);
    await send('GET', integrationPaths.atlasProject(PROJECT_A));
    for (const type of ATLAS_TYPES) {
      const rotation = Object.fromEntries(Object.entries(ATLAS_SECRET_CANARIES[type]).map(([f, v]) => [f, rotated(v)]));
      await send('PUT', one(type), rotation);
    }
    // Atlas forgetting to mask, and putting our key in a plain field.
    t.atlasFake.leakSecrets = true;
    t.atlasFake.setIntegration(PROJECT_A, 'SLACK', { ...validAtlasInput('SLACK'), teamName: ATLAS_CANARY.privateKey });
    await send('GET', integrationPaths.atlasProject(PROJECT_A));
    // Our key echoed in a 4xx detail, a 5xx body, a 409.
    t.atlasFake.failNext({ status: 400, body: { detail: echo, errorCode: 'INVALID_ATTRIBUTE' } });
    await send('PUT', one('PAGER_DUTY'), { serviceKey: ATLAS_SECRET_CANARIES.PAGER_DUTY.serviceKey });
    t.atlasFake.failNext({ status: 500, body: { detail: echo } });
    await send('DELETE', one('WEBHOOK'));
    t.atlasFake.failNext({ status: 409, body: { detail: echo } });
    await send('POST', one('DATADOG'), validAtlasInput('DATADOG'));
    // Removed, stalled, invalid input carrying secrets, and (last: it holds the bucket) rate limited.
    await send('DELETE', one('PROMETHEUS'));
    t.atlasFake.failNext({ status: 200, stall: true });
    await send('DELETE', one('SLACK'));
    await send('POST', one('WEBHOOK'), { url: ATLAS_SECRET_CANARIES.WEBHOOK.secret, secret: ATLAS_SECRET_CANARIES.WEBHOOK.secret });
    await send('PUT', one('WEBHOOK'), { secret: ATLAS_SECRET_CANARIES.WEBHOOK.secret, clear: ['secret'] });
    t.atlasFake.failNext({ status: 429 });
    await send('DELETE', one('SLACK'));

    // A BFF whose Atlas key is refused.
    const refused = setupAtlas({ clientKeys: { publicKey: ATLAS_CANARY.publicKey, privateKey: `${ATLAS_CANARY.privateKey}-old` } });
    for (const [method, path] of [
      ['GET', integrationPaths.atlasProjects],
      ['GET', integrationPaths.atlasProject(PROJECT_A)],
      ['DELETE', one('SLACK')],
    ] as const) {
      answers.push(await refused.call(method, path));
    }

    const statuses = new Set(answers.map((a) => a.status));
    for (const status of [200, 201, 204, 400, 409, 429, 502, 504]) expect(statuses.has(status), `saw ${status}`).toBe(true);
    const texts = [
      ...answers.map((a, i) => ({ what: `response ${i}`, text: responseText(a) })),
      { what: 'log', text: [...t.logs, ...refused.logs].join('\n') },
      { what: 'audit', text: JSON.stringify([...t.store.audit.query({ limit: 500 }), ...refused.store.audit.query({ limit: 500 })]) },
    ];
    expect(texts.find((x) => x.what === 'log')?.text).toContain('"msg":"audit"');
    // The echoes did reach the BFF, and were scrubbed on the way out.
    expect(answers.filter((a) => a.text.includes('[redacted]')).length).toBeGreaterThanOrEqual(2);
    scan(texts, KEY_FORMS);
    scan(texts, SECRET_FORMS);
  });
});
