import type { MiddlewareHandler } from 'hono';

/** A canned answer for every /api/* request, to test how clients handle upstream failures. */
export interface SandboxFault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

const NO_BODY = new Set([204, 205, 304]);

export function faultResponse(f: SandboxFault): Response {
  const headers = new Headers(f.headers);
  let body: string | null = null;
  if (!NO_BODY.has(f.status) && f.body !== undefined) {
    body = typeof f.body === 'string' ? f.body : JSON.stringify(f.body);
    if (!headers.has('content-type')) headers.set('content-type', typeof f.body === 'string' ? 'text/plain' : 'application/json');
  }
  return new Response(body, { status: f.status, headers });
}

/** Answers with the current fault, if any, before anything else runs. */
export function faultMiddleware(current: () => SandboxFault | null): MiddlewareHandler {
  return async (_c, next) => {
    const f = current();
    if (!f) return next();
    if (f.delayMs && f.delayMs > 0) await new Promise((r) => setTimeout(r, f.delayMs));
    return faultResponse(f);
  };
}
