/**
 * What the second, tiny entry script does (early-entry.ts, loaded by index.html before the app):
 * on a first load of the monitor list it sends the three GETs the list's loaders need at once, so
 * their answers travel while the browser is still downloading and compiling the app (about 150 ms
 * on a slow machine), and leaves them for the api client (src/lib/early-responses.ts), which uses
 * each one once.
 *
 * It imports nothing: a shared import would make it wait for another chunk. So the paths and
 * the CSRF header are written out here; early-requests.test.ts checks them against the contract.
 * A request nobody asked for is harmless: when nobody is signed in the BFF answers 401, and the
 * app, told the same by its own session check, goes to the sign-in page.
 */

/** The pages that open on the monitor list ("/" redirects there). */
export const EARLY_PAGES = ['/', '/monitors'];
/** GET /api/session, /api/config and /api/monitors: what the root and list loaders ask for. */
export const EARLY_PATHS = ['/api/session', '/api/config', '/api/monitors'];
/** As the api client sends them: the BFF refuses any request without the CSRF header. */
export const EARLY_HEADERS = { Accept: 'application/json', 'X-CSRF': '1' };
/** Where the api client looks for them (lib/early-responses EARLY_REQUESTS_KEY). */
export const EARLY_KEY = '__watchdeckEarlyRequests';

/** Sends the early requests when `pathname` opens on the monitor list, and leaves them on `target` (the window). */
export function sendEarlyRequests(pathname: string, target: Record<string, unknown>, send: typeof fetch): void {
  if (!EARLY_PAGES.includes(pathname)) return;
  const at = performance.now();
  target[EARLY_KEY] = Object.fromEntries(
    EARLY_PATHS.map((path) => {
      const response = send(path, { headers: EARLY_HEADERS, credentials: 'same-origin' });
      // A failure is reported by the api client when it takes this answer, like any network error.
      response.catch(() => undefined);
      return [path, { at, response }];
    }),
  );
}
