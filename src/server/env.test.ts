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
      atlas: null,
      timeoutMs: 10000,
      dataDir: './data',
      port: 8080,
      host: '127.0.0.1',
      sandbox: { seed: 'demo', seedMonitors: null },
      refreshIntervalMs: 30000,
      testControls: false,
      auth: {
        mode: 'local',
        adminPassword: null,
        sessionIdleMs: 3_600_000,
        sessionMaxMs: 43_200_000,
        trustedProxies: [],
        proxyRoles: [],
      },
      maxMuteHours: 168,
      userMutationsPerMinute: 600,
      logLevel: 'info',
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

  it('reads the auth, session, mute, rate and log settings', () => {
    const c = parseEnv({
      WATCHDECK_AUTH: 'proxy',
      WATCHDECK_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8',
      WATCHDECK_PROXY_ROLES: 'sre-admins=admin,oncall=responder,*=viewer',
      WATCHDECK_SESSION_IDLE_MINUTES: '30',
      WATCHDECK_SESSION_MAX_HOURS: '8',
      WATCHDECK_MAX_MUTE_HOURS: '24',
      WATCHDECK_USER_MUTATIONS_PER_MINUTE: '60',
      WATCHDECK_LOG_LEVEL: 'debug',
    });
    expect(c.auth).toEqual({
      mode: 'proxy',
      adminPassword: null,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 8 * 3_600_000,
      trustedProxies: ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8'],
      proxyRoles: [
        { group: 'sre-admins', role: 'admin' },
        { group: 'oncall', role: 'responder' },
        { group: '*', role: 'viewer' },
      ],
    });
    expect([c.maxMuteHours, c.userMutationsPerMinute, c.logLevel]).toEqual([24, 60, 'debug']);
  });

  it('keeps the admin password exactly as given', () => {
    expect(parseEnv({ WATCHDECK_ADMIN_PASSWORD: ' spaced password ' }).auth.adminPassword).toBe(' spaced password ');
  });

  it.each([
    [{ WATCHDECK_AUTH: 'oauth' }, 'WATCHDECK_AUTH'],
    [{ WATCHDECK_ADMIN_PASSWORD: 'short-11chr' }, 'WATCHDECK_ADMIN_PASSWORD'],
    [{ WATCHDECK_SESSION_IDLE_MINUTES: '0' }, 'WATCHDECK_SESSION_IDLE_MINUTES'],
    [{ WATCHDECK_SESSION_MAX_HOURS: '1', WATCHDECK_SESSION_IDLE_MINUTES: '61' }, 'WATCHDECK_SESSION_IDLE_MINUTES'],
    [{ WATCHDECK_SESSION_MAX_HOURS: 'x' }, 'WATCHDECK_SESSION_MAX_HOURS'],
    [{ WATCHDECK_AUTH: 'proxy', WATCHDECK_PROXY_ROLES: '*=viewer' }, 'WATCHDECK_TRUSTED_PROXIES'],
    [{ WATCHDECK_AUTH: 'proxy', WATCHDECK_TRUSTED_PROXIES: '10.0.0.1' }, 'WATCHDECK_PROXY_ROLES'],
    [{ WATCHDECK_TRUSTED_PROXIES: 'proxy.example.com' }, 'WATCHDECK_TRUSTED_PROXIES'],
    [{ WATCHDECK_TRUSTED_PROXIES: '10.0.0.0/33' }, 'WATCHDECK_TRUSTED_PROXIES'],
    [{ WATCHDECK_TRUSTED_PROXIES: 'fd00::/129' }, 'WATCHDECK_TRUSTED_PROXIES'],
    [{ WATCHDECK_TRUSTED_PROXIES: '10.0.0.1/8/8' }, 'WATCHDECK_TRUSTED_PROXIES'],
    [{ WATCHDECK_TRUSTED_PROXIES: ' , ' }, 'WATCHDECK_TRUSTED_PROXIES'],
    [{ WATCHDECK_PROXY_ROLES: 'oncall=root' }, 'WATCHDECK_PROXY_ROLES'],
    [{ WATCHDECK_PROXY_ROLES: 'oncall' }, 'WATCHDECK_PROXY_ROLES'],
    [{ WATCHDECK_PROXY_ROLES: 'on call=viewer' }, 'WATCHDECK_PROXY_ROLES'],
    [{ WATCHDECK_MAX_MUTE_HOURS: '0' }, 'WATCHDECK_MAX_MUTE_HOURS'],
    [{ WATCHDECK_USER_MUTATIONS_PER_MINUTE: '-5' }, 'WATCHDECK_USER_MUTATIONS_PER_MINUTE'],
    [{ WATCHDECK_LOG_LEVEL: 'trace' }, 'WATCHDECK_LOG_LEVEL'],
  ])('names the bad auth variable: %j', (source, variable) => {
    const err = errorOf(source);
    expect(err.variable).toBe(variable);
  });

  it('never puts the admin password in its error message', () => {
    expect(errorOf({ WATCHDECK_ADMIN_PASSWORD: 'canary-pw' }).message).not.toContain('canary-pw');
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

  describe('Atlas', () => {
    const REAL = { DD_API_KEY: 'k', DD_APP_KEY: 'a' };
    const KEYS = { ATLAS_PUBLIC_KEY: 'abcdefgh', ATLAS_PRIVATE_KEY: '3c9d0e6a-1b2f-4a5e-9c8d-7f6e5d4c3b2a' };

    it('is off in real mode without Atlas keys, and in embedded mode (index.ts runs its own)', () => {
      expect(parseEnv(REAL).atlas).toBeNull();
      expect(parseEnv({ DD_API_URL: 'http://127.0.0.1:8787' }).atlas).toBeNull();
      expect(parseEnv({}).atlas).toBeNull();
    });

    it('talks to cloud.mongodb.com in real mode with both keys', () => {
      expect(parseEnv({ ...REAL, ...KEYS }).atlas).toEqual({
        baseUrl: 'https://cloud.mongodb.com',
        publicKey: 'abcdefgh',
        privateKey: KEYS.ATLAS_PRIVATE_KEY,
      });
    });

    it('follows DD_API_URL in pointed mode (the standalone sandbox serves Atlas on the same port)', () => {
      expect(parseEnv({ DD_API_URL: 'http://127.0.0.1:8787/', ...KEYS }).atlas?.baseUrl).toBe('http://127.0.0.1:8787');
    });

    it('lets ATLAS_API_URL win in real and pointed mode, without its trailing slash', () => {
      expect(parseEnv({ ...REAL, ...KEYS, ATLAS_API_URL: 'https://atlas.example.com/' }).atlas?.baseUrl).toBe('https://atlas.example.com');
      expect(parseEnv({ DD_API_URL: 'http://127.0.0.1:8787', ...KEYS, ATLAS_API_URL: 'http://127.0.0.1:9999' }).atlas?.baseUrl).toBe(
        'http://127.0.0.1:9999',
      );
    });

    it('treats blank Atlas values as unset', () => {
      expect(parseEnv({ ...REAL, ATLAS_PUBLIC_KEY: ' ', ATLAS_PRIVATE_KEY: '', ATLAS_API_URL: '' }).atlas).toBeNull();
    });

    it.each([
      [{ ...REAL, ATLAS_PUBLIC_KEY: 'abcdefgh' }, 'ATLAS_PRIVATE_KEY', 'is required when ATLAS_PUBLIC_KEY is set'],
      [{ ...REAL, ATLAS_PRIVATE_KEY: 'p' }, 'ATLAS_PUBLIC_KEY', 'is required when ATLAS_PRIVATE_KEY is set'],
      [{ ATLAS_PRIVATE_KEY: 'p' }, 'ATLAS_PUBLIC_KEY', 'is required when ATLAS_PRIVATE_KEY is set'],
      [{ ...REAL, ATLAS_API_URL: 'https://atlas.example.com' }, 'ATLAS_PUBLIC_KEY', 'is required when ATLAS_API_URL is set'],
      [{ ...REAL, ...KEYS, ATLAS_API_URL: 'ftp://atlas.example.com' }, 'ATLAS_API_URL', 'must be an http:// or https:// URL'],
      [{ ...REAL, ...KEYS, ATLAS_API_URL: 'https://u:p@atlas.example.com' }, 'ATLAS_API_URL', 'no credentials'],
      [{ ...REAL, ...KEYS, ATLAS_API_URL: 'not a url' }, 'ATLAS_API_URL', 'http'],
      [KEYS, 'ATLAS_PUBLIC_KEY', 'embedded mode'],
      [{ ATLAS_API_URL: 'http://127.0.0.1:9999' }, 'ATLAS_API_URL', 'embedded mode'],
    ])('names the bad Atlas variable: %j', (source, variable, why) => {
      const err = errorOf(source);
      expect(err.variable).toBe(variable);
      expect(err.message).toContain(why);
    });

    it('never puts an Atlas key in its error message', () => {
      const err = errorOf({ ...REAL, ATLAS_PRIVATE_KEY: 'canary-atlas-private', ATLAS_API_URL: 'nope' });
      expect(err.message).not.toContain('canary-atlas-private');
      expect(errorOf({ ATLAS_PUBLIC_KEY: 'canary-atlas-public' }).message).not.toContain('canary-atlas-public');
    });
  });
});
