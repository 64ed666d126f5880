/**
 * Every answer the test app helpers produce (test-app.ts `callAs`/`call`),
 * body and headers, for the whole-suite secret scan (secret-scan.ts). Kept on
 * globalThis so the setup file and the test file see one list whatever
 * module instances they hold. No imports: the test app loads this first.
 */
export interface RecordedResponse {
  /** "POST /api/integrations/pagerduty -> 201" */
  label: string;
  body: string;
  headers: string;
}

const KEY = Symbol.for('watchdeck.test.recordedResponses');
const store = globalThis as unknown as Record<symbol, RecordedResponse[] | undefined>;

function list(): RecordedResponse[] {
  return (store[KEY] ??= []);
}

export function recordResponse(request: string, res: Response, body: string): void {
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  list().push({ label: `${request} -> ${res.status}`, body, headers });
}

/** What was recorded since the last take, and forgets it. */
export function takeRecordedResponses(): RecordedResponse[] {
  return list().splice(0);
}

export const recordedCount = (): number => list().length;
