import autocannon from 'autocannon';
import { summarize } from './stats.mjs';

/**
 * One bounded autocannon run of a request mix. Every connection cycles through
 * `requests` in order (autocannon's request sequence), one request in flight
 * per connection. Latency is taken from autocannon's per-response timing (a
 * float in ms) and kept raw, because its own histogram rounds to whole
 * milliseconds, too coarse for "adds at most 1 ms".
 *
 * requests: [{ label, method, path, headers }]
 */
export async function runMix({ baseUrl, requests, connections, durationSec, timeoutSec = 60, warmup = false }) {
  if (requests.length === 0) throw new Error('runMix: no requests');
  const byLabel = new Map(requests.map((r) => [r.label, { latencies: [], bytes: 0, statuses: {} }]));
  const all = [];
  const statuses = {};

  const started = performance.now();
  const instance = autocannon({
    url: baseUrl,
    connections,
    pipelining: 1,
    duration: durationSec,
    timeout: timeoutSec,
    // Each request object carries its label; autocannon ignores unknown keys.
    requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, label: r.label })),
  });
  // At 'response' the client's iterator still points at the request that just completed (pipelining 1).
  instance.on('response', (client, statusCode, resBytes, responseTime) => {
    const label = client.requestIterator?.currentRequest?.label ?? '?';
    const slot = byLabel.get(label);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (slot) slot.statuses[statusCode] = (slot.statuses[statusCode] ?? 0) + 1;
    if (statusCode < 200 || statusCode >= 300) return;
    all.push(responseTime);
    if (slot) {
      slot.latencies.push(responseTime);
      slot.bytes += resBytes;
    }
  });
  const result = await instance;
  // autocannon counts a timeout as an error too.
  const errors = result.errors ?? 0;
  const timeouts = result.timeouts ?? 0;
  const elapsedSec = (performance.now() - started) / 1000;
  const ok = all.length;
  const non2xx = Object.entries(statuses)
    .filter(([code]) => Number(code) < 200 || Number(code) >= 300)
    .reduce((n, [, count]) => n + count, 0);
  // Only refusals or broken connections is a broken setup; no answer in time (a slow server) is a result, reported as such.
  if (ok === 0 && !warmup && (non2xx > 0 || errors > timeouts)) {
    throw new Error(`no successful response from ${baseUrl} (statuses ${JSON.stringify(statuses)}, errors ${errors}, timeouts ${timeouts})`);
  }
  const perLabel = {};
  for (const [label, slot] of byLabel) {
    perLabel[label] = {
      ...summarize(slot.latencies),
      reqPerSec: slot.latencies.length / elapsedSec,
      avgBytes: slot.latencies.length ? slot.bytes / slot.latencies.length : null,
      statuses: slot.statuses,
    };
  }
  return {
    connections,
    durationSec,
    elapsedSec,
    ok,
    non2xx,
    errors,
    timeouts,
    statuses,
    reqPerSec: ok / elapsedSec,
    latency: summarize(all),
    bytesPerSec: [...byLabel.values()].reduce((n, slot) => n + slot.bytes, 0) / elapsedSec,
    perLabel,
  };
}
