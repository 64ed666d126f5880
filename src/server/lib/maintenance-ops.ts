import { isUpstreamError } from '../upstreams/upstream-error';
import type { RawDowntimeCreate, RawDowntimeOne, RawDowntimeUpdate } from '../upstreams/datadog/schemas';
import type { ServerDeps } from './deps';
import type { DowntimePart } from './maintenance-windows';

/**
 * The upstream side of a window change: its downtimes are created, changed or canceled together,
 * at most WINDOW_CONCURRENCY calls at a time (Datadog's rate limits are per organisation), and a
 * change that fails part-way is undone, so no window is left half-made.
 */
export const WINDOW_CONCURRENCY = 4;

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs `run` over the items with at most WINDOW_CONCURRENCY in flight; results are indexed like
 * `items`. With `stopOnFailure`, nothing new starts after the first failure, but every call
 * already running is waited for (the caller must know each outcome to undo it), and the items
 * never started are undefined. Without it every item is tried (undoing, cancelling).
 */
export async function settleLimit<T, R>(
  items: readonly T[],
  run: (item: T) => Promise<R>,
  options: { stopOnFailure: boolean },
): Promise<(Settled<R> | undefined)[]> {
  const results: (Settled<R> | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!(failed && options.stopOnFailure) && next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await run(items[index] as T) };
      } catch (error) {
        failed = true;
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(WINDOW_CONCURRENCY, items.length)) }, worker));
  return results;
}

const firstError = <R>(results: readonly (Settled<R> | undefined)[]) =>
  results.find((r): r is { ok: false; error: unknown } => r !== undefined && !r.ok)?.error;

const isGone = (err: unknown) => isUpstreamError(err) && err.kind === 'not_found';

/** Best effort: an undo that fails is logged (with the downtime id), never answered over the first error. */
async function undo(deps: ServerDeps, what: string, ids: readonly string[], run: (id: string) => Promise<unknown>): Promise<void> {
  const results = await settleLimit(ids, run, { stopOnFailure: false });
  results.forEach((r, i) => {
    if (r && !r.ok && !isGone(r.error)) deps.logger.error(`maintenance: could not ${what}`, { downtimeId: ids[i], error: r.error });
  });
}

/** Creates a window's downtimes; if one fails, cancels those made and throws that failure. */
export async function createDowntimes(deps: ServerDeps, bodies: readonly RawDowntimeCreate[]): Promise<RawDowntimeOne[]> {
  const results = await settleLimit(bodies, (body) => deps.datadog.createDowntime(body), { stopOnFailure: true });
  const error = firstError(results);
  if (error === undefined) return results.map((r) => (r as { value: RawDowntimeOne }).value);
  const made = results.flatMap((r) => (r?.ok ? [r.value.data.id] : []));
  await undo(deps, 'cancel a downtime of a window that failed to be made', made, (id) => deps.datadog.cancelDowntime(id));
  throw error;
}

export type PartChange = RawDowntimeUpdate['data']['attributes'];

/**
 * Changes every downtime of a window; if one change fails, puts the changed ones back as they
 * were (`before(part)`) and throws that failure.
 */
export async function updateParts(
  deps: ServerDeps,
  parts: readonly DowntimePart[],
  change: (part: DowntimePart) => PartChange,
  before: (part: DowntimePart) => PartChange,
): Promise<RawDowntimeOne[]> {
  const patch = (part: DowntimePart, attributes: PartChange) =>
    deps.datadog.updateDowntime(part.id, { data: { type: 'downtime', id: part.id, attributes } });
  const results = await settleLimit(parts, (part) => patch(part, change(part)), { stopOnFailure: true });
  const error = firstError(results);
  if (error === undefined) return results.map((r) => (r as { value: RawDowntimeOne }).value);
  const changed = parts.filter((_, i) => results[i]?.ok);
  const byId = new Map(changed.map((p) => [p.id, p]));
  await undo(deps, 'put back a downtime of a window that failed to change', [...byId.keys()], (id) => patch(byId.get(id)!, before(byId.get(id)!)));
  throw error;
}

/**
 * Cancels every downtime given (one that is gone already counts as canceled). Every one is
 * tried; the ids canceled and the first failure come back.
 */
export async function cancelParts(deps: ServerDeps, ids: readonly string[]): Promise<{ canceled: string[]; error: unknown }> {
  const results = await settleLimit(ids, (id) => deps.datadog.cancelDowntime(id), { stopOnFailure: false });
  const canceled = ids.filter((_, i) => {
    const r = results[i];
    return r !== undefined && (r.ok || isGone(r.error));
  });
  const failure = results.find((r) => r !== undefined && !r.ok && !isGone(r.error));
  return { canceled, error: failure && !failure.ok ? failure.error : undefined };
}
