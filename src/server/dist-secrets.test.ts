import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// SECURITY 5: the SPA build (every file, source maps included) holds no key
// and no admin password, even when they are in the environment of the build.
const canaries = {
  DD_API_KEY: 'canaryapikey0123456789abcdefabcd',
  DD_APP_KEY: 'canaryappkey0123456789abcdefabcdef012345',
  WATCHDECK_ADMIN_PASSWORD: 'canaryadminpassword0123456789',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the built SPA', () => {
  it('contains no key in any file, raw, base64 or URL-encoded', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'watchdeck-dist-'));
    try {
      const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
        encoding: 'utf8',
        timeout: 120_000,
        // eslint-disable-next-line no-restricted-properties -- the child build inherits PATH etc., plus the canaries
        env: { ...process.env, ...canaries, VITE_DD_API_KEY: canaries.DD_API_KEY },
      });
      expect(result.status, result.stderr).toBe(0);
      const built = files(outDir);
      expect(built.some((f) => f.endsWith('.js.map'))).toBe(true);
      for (const file of built) {
        const text = readFileSync(file, 'latin1');
        for (const key of Object.values(canaries)) {
          for (const form of [key, Buffer.from(key).toString('base64'), encodeURIComponent(key)]) {
            expect(text.includes(form), `${file} contains a key`).toBe(false);
          }
        }
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
