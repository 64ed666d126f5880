import { spawnSync } from 'node:child_process';

// Starts the real entry point with a bad PORT: it must stop before listening, exit 1 and name PORT.
describe('index.ts with an invalid environment', () => {
  it('exits 1 with a message naming the variable', () => {
    const result = spawnSync(
      'env',
      ['-u', 'DD_API_KEY', '-u', 'DD_APP_KEY', '-u', 'DD_API_URL', '-u', 'DD_SITE', 'PORT=abc', 'npx', 'tsx', 'src/server/index.ts'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/watchdeck: invalid configuration: PORT: /);
  }, 60_000);
});
