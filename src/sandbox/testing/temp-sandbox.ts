import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../create-sandbox';

export const TEST_API_KEY = 'test-api-key';
export const TEST_APP_KEY = 'test-app-key';
/** A fixed "now" for tests: 2025-03-10T12:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 2, 10, 12, 0, 0);

/** Parsed JSON bodies in tests: loosely typed on purpose, tests assert on them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface CallResult<T = Json> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when it is not JSON, or null for an empty body. */
  body: T;
  text: string;
}

export interface TempSandbox {
  sandbox: Sandbox;
  dataDir: string;
  clock: { now: number; advance(ms: number): void };
  /** Calls the sandbox with valid keys (override with `headers`). */
  call<T = Json>(method: string, pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<CallResult<T>>;
  /** Closes the sandbox and removes its data directory. */
  dispose(): void;
}

/**
 * A test file's `make`: each sandbox it creates is disposed after the test
 * that made it. Call it at the file's top level (it registers an afterEach).
 * `tempOf` finds the TempSandbox in what `create` answers (an Atlas sandbox's `t`).
 */
export function disposedAfterEach<A extends unknown[], S>(
  create: (...args: A) => S,
  tempOf: (made: S) => TempSandbox = (made) => made as TempSandbox,
): (...args: A) => S {
  const open: TempSandbox[] = [];
  afterEach(() => {
    while (open.length) open.pop()!.dispose();
  });
  return (...args) => {
    const made = create(...args);
    open.push(tempOf(made));
    return made;
  };
}

export function makeTempDir(prefix = 'watchdeck-sandbox-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function createTempSandbox(over: Partial<SandboxOptions> = {}): TempSandbox {
  const dataDir = over.dataDir ?? makeTempDir();
  const clock = {
    now: TEST_NOW_MS,
    advance(ms: number) {
      this.now += ms;
    },
  };
  const sandbox = createSandbox({
    dataDir,
    seed: 'demo',
    apiKey: TEST_API_KEY,
    appKey: TEST_APP_KEY,
    now: () => clock.now,
    ...over,
  });
  return {
    sandbox,
    dataDir,
    clock,
    async call(method, pathAndQuery, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: {
          'DD-API-KEY': TEST_API_KEY,
          'DD-APPLICATION-KEY': TEST_APP_KEY,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await sandbox.fetch(new Request(`http://sandbox${pathAndQuery}`, init));
      const text = await res.text();
      let parsed: unknown = null;
      if (text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: res.status, headers: res.headers, body: parsed as Json, text };
    },
    dispose() {
      sandbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
