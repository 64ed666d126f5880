/** Shared by the recording fakes (fake-upstream.ts, fake-atlas.ts): what a request carried, and waiting on its signal. */

export interface ReadRequest {
  method: string;
  url: URL;
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON body (or the raw text if it is not JSON); undefined without a body. */
  body: unknown;
}

export async function readRequest(request: Request): Promise<ReadRequest> {
  const url = new URL(request.url);
  const text = request.body === null ? '' : await request.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { method: request.method, url, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body };
}

/** Resolves after `ms` (never, when null); rejects with the signal's reason as soon as it aborts. */
export function abortable(signal: AbortSignal, ms: number | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = ms === null ? null : setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        if (timer) clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Calls `record` once when the signal aborts, or at once if it already has. Returns what stops listening. */
export function whenAborted(signal: AbortSignal, record: () => void): () => void {
  if (signal.aborted) {
    record();
    return () => undefined;
  }
  signal.addEventListener('abort', record, { once: true });
  return () => signal.removeEventListener('abort', record);
}
