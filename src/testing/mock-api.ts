import { vi } from 'vitest';

/**
 * A fetch stand-in that answers /api routes from handlers, records every
 * call, and fails the test (in setup-tests' afterEach) on any request no
 * handler answers.
 */
export interface MockRequest {
  method: string;
  path: string;
  url: URL;
  params: Record<string, string>;
  body: unknown;
  headers: Headers;
}

export interface MockReply {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (e.g. a CSV file), instead of `body`. */
  text?: string;
  headers?: Record<string, string>;
}

const NETWORK_ERROR = Symbol('network-error');
type HandlerResult = MockReply | typeof NETWORK_ERROR;
export type MockHandler = (req: MockRequest) => HandlerResult | Promise<HandlerResult>;

/** Route key: "GET /api/monitors/:id". A non-function value is answered as a 200 JSON body. */
export type MockRoutes = Record<string, MockHandler | object>;

export const reply = {
  json: (body: unknown, status = 200, headers?: Record<string, string>): MockReply => ({ status, body, headers }),
  noContent: (): MockReply => ({ status: 204 }),
  text: (text: string, contentType: string, headers?: Record<string, string>): MockReply => ({
    status: 200,
    text,
    headers: { 'Content-Type': contentType, ...headers },
  }),
  error: (
    status: number,
    code: string,
    message: string,
    extra: { requestId?: string; fields?: Record<string, string[]>; retryAfter?: number; upstream?: string[] } = {},
  ): MockReply => ({
    status,
    body: { error: { code, message, requestId: extra.requestId ?? `req-${code}`, ...extra } },
  }),
  networkError: (): typeof NETWORK_ERROR => NETWORK_ERROR,
};

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: MockHandler;
}

function compile(key: string, value: MockHandler | object): CompiledRoute {
  const [method, path] = key.split(' ');
  if (!method || !path) throw new Error(`Bad mock route key "${key}"; use "GET /api/x"`);
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  const handler: MockHandler = typeof value === 'function' ? (value as MockHandler) : () => reply.json(value);
  return { method: method.toUpperCase(), pattern, names, handler };
}

let unhandled: string[] = [];

export function takeUnhandledRequests(): string[] {
  const list = unhandled;
  unhandled = [];
  return list;
}

export interface MockApi {
  calls: MockRequest[];
  /** Replace or add routes (later routes win). */
  use(routes: MockRoutes): void;
  callsTo(method: string, path: string | RegExp): MockRequest[];
}

/**
 * Routes every page asks for on its own (the layout's active-windows banner); a test's routes
 * override them. Answered, but not recorded in `calls`, so call counts stay about the page.
 */
const AMBIENT_ROUTES: MockRoutes = {
  'GET /api/maintenance/windows': { windows: [], fetchedAt: 0, stale: false },
};

export function mockApi(routes: MockRoutes = {}): MockApi {
  const ambient = Object.entries(AMBIENT_ROUTES)
    .filter(([k]) => !(k in routes))
    .map(([k, v]) => ({ ...compile(k, v), ambient: true }));
  let compiled: (CompiledRoute & { ambient?: boolean })[] = [...ambient, ...Object.entries(routes).map(([k, v]) => compile(k, v))];
  const calls: MockRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const route = [...compiled].reverse().find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      unhandled.push(`${method} ${url.pathname}${url.search}`);
      throw new TypeError(`Unhandled request in test: ${method} ${url.pathname}`);
    }
    const match = route.pattern.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
    const rawBody = typeof init?.body === 'string' ? init.body : undefined;
    const request: MockRequest = {
      method,
      path: url.pathname,
      url,
      params,
      body: rawBody === undefined ? undefined : JSON.parse(rawBody),
      headers: new Headers(init?.headers),
    };
    if (!route.ambient) calls.push(request);
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const result = await route.handler(request);
    if (result === NETWORK_ERROR) throw new TypeError('Failed to fetch');
    const status = result.status ?? 200;
    if (result.text !== undefined) return new Response(result.text, { status, headers: result.headers });
    const hasBody = result.body !== undefined && status !== 204;
    return new Response(hasBody ? JSON.stringify(result.body) : null, {
      status,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...result.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    calls,
    use(more) {
      compiled = [...compiled, ...Object.entries(more).map(([k, v]) => compile(k, v))];
    },
    callsTo(method, path) {
      return calls.filter(
        (c) => c.method === method.toUpperCase() && (typeof path === 'string' ? c.path === path : path.test(c.path)),
      );
    },
  };
}

/** A promise you resolve from the test, to hold a response open (loading and pending states). */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
