/**
 * One webhook delivery: a real HTTP POST with a per-attempt timeout and a
 * bounded retry (network errors and 5xx only; a 4xx is the receiver's final
 * word), all within an optional overall deadline. The fetch, timeouts and
 * backoff are injected, so the test delivery route and monitor notifications
 * share it and tests control time.
 */

export interface WebhookDeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookDeliveryOptions {
  fetch: typeof fetch;
  /** Per attempt, covering the answer's body too. */
  timeoutMs: number;
  /**
   * The whole delivery, backoff and retries included: an attempt gets at most
   * the time left, and no retry starts with less than `minAttemptMs` left.
   * Infinity (the default) means the per-attempt timeout and retries alone bound it.
   */
  deadlineMs: number;
  /** The least time worth starting a retry with. */
  minAttemptMs: number;
  /** Further attempts after the first one. */
  retries: number;
  /** Wait before retry n (1-based). */
  backoffMs: (retry: number) => number;
  sleep: (ms: number) => Promise<void>;
  /** Epoch milliseconds, for duration_ms. */
  now: () => number;
  /** How much of the receiver's answer is kept. */
  maxBodyChars: number;
}

export interface WebhookDeliveryResult {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** The last answer's status; null when the receiver could not be reached. */
  status: number | null;
  /** The start of the last answer, or the network error's message. */
  body: string;
  duration_ms: number;
  attempts: number;
}

export const DEFAULT_DELIVERY_OPTIONS: WebhookDeliveryOptions = {
  fetch: (input, init) => fetch(input, init),
  timeoutMs: 5000,
  deadlineMs: Number.POSITIVE_INFINITY,
  minAttemptMs: 500,
  retries: 2,
  backoffMs: (retry) => 200 * 2 ** (retry - 1),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  maxBodyChars: 2000,
};

/** Reads at most about `maxChars` characters of a body, then stops reading. */
async function readStart(res: Response, maxChars: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const maxBytes = maxChars * 4;
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, maxChars);
}

type Attempt = { kind: 'answer'; status: number; body: string } | { kind: 'error'; message: string; retryable: boolean };

function errorMessage(err: unknown, timedOut: boolean, timeoutMs: number): { message: string; retryable: boolean } {
  if (timedOut) return { message: `Timed out after ${timeoutMs} ms`, retryable: true };
  const e = err instanceof Error ? err : new Error(String(err));
  // Node's fetch reports connection failures as TypeError("fetch failed") with the socket error as its cause.
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) return { message: cause.message || e.message, retryable: true };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return { message: e.message, retryable: true };
  return { message: e.message, retryable: false };
}

async function attempt(req: WebhookDeliveryRequest, o: WebhookDeliveryOptions, timeoutMs: number): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let res: Response;
    try {
      res = await o.fetch(req.url, {
        method: 'POST',
        headers: req.headers,
        body: req.body,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (err) {
      return { kind: 'error', ...errorMessage(err, timedOut, timeoutMs) };
    }
    let body: string;
    try {
      body = await readStart(res, o.maxBodyChars);
    } catch (err) {
      body = `(the answer's body could not be read: ${errorMessage(err, timedOut, timeoutMs).message})`;
    }
    return { kind: 'answer', status: res.status, body };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends the POST; retries network errors and 5xx answers up to `retries`
 * times, never past `deadlineMs`: each attempt gets min(timeoutMs, time left),
 * and a retry whose backoff would leave less than `minAttemptMs` is not made.
 */
export async function deliverWebhook(req: WebhookDeliveryRequest, options: Partial<WebhookDeliveryOptions> = {}): Promise<WebhookDeliveryResult> {
  const o: WebhookDeliveryOptions = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  const started = o.now();
  let attempts = 0;
  let last: Attempt;
  let timeoutMs = Math.min(o.timeoutMs, o.deadlineMs);
  for (;;) {
    attempts += 1;
    last = await attempt(req, o, timeoutMs);
    const retry = last.kind === 'answer' ? last.status >= 500 : last.retryable;
    if (!retry || attempts > o.retries) break;
    const wait = o.backoffMs(attempts);
    const left = o.deadlineMs - (o.now() - started) - wait;
    if (left < o.minAttemptMs) break;
    timeoutMs = Math.min(o.timeoutMs, left);
    await o.sleep(wait);
  }
  const duration_ms = Math.max(0, Math.round(o.now() - started));
  if (last.kind === 'error') return { ok: false, status: null, body: last.message, duration_ms, attempts };
  return { ok: last.status >= 200 && last.status < 300, status: last.status, body: last.body, duration_ms, attempts };
}
