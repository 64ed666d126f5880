import { AppConfigSchema, HealthSchema } from '../../../contract/monitors';
import { expectNoSecrets, setup } from '../../testing/test-app';

describe('GET /api/healthz', () => {
  it('answers ok with the mode, without calling Datadog', async () => {
    const { call, fake } = setup();
    const answer = await call('GET', '/api/healthz');
    expect(answer.status).toBe(200);
    expect(HealthSchema.parse(answer.json)).toEqual({ status: 'ok', mode: 'pointed' });
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects query parameters it does not know', async () => {
    const { call } = setup();
    const answer = await call('GET', '/api/healthz?verbose=1');
    expect(answer.status).toBe(400);
    expect((answer.json as { error: { fields: object } }).error.fields).toEqual({ 'query.verbose': ['Unknown field'] });
  });
});

describe('GET /api/config', () => {
  it('answers the mode, site, refresh interval, auth mode and longest responder mute, and nothing secret', async () => {
    const { call, fake } = setup({ config: { mode: 'real', site: 'datadoghq.eu', refreshIntervalMs: 15000, maxMuteHours: 72 } });
    const answer = await call('GET', '/api/config');
    expect(answer.status).toBe(200);
    expect(AppConfigSchema.parse(answer.json)).toEqual({
      mode: 'real',
      site: 'datadoghq.eu',
      refreshIntervalMs: 15000,
      authMode: 'local',
      maxMuteHours: 72,
    });
    expect(Object.keys(answer.json as object).sort()).toEqual(['authMode', 'maxMuteHours', 'mode', 'refreshIntervalMs', 'site']);
    expect(answer.text).not.toContain('datadog.test');
    expectNoSecrets(answer);
    expect(fake.requests).toHaveLength(0);
  });
});
