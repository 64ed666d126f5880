import { ConfigError, DATADOG_SITES, parseEnv } from './env';

function errorOf(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('parseEnv accepted the environment');
}

describe('parseEnv', () => {
  it('defaults to embedded mode with documented defaults', () => {
    expect(parseEnv({})).toEqual({
      mode: 'embedded',
      site: null,
      upstream: null,
      timeoutMs: 10000,
      dataDir: './data',
      port: 8080,
      host: '127.0.0.1',
      sandbox: { seed: 'demo', seedMonitors: null },
      refreshIntervalMs: 30000,
      testControls: false,
    });
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DD_API_KEY: '', DD_APP_KEY: ' ', PORT: '' }).mode).toBe('embedded');
  });

  it('reads embedded-mode sandbox settings and test controls', () => {
    const c = parseEnv({ SANDBOX_SEED: 'empty', SANDBOX_SEED_MONITORS: '250', WATCHDECK_TEST_CONTROLS: '1' });
    expect(c.sandbox).toEqual({ seed: 'empty', seedMonitors: 250 });
    expect(c.testControls).toBe(true);
  });

  it('is real mode with both keys, against api.<site>', () => {
    const c = parseEnv({ DD_API_KEY: 'a'.repeat(32), DD_APP_KEY: 'b'.repeat(40) });
    expect(c.mode).toBe('real');
    expect(c.site).toBe('datadoghq.com');
    expect(c.upstream).toEqual({ baseUrl: 'https://api.datadoghq.com', apiKey: 'a'.repeat(32), appKey: 'b'.repeat(40) });
  });

  it.each(DATADOG_SITES)('accepts the site %s', (site) => {
    const c = parseEnv({ DD_API_KEY: 'k', DD_APP_KEY: 'a', DD_SITE: site });
    expect(c.site).toBe(site);
    expect(c.upstream?.baseUrl).toBe(`https://api.${site}`);
  });

  it('is pointed mode when DD_API_URL is set; the URL wins over the site and loses its trailing slash', () => {
    const c = parseEnv({ DD_API_URL: 'http://127.0.0.1:8787/', DD_API_KEY: 'k', DD_APP_KEY: 'a', DD_SITE: 'datadoghq.eu' });
    expect(c.mode).toBe('pointed');
    expect(c.site).toBeNull();
    expect(c.upstream).toEqual({ baseUrl: 'http://127.0.0.1:8787', apiKey: 'k', appKey: 'a' });
  });

  it('allows pointed mode without keys', () => {
    expect(parseEnv({ DD_API_URL: 'https://dd.example.com' }).upstream).toEqual({
      baseUrl: 'https://dd.example.com',
      apiKey: '',
      appKey: '',
    });
  });

  it('reads numbers', () => {
    const c = parseEnv({ PORT: '9000', DD_TIMEOUT_MS: '2500', WATCHDECK_REFRESH_MS: '5000', HOST: '0.0.0.0' });
    expect([c.port, c.timeoutMs, c.refreshIntervalMs, c.host]).toEqual([9000, 2500, 5000, '0.0.0.0']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DD_TIMEOUT_MS: '0' }, 'DD_TIMEOUT_MS'],
    [{ DD_TIMEOUT_MS: '1.5' }, 'DD_TIMEOUT_MS'],
    [{ DD_SITE: 'datadoghq.org' }, 'DD_SITE'],
    [{ DD_API_URL: 'ftp://example.com' }, 'DD_API_URL'],
    [{ DD_API_URL: 'not a url' }, 'DD_API_URL'],
    [{ DD_API_URL: 'https://user:pw@example.com' }, 'DD_API_URL'],
    [{ DD_API_URL: 'https://example.com/?x=1' }, 'DD_API_URL'],
    [{ DD_API_KEY: 'k' }, 'DD_APP_KEY'],
    [{ DD_APP_KEY: 'a' }, 'DD_API_KEY'],
    [{ SANDBOX_SEED: 'full' }, 'SANDBOX_SEED'],
    [{ SANDBOX_SEED_MONITORS: '0' }, 'SANDBOX_SEED_MONITORS'],
    [{ SANDBOX_SEED_MONITORS: 'many' }, 'SANDBOX_SEED_MONITORS'],
    [{ WATCHDECK_REFRESH_MS: '10' }, 'WATCHDECK_REFRESH_MS'],
    [{ WATCHDECK_TEST_CONTROLS: 'yes' }, 'WATCHDECK_TEST_CONTROLS'],
    [{ WATCHDECK_TEST_CONTROLS: '1', DD_API_KEY: 'k', DD_APP_KEY: 'a' }, 'WATCHDECK_TEST_CONTROLS'],
    [{ HOST: 'bad host' }, 'HOST'],
  ])('names the bad variable: %j', (source, variable) => {
    const err = errorOf(source);
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('never puts a key value in its error message', () => {
    const err = errorOf({ DD_API_KEY: 'secret-api-key-value', DD_SITE: 'nope' });
    expect(err.message).not.toContain('secret-api-key-value');
  });
});
