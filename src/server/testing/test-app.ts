import { expect } from 'vitest';
import { createApp } from '../app';
import type { ServerConfig } from '../env';
import type { TestControls } from '../lib/deps';
import { createLogger } from '../lib/logger';
import { createDatadogClient } from '../upstreams/datadog/client';
import { FakeUpstream } from './fake-upstream';
import { NOW } from './fixtures';

/** Canary keys: odd characters so their raw, base64 and URL-encoded forms all differ. */
export const CANARY = {
  apiKey: 'canary+api/KEY=0123456789abcdef',
  appKey: 'canary app&key?fedcba9876543210fedcba98',
};

export function secretForms(): string[] {
  return [CANARY.apiKey, CANARY.appKey].flatMap((k) => [
    k,
    encodeURIComponent(k),
    Buffer.from(k).toString('base64'),
    Buffer.from(k).toString('base64url'),
  ]);
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    mode: 'pointed',
    site: null,
    upstream: { baseUrl: 'http://datadog.test', ...CANARY },
    timeoutMs: 2000,
    dataDir: './data',
    port: 0,
    host: '127.0.0.1',
    sandbox: { seed: 'demo', seedMonitors: null },
    refreshIntervalMs: 30000,
    testControls: false,
    ...overrides,
  };
}

export interface SetupOptions {
  now?: () => number;
  timeoutMs?: number;
  retries?: number;
  config?: Partial<ServerConfig>;
  testControls?: TestControls | null;
  staticDir?: string | null;
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
    retryBaseMs: 5,
    now,
  });
  const logger = createLogger({ redact: datadog.redact, level: 'debug', write: (line) => logs.push(line), now });
  const app = createApp({
    config: testConfig(options.config),
    datadog,
    now,
    logger,
    staticDir: options.staticDir ?? null,
    testControls: options.testControls ?? null,
  });

  /** Calls the app like the SPA does: JSON body, X-CSRF on changes. */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const init: RequestInit = {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(method !== 'GET' && method !== 'HEAD' ? { 'X-CSRF': '1' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const res = await app.request(path, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (an SPA file, a plain 404): leave json undefined.
    }
    return { res, status: res.status, text, json };
  }

  return { app, fake, logs, call, datadog };
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
