/**
 * Answers to GET requests that a tiny script started before the app's code had loaded (see
 * src/app/early-requests.ts): on the first load of the monitor list, the session, the config
 * and the list itself are asked for while the browser is still compiling the app, instead of
 * after. The api client takes each one once, in place of sending the same request again.
 */

/** Where the early script leaves its requests (it imports nothing, so it cannot share a module). */
export const EARLY_REQUESTS_KEY = '__watchdeckEarlyRequests';

/** An early answer older than this is not used: it belonged to the page's first load, long past. */
export const EARLY_RESPONSE_MAX_AGE_MS = 10_000;

export interface EarlyRequest {
  /** performance.now() when it was sent. */
  at: number;
  response: Promise<Response>;
}

type EarlyRequests = Record<string, EarlyRequest | undefined>;

function store(): EarlyRequests | undefined {
  return (globalThis as { [EARLY_REQUESTS_KEY]?: EarlyRequests })[EARLY_REQUESTS_KEY];
}

/** The early answer for `path`, once (later calls send their own request); undefined when there is none. */
export function takeEarlyResponse(path: string): Promise<Response> | undefined {
  const requests = store();
  const early = requests?.[path];
  if (!requests || !early) return undefined;
  delete requests[path];
  if (performance.now() - early.at > EARLY_RESPONSE_MAX_AGE_MS) {
    // Not used, but read so the browser can let it go.
    early.response.then((r) => r.body?.cancel()).catch(() => undefined);
    return undefined;
  }
  return early.response;
}
