import { describe, expect, it } from 'vitest';
import { parseSandboxEnv } from './env';

describe('parseSandboxEnv', () => {
  it('has defaults', () => {
    expect(parseSandboxEnv({})).toEqual({
      ok: true,
      env: {
        SANDBOX_PORT: 8126,
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_API_KEY: 'sandbox-api-key',
        SANDBOX_APP_KEY: 'sandbox-app-key',
        SANDBOX_ATLAS_PUBLIC_KEY: 'sandbox-atlas-public-key',
        SANDBOX_ATLAS_PRIVATE_KEY: 'sandbox-atlas-private-key',
        WATCHDECK_DATA_DIR: './data',
        SANDBOX_SEED: 'demo',
        // Issue 8: standalone, Datadog's rate limits are on by default.
        SANDBOX_RATE_LIMITS: { scale: 1 },
      },
    });
  });

  it('reads every variable', () => {
    const r = parseSandboxEnv({
      SANDBOX_PORT: '9000',
      SANDBOX_HOST: '0.0.0.0',
      SANDBOX_API_KEY: 'a',
      SANDBOX_APP_KEY: 'b',
      SANDBOX_ATLAS_PUBLIC_KEY: 'atlas-pub',
      SANDBOX_ATLAS_PRIVATE_KEY: 'atlas-priv',
      WATCHDECK_DATA_DIR: '/tmp/x',
      SANDBOX_SEED: 'empty',
      SANDBOX_SEED_MONITORS: '10000',
      SANDBOX_RATE_LIMITS: '0.5',
      UNRELATED: 'ignored',
    });
    expect(r).toEqual({
      ok: true,
      env: {
        SANDBOX_PORT: 9000,
        SANDBOX_HOST: '0.0.0.0',
        SANDBOX_API_KEY: 'a',
        SANDBOX_APP_KEY: 'b',
        SANDBOX_ATLAS_PUBLIC_KEY: 'atlas-pub',
        SANDBOX_ATLAS_PRIVATE_KEY: 'atlas-priv',
        WATCHDECK_DATA_DIR: '/tmp/x',
        SANDBOX_SEED: 'empty',
        SANDBOX_SEED_MONITORS: 10000,
        SANDBOX_RATE_LIMITS: { scale: 0.5 },
      },
    });
  });

  it('treats empty strings as unset', () => {
    const r = parseSandboxEnv({ SANDBOX_PORT: '', SANDBOX_SEED_MONITORS: '', SANDBOX_ATLAS_PRIVATE_KEY: '' });
    expect(r.ok && r.env.SANDBOX_PORT).toBe(8126);
    expect(r.ok && r.env.SANDBOX_ATLAS_PRIVATE_KEY).toBe('sandbox-atlas-private-key');
  });

  it('turns the rate limits off, on, or scales them', () => {
    const limits = (v: string) => {
      const r = parseSandboxEnv({ SANDBOX_RATE_LIMITS: v });
      return r.ok ? r.env.SANDBOX_RATE_LIMITS : r.problems;
    };
    expect(limits('off')).toBe(false);
    expect(limits('OFF')).toBe(false);
    expect(limits('on')).toEqual({ scale: 1 });
    expect(limits('10')).toEqual({ scale: 10 });
  });

  it.each([
    ['SANDBOX_RATE_LIMITS', '0'],
    ['SANDBOX_RATE_LIMITS', '-2'],
    ['SANDBOX_RATE_LIMITS', 'fast'],
    ['SANDBOX_PORT', 'abc'],
    ['SANDBOX_PORT', '70000'],
    ['SANDBOX_SEED', 'full'],
    ['SANDBOX_SEED_MONITORS', '0'],
    ['SANDBOX_SEED_MONITORS', '1.5'],
  ])('names the bad variable %s=%s', (name, value) => {
    const r = parseSandboxEnv({ [name]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toContain(name);
  });
});
