import { ApiErrorBodySchema, CSRF_HEADER, CSRF_VALUE } from '../contract/errors';
import { takeEarlyResponse } from './early-responses';

/** Anything with zod's `safeParse`; the contract schemas are passed in by the callers. */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | null;
  fields?: Record<string, string[]>;
  retryAfter?: number;
  upstream?: string[];
}

/**
 * The one error the SPA throws for a failed call to the BFF. `status` is the
 * HTTP status (0 when the request never got an answer); `code` is stable.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly fields: Record<string, string[]> | undefined;
  readonly retryAfter: number | undefined;
  readonly upstream: string[] | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.fields = init.fields;
    this.retryAfter = init.retryAfter;
    this.upstream = init.upstream;
  }

  /** 4xx: the request itself was refused; sending it again unchanged will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any thrown value as an ApiError, so every error screen can show a message and a code. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong in this page.';
  return new ApiError({ status: 0, code: 'client_error', message });
}

const API_PREFIX = '/api';

/** Told about every 401 from a call that needs a signed-in user (the session ended, or the user was disabled). */
export type UnauthenticatedListener = (error: ApiError) => void;

const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Subscribes to 401s from the BFF. The app shell uses it to clear the cache and
 * go to the sign-in page, whichever call (query, mutation, bulk run, download) got the 401.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

function reportUnauthenticated(error: ApiError): void {
  unauthenticatedListeners.forEach((listener) => listener(error));
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  /** Contract schema for a success body; omit for 204 answers. */
  schema?: ResponseSchema<T>;
  signal?: AbortSignal;
  /**
   * Default true: a 401 means the session ended, and is reported to the
   * onUnauthenticated listeners. The session routes themselves (sign in, who am I,
   * sign out) pass false: there a 401 is an answer, not an expiry.
   */
  authRequired?: boolean;
}

function assertApiPath(path: string): void {
  if (!path.startsWith(`${API_PREFIX}/`)) {
    throw new Error(`api-client only calls the BFF under ${API_PREFIX}/, not ${path}`);
  }
}

function retryAfterFromHeader(response: Response): number | undefined {
  const raw = response.headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await response.text();
    return { ok: true, value: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const headerRequestId = response.headers.get('x-request-id');
  const body = await readJson(response);
  const parsed = body.ok ? ApiErrorBodySchema.safeParse(body.value) : null;
  if (parsed?.success) {
    const e = parsed.data.error;
    return new ApiError({
      status: response.status,
      code: e.code,
      message: e.message,
      requestId: e.requestId || headerRequestId,
      fields: e.fields,
      retryAfter: e.retryAfter ?? retryAfterFromHeader(response),
      upstream: e.upstream,
    });
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    message: `The watchdeck server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} without details.`,
    requestId: headerRequestId,
    retryAfter: retryAfterFromHeader(response),
  });
}

/** Sends one request with the headers every call carries; a non-2xx answer becomes ApiError, and a 401 is reported. */
async function send(
  path: string,
  init: { method: Method; headers: Record<string, string>; body?: string; signal?: AbortSignal },
  authRequired: boolean,
): Promise<Response> {
  assertApiPath(path);
  // Every request, reads included, carries the header the BFF requires: a cross-site
  // page cannot send a custom header without a CORS preflight, which the BFF never grants.
  const headers = { ...init.headers, [CSRF_HEADER]: CSRF_VALUE };
  // A plain GET may already be on its way: sent by the early script on the page's first load.
  const early = init.method === 'GET' && init.body === undefined ? takeEarlyResponse(path) : undefined;
  let response: Response;
  try {
    response = await (early ?? fetch(path, { ...init, headers, credentials: 'same-origin' }));
  } catch (error) {
    // Cancellation is not a failure: let TanStack Query see the abort as it is.
    if (init.signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: 'network',
      message: "Can't reach the watchdeck server. Check your connection; it will be tried again.",
    });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (error.status === 401 && authRequired) reportUnauthenticated(error);
    throw error;
  }
  return response;
}

/**
 * Calls the BFF. A non-2xx answer throws ApiError with the BFF's code and
 * request id; a network failure throws ApiError code "network"; a success body
 * that does not match the contract throws ApiError code "invalid_response".
 */
export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', body, schema, signal, authRequired = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const response = await send(
    path,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal },
    authRequired,
  );

  if (!schema) return undefined as T;
  const json = await readJson(response);
  const requestId = response.headers.get('x-request-id');
  if (!json.ok) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The watchdeck server sent an answer that is not JSON.',
      requestId,
    });
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    console.error(`Unexpected response shape from ${method} ${path}`, parsed.error);
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The watchdeck server sent an answer this page does not understand.',
      requestId,
    });
  }
  return parsed.data;
}

export const api = {
  get: <T>(path: string, schema: ResponseSchema<T>, signal?: AbortSignal) =>
    apiRequest<T>(path, { schema, signal }),
  post: <T>(path: string, body: unknown, schema: ResponseSchema<T>) =>
    apiRequest<T>(path, { method: 'POST', body, schema }),
  patch: <T>(path: string, body: unknown, schema: ResponseSchema<T>) =>
    apiRequest<T>(path, { method: 'PATCH', body, schema }),
  delete: (path: string) => apiRequest<void>(path, { method: 'DELETE' }),
};

export interface Download {
  blob: Blob;
  /** From Content-Disposition when the BFF names the file, else null. */
  filename: string | null;
}

/** The filename in a Content-Disposition header (`attachment; filename="audit.csv"`), reduced to safe characters. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  let raw: string | null = null;
  if (star?.[1]) {
    try {
      raw = decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      raw = null;
    }
  }
  if (!raw) raw = /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() ?? null;
  if (!raw) return null;
  const safe = raw.replace(/^.*[\\/]/, '').replace(/[^\w.@+-]/g, '_');
  return safe && !/^\.+$/.test(safe) ? safe : null;
}

/**
 * Downloads a file from the BFF (e.g. a CSV export) with the same headers and
 * error handling as every other call; a plain link could not send X-CSRF.
 */
export async function apiDownload(path: string, options: { accept?: string; signal?: AbortSignal } = {}): Promise<Download> {
  const response = await send(
    path,
    { method: 'GET', headers: { Accept: options.accept ?? '*/*' }, signal: options.signal },
    true,
  );
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition')) };
}
