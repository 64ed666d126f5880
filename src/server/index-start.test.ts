import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real entry point on 127.0.0.1 with a fresh data dir: the first start
 * creates `admin` with a generated password printed once on stderr with the
 * URL (never in the log); the next start prints nothing; WATCHDECK_ADMIN_PASSWORD
 * then takes over at the following start.
 */
const UNSET = ['DD_API_KEY', 'DD_APP_KEY', 'DD_API_URL', 'DD_SITE', 'ATLAS_PUBLIC_KEY', 'ATLAS_PRIVATE_KEY', 'ATLAS_API_URL', 'WATCHDECK_ADMIN_PASSWORD', 'WATCHDECK_AUTH', 'WATCHDECK_TEST_CONTROLS', 'PORT', 'HOST'];
const ENV_PASSWORD = 'canary-env-admin-password-42';

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

function start(dataDir: string, extra: string[] = []): Promise<Started> {
  const args = [...UNSET.flatMap((v) => ['-u', v]), `WATCHDECK_DATA_DIR=${dataDir}`, 'PORT=0', 'HOST=127.0.0.1', ...extra, 'node_modules/.bin/tsx', 'src/server/index.ts'];
  const child = spawn('env', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${err}`)), 45_000);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:[0-9]+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        // Give stderr a moment: the password line is written right after the log line.
        setTimeout(() => resolve({ child, url: m[1] as string, stdout: () => out, stderr: () => err }), 200);
      }
    });
  });
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.on('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

async function login(url: string, password: string): Promise<number> {
  const res = await fetch(`${url}api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF': '1' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return res.status;
}

describe('index.ts first start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the admin password once, prints it with the URL on stderr only; the environment wins later', async () => {
    const first = await start(dir);
    const printed = /Sign in at (http:\/\/\S+) as "admin" with the password (\S+)/.exec(first.stderr());
    expect(printed?.[1]).toBe(first.url);
    const password = printed?.[2] as string;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.stdout()).not.toContain(password);
    expect(await login(first.url, password)).toBe(200);
    expect(first.stdout()).not.toContain(password);
    await stop(first);
    expect(existsSync(path.join(dir, 'watchdeck.sqlite'))).toBe(true);
    expect(existsSync(path.join(dir, 'sandbox.sqlite'))).toBe(true);

    const second = await start(dir);
    expect(second.stderr()).not.toContain('password');
    expect(await login(second.url, password)).toBe(200);
    await stop(second);

    const third = await start(dir, [`WATCHDECK_ADMIN_PASSWORD=${ENV_PASSWORD}`]);
    expect(third.stderr()).not.toContain('password');
    expect(await login(third.url, password)).toBe(401);
    expect(await login(third.url, ENV_PASSWORD)).toBe(200);
    expect(third.stdout()).not.toContain(ENV_PASSWORD);
    await stop(third);
  }, 120_000);
});
