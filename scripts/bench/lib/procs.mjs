import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Child processes for the bench: each one runs in its own process group with
 * its output in a log file, and every one is killed at the end, also when a
 * step fails or the bench is interrupted.
 */

const children = new Set();

/** Resolves true when `port` can be bound on 127.0.0.1 right now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first free port from `from` up to 18999 (the bench keeps to 18xxx), skipping `taken`. */
export async function pickPort(from, taken = []) {
  for (let port = from; port <= 18999; port++) {
    if (taken.includes(port)) continue;
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port on 127.0.0.1 between ${from} and 18999`);
}

/**
 * Starts `command args` detached (its own process group, so a kill reaches
 * everything it starts), stdout and stderr into `logFile`.
 */
export function startChild(name, command, args, { cwd, env, logFile }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const entry = { name, child, logFile, exited: null };
  child.once('exit', (code, signal) => {
    entry.exited = { code, signal };
  });
  children.add(entry);
  return entry;
}

/** The last `lines` lines of a child's log, for error messages. */
export function logTail(entry, lines = 20) {
  try {
    return readFileSync(entry.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Polls `probe()` (true = ready) until it succeeds, the child exits, or
 * `timeoutMs` passes; throws with the child's log tail on failure.
 */
export async function waitUntilReady(entry, probe, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.exited) {
      throw new Error(`${entry.name} exited (${JSON.stringify(entry.exited)}) before it was ready:\n${logTail(entry)}`);
    }
    try {
      if (await probe()) return;
    } catch {
      // Not listening yet.
    }
    await sleep(intervalMs);
  }
  throw new Error(`${entry.name} was not ready within ${timeoutMs} ms:\n${logTail(entry)}`);
}

function signalGroup(entry, signal) {
  try {
    process.kill(-entry.child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the child's process group, SIGKILL after `graceMs` if it is still there. */
export async function stopChild(entry, graceMs = 3000) {
  if (!children.has(entry)) return;
  children.delete(entry);
  if (entry.exited) return;
  const gone = new Promise((resolve) => entry.child.once('exit', resolve));
  signalGroup(entry, 'SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout');
  if ((await Promise.race([gone, timer])) === 'timeout') {
    signalGroup(entry, 'SIGKILL');
    await Promise.race([gone, sleep(1000)]);
  }
}

export async function stopAll() {
  await Promise.all([...children].map((entry) => stopChild(entry)));
}

/** Last resort on a synchronous exit path: SIGKILL every group still running. */
export function killAllNow() {
  for (const entry of children) signalGroup(entry, 'SIGKILL');
  children.clear();
}

/** Resident set size of a process in bytes (VmRSS from /proc), or null when it cannot be read. */
export function rssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
