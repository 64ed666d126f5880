import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './testing/temp-sandbox';

/**
 * The standalone server (src/sandbox/main.ts) as a child process: a write
 * acknowledged with 200 survives kill -9, and a restart does not reseed.
 */
const MAIN = path.resolve(process.cwd(), 'src/sandbox/main.ts');
const KEYS = { 'DD-API-KEY': 'durable-api', 'DD-APPLICATION-KEY': 'durable-app', 'content-type': 'application/json' };

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: process.cwd(),
    // A clean environment on purpose: only what the sandbox reads.
    env: {
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_API_KEY: KEYS['DD-API-KEY'],
      SANDBOX_APP_KEY: KEYS['DD-APPLICATION-KEY'],
      WATCHDECK_DATA_DIR: dataDir,
      SANDBOX_SEED: 'demo',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${output}`));
    });
  });
  return child;
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('standalone sandbox durability', () => {
  it('keeps acknowledged writes through kill -9, and does not reseed on restart', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;

    let child = await start(dataDir, port);
    const del = await fetch(`${base}/api/v1/monitor/1000001?force=true`, { method: 'DELETE', headers: KEYS });
    expect(del.status).toBe(200);
    const mon = await fetch(`${base}/api/v1/monitor`, {
      method: 'POST',
      headers: KEYS,
      body: JSON.stringify({ name: 'durable monitor', type: 'metric alert', query: 'avg(last_5m):avg:system.load.1{*} > 4' }),
    });
    expect(mon.status).toBe(200);
    const monitorId = ((await mon.json()) as { id: number }).id;
    const dt = await fetch(`${base}/api/v2/downtime`, {
      method: 'POST',
      headers: KEYS,
      body: JSON.stringify({
        data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: monitorId }, scope: '*', message: 'durable' } },
      }),
    });
    expect(dt.status).toBe(200);
    const downtimeId = ((await dt.json()) as { data: { id: string } }).data.id;
    // Right after the 200: no graceful shutdown, no checkpoint.
    await killHard(child);

    child = await start(dataDir, port);
    const gotMonitor = await fetch(`${base}/api/v1/monitor/${monitorId}`, { headers: KEYS });
    expect(gotMonitor.status).toBe(200);
    expect(((await gotMonitor.json()) as { name: string }).name).toBe('durable monitor');
    const gotDowntime = await fetch(`${base}/api/v2/downtime/${downtimeId}`, { headers: KEYS });
    expect(gotDowntime.status).toBe(200);
    expect(((await gotDowntime.json()) as { data: { attributes: { message: string } } }).data.attributes.message).toBe('durable');
    // Seeded once: the deleted demo monitor did not come back.
    expect((await fetch(`${base}/api/v1/monitor/1000001`, { headers: KEYS })).status).toBe(404);
    // Auth is on for the standalone server too.
    expect((await fetch(`${base}/api/v1/monitor`)).status).toBe(403);
    await killHard(child);
  }, 60_000);

  it('exits 1 naming the variable when the environment is invalid', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: process.cwd(),
      env: { SANDBOX_PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('SANDBOX_PORT');
  }, 30_000);
});
