import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Bulk mute through the BFF the way the SPA's bulk mute dialog does it: one
 * POST /api/monitors/:id/mute per monitor, a fixed number in flight at once.
 * 429s are told apart by who refused: the BFF's own per-user limit, or the
 * upstream's rate limit passed on by the BFF.
 */

/** Runs `worker` over `items` with at most `limit` in flight; never rejects (each result is settled). */
export async function runLanes(items, limit, worker) {
  const results = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await worker(items[index], index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  }
  const lanes = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

/** Which side refused a 429, from the BFF's error message. */
export function classify429(message) {
  if (/rate limit reached/i.test(message)) return 'upstream';
  if (/too many changes/i.test(message)) return 'bff';
  return 'unknown';
}

export async function bulkMute({ bffUrl, cookie, ids, concurrency, endMs, reason, timeoutMs = 30_000 }) {
  const statuses = {};
  const limited = { upstream: 0, bff: 0, unknown: 0 };
  const downtimeIds = [];
  const errors = [];
  const started = performance.now();
  const results = await runLanes(ids, concurrency, async (id) => {
    const res = await fetch(`${bffUrl}/api/monitors/${id}/mute`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF': '1', Cookie: cookie },
      body: JSON.stringify({ scope: '*', end: endMs, reason }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const text = await res.text();
    if (res.status === 429) {
      let message = text;
      try {
        message = JSON.parse(text).error?.message ?? text;
      } catch {
        // Keep the raw text.
      }
      limited[classify429(message)]++;
    }
    if (res.status !== 200) throw new Error(`mute ${id}: ${res.status} ${text.slice(0, 200)}`);
    const downtime = JSON.parse(text);
    downtimeIds.push(downtime.id);
    return downtime.id;
  });
  const ms = performance.now() - started;
  for (const r of results) if (!r.ok && errors.length < 5) errors.push(String(r.error?.message ?? r.error));
  return {
    count: ids.length,
    concurrency,
    ms,
    ok: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    statuses,
    limited,
    downtimeIds,
    errors,
  };
}

/** How long a 429 asks to wait, from X-RateLimit-Reset (seconds), within [0, capMs]. */
export function retryAfterMs(headers, capMs = 15_000) {
  const value = headers.get('x-ratelimit-reset');
  const seconds = value === null || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, capMs) : capMs;
}

/**
 * Cancels downtimes straight on the local Datadog (clean-up, not measured against a target).
 * Right after the bulk mute its downtime-write budget is nearly spent, so a 429 waits for the
 * window's reset (X-RateLimit-Reset) and tries again, a few times at most.
 */
export async function cancelDowntimes({ ddUrl, ddHeaders, ids, concurrency, timeoutMs = 30_000, tries = 4, fetchImpl = fetch, wait = sleep }) {
  const started = performance.now();
  const statuses = {};
  const results = await runLanes(ids, concurrency, async (id) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetchImpl(`${ddUrl}/api/v2/downtime/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: ddHeaders,
        signal: AbortSignal.timeout(timeoutMs),
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      await res.arrayBuffer();
      if (res.status === 429 && attempt < tries) {
        await wait(retryAfterMs(res.headers));
        continue;
      }
      if (res.status >= 300) throw new Error(`cancel ${id}: ${res.status}`);
      return;
    }
  });
  return { ms: performance.now() - started, ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, statuses };
}

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-period', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-name'];

/**
 * Does the local Datadog announce a rate limit on downtime creation? Creates
 * one downtime directly, reads the X-RateLimit-* headers, and cancels it.
 */
export async function probeDowntimeRateLimit({ ddUrl, ddHeaders, monitorId }) {
  const end = new Date(Date.now() + 3_600_000).toISOString();
  const res = await fetch(`${ddUrl}/api/v2/downtime`, {
    method: 'POST',
    headers: { ...ddHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      data: {
        type: 'downtime',
        attributes: { monitor_identifier: { monitor_id: monitorId }, scope: '*', schedule: { end }, message: 'watchdeck bench: rate limit probe' },
      },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const headers = {};
  for (const name of RATE_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const text = await res.text();
  if (res.status === 200 || res.status === 201) {
    const id = JSON.parse(text).data?.id;
    if (id) await cancelDowntimes({ ddUrl, ddHeaders, ids: [id], concurrency: 1 });
  }
  return { status: res.status, headers, enforced: Object.keys(headers).length > 0 };
}
