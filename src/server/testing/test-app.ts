import { expect } from 'vitest';
import type { Role } from '../../contract/auth';
import { createApp } from '../app';
import type { ClientAddress } from '../auth/client-address';
import { createPasswordHasher, TEST_COST } from '../auth/password';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { Sessions } from '../auth/sessions';
import type { AuthConfig, ServerConfig } from '../env';
import type { TestControls } from '../lib/deps';
import { createLogger } from '../lib/logger';
import { openStore, type BffStore } from '../store/open-store';
import type { AtlasClient } from '../upstreams/atlas/client';
import { createDatadogClient } from '../upstreams/datadog/client';
import { FakeUpstream } from './fake-upstream';
import { NOW } from './fixtures';
import { recordResponse } from './response-recorder';

/** Canary keys: odd characters so their raw, base64 and URL-encoded forms all differ. */
export const CANARY = {
  apiKey: 'canary+api/KEY=0123456789abcdef',
  appKey: 'canary app&key?fedcba9876543210fedcba98',
};

/** Keys raw, URL-encoded, base64 and base64url: what a leak test looks for. */
export const keyForms = (keys: readonly string[]): string[] =>
  keys.flatMap((k) => [k, encodeURIComponent(k), Buffer.from(k).toString('base64'), Buffer.from(k).toString('base64url')]);

export const secretForms = (): string[] => keyForms([CANARY.apiKey, CANARY.appKey]);

export const TEST_AUTH: AuthConfig = {
  mode: 'local',
  adminPassword: null,
  sessionIdleMs: 60 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
  trustedProxies: [],
  proxyRoles: [],
};

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    mode: 'pointed',
    site: null,
    upstream: { baseUrl: 'http://datadog.test', ...CANARY },
    atlas: null,
    timeoutMs: 2000,
    dataDir: './data',
    port: 0,
    host: '127.0.0.1',
    sandbox: { seed: 'demo', seedMonitors: null },
    refreshIntervalMs: 30000,
    testControls: false,
    auth: TEST_AUTH,
    maxMuteHours: 168,
    userMutationsPerMinute: 600,
    logLevel: 'debug',
    ...overrides,
  };
}

/** One signed-in user per role, plus one that is disabled after signing in. */
export const TEST_USERS = {
  viewer: 'test-viewer',
  responder: 'test-responder',
  admin: 'test-admin',
  disabled: 'test-disabled',
} as const;
export type TestCaller = Role | 'disabled' | null;

/** Cheap but real scrypt, for tests. */
export const testPasswords = createPasswordHasher(TEST_COST);

/** Adds a user who signs in by password (cheap scrypt). */
export async function addUser(store: BffStore, username: string, role: Role, password: string, createdAt = NOW): Promise<void> {
  store.users.create({ username, role, passwordHash: await testPasswords.hash(password), createdAt });
}

/** The session cookie (name=value) a response sets, or null. */
export function sessionCookieOf(res: Response): string | null {
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return set ? (set.split(';')[0] as string) : null;
}

/** Signs an existing user in without a password (a session straight in the store); returns the Cookie header. */
export function signInDirectly(store: BffStore, username: string, config: ServerConfig = testConfig(), now: () => number = () => NOW): string {
  const sessions = new Sessions({ store, idleMs: config.auth.sessionIdleMs, maxMs: config.auth.sessionMaxMs, now });
  return `${SESSION_COOKIE}=${sessions.create(username).id}`;
}

/** Adds users for every role to a store and signs each in; returns a Cookie header per caller. */
export function seedSessions(store: BffStore, config: ServerConfig, now: () => number): Record<Role | 'disabled', string> {
  const cookies = {} as Record<Role | 'disabled', string>;
  for (const [role, username] of Object.entries(TEST_USERS) as [Role | 'disabled', string][]) {
    // An unusable hash: these users are signed in directly, never by password.
    store.users.create({ username, role: role === 'disabled' ? 'admin' : role, passwordHash: 'none', createdAt: now() });
    cookies[role] = signInDirectly(store, username, config, now);
  }
  store.users.update(TEST_USERS.disabled, { disabled: true });
  return cookies;
}

export interface SetupOptions {
  now?: () => number;
  timeoutMs?: number;
  retries?: number;
  retryBaseMs?: number;
  config?: Partial<ServerConfig>;
  /** Test controls; `idle` and `setSlackWorkspaces` default to ones that resolve at once. */
  testControls?: (Omit<TestControls, 'idle' | 'setSlackWorkspaces'> & Partial<Pick<TestControls, 'idle' | 'setSlackWorkspaces'>>) | null;
  staticDir?: string | null;
  /** Who `call` acts as (default: a responder); null = no session. */
  as?: TestCaller;
  clientAddress?: ClientAddress;
  /** An Atlas client (e.g. over testing/fake-atlas.ts); absent = Atlas not configured. */
  atlas?: AtlasClient | null;
}

export interface Answer {
  res: Response;
  status: number;
  text: string;
  json: unknown;
}

export function setup(options: SetupOptions = {}) {
  const fake = new FakeUpstream();
  const logs: string[] = [];
  const now = options.now ?? (() => NOW);
  const datadog = createDatadogClient({
    baseUrl: 'http://datadog.test',
    ...CANARY,
    fetch: fake.fetch,
    timeoutMs: options.timeoutMs ?? 2000,
    retries: options.retries ?? 0,
    retryBaseMs: options.retryBaseMs ?? 5,
    now,
  });
  const atlas = options.atlas ?? null;
  const redact = atlas ? (text: string) => atlas.redact(datadog.redact(text)) : datadog.redact;
  const logger = createLogger({ redact, level: 'debug', write: (line) => logs.push(line), now });
  const config = testConfig(options.config);
  const store = openStore(':memory:');
  const cookies = seedSessions(store, config, now);
  const app = createApp({
    config,
    datadog,
    atlas,
    now,
    logger,
    staticDir: options.staticDir ?? null,
    testControls: options.testControls ? { idle: async () => {}, setSlackWorkspaces: async () => {}, ...options.testControls } : null,
    store,
    passwords: testPasswords,
    clientAddress: options.clientAddress ?? (() => '192.0.2.1'),
  });
  const defaultCaller: TestCaller = options.as === undefined ? 'responder' : options.as;

  /** Calls the app as `caller`, like the SPA does: JSON body, X-CSRF on every request, the session cookie. */
  async function callAs(
    caller: TestCaller,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const init: RequestInit = {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        'X-CSRF': '1',
        ...(caller !== null ? { Cookie: cookies[caller] } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const res = await app.request(path, init);
    const text = await res.text();
    // Recorded for the whole-suite secret scan (secret-scan.ts), which checks every answer after each file.
    recordResponse(`${method} ${path}`, res, text);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (an SPA file, a plain 404): leave json undefined.
    }
    return { res, status: res.status, text, json };
  }

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    callAs(defaultCaller, method, path, body, headers);

  return { app, fake, logs, call, callAs, datadog, store, cookies, config };
}

/** No form of either key in the body or any header of this answer. */
export function expectNoSecrets(answer: Answer): void {
  const headerText = [...answer.res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  for (const form of secretForms()) {
    expect(answer.text).not.toContain(form);
    expect(headerText).not.toContain(form);
  }
}

/** The ApiError body's error object (asserts the shape). */
export function apiError(answer: Answer): {
  code: string;
  message: string;
  requestId: string;
  fields?: Record<string, string[]>;
  retryAfter?: number;
  upstream?: string[];
} {
  const body = answer.json as { error?: never };
  expect(body?.error).toBeDefined();
  return body.error as never;
}
