import { mean } from './stats.mjs';

/**
 * Where a keystroke's time goes, from a Chromium trace (Trace Event Format,
 * as CDP `Tracing.end` streams it). Pure: events in, numbers out.
 *
 * A keystroke's time is measured in the page from the keydown's timestamp
 * (when the browser took the input in) to the frame after the list changed.
 * Its window in the trace runs from the keydown's EventDispatch on the
 * renderer main thread to the end of that measured time; the part before the
 * dispatch (the input delay, which the page reports) is a part of its own.
 * Inside the window, every moment is charged to the innermost complete ('X') event
 * running on that thread (its self time: its duration minus its direct
 * children's), so nested events are never counted twice, and a moment with
 * no event running is idle.
 */

/**
 * What the traced pass records: DevTools' timeline (tasks, events, function
 * calls, style, layout, paint), V8's GC and execution, and the scheduler's
 * top-level tasks (so time inside a task but outside any named event counts
 * as busy, not idle).
 */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.gc',
  'v8.execute',
  'toplevel',
].join(',');

/** The parts of a window, in report order. */
export const SPLIT_PARTS = [
  { key: 'script', label: 'script' },
  { key: 'style', label: 'style and layout' },
  { key: 'paint', label: 'paint and compositing' },
  { key: 'gc', label: 'garbage collection' },
  { key: 'other', label: 'other busy time' },
  { key: 'idle', label: 'main thread idle' },
  { key: 'input', label: 'before the keydown was dispatched' },
];

// Checked in this order: V8's GC events are named V8.GC_*, so GC comes before script's V8.*.
const GC = /^(MajorGC|MinorGC|V8\.GC|BlinkGC|CppGC|GCEvent|Major concurrent marking|Minor concurrent marking)/;
const SCRIPT =
  /^(EventDispatch|FunctionCall|TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|EvaluateScript|EvaluateModule|CompileScript|CompileModule|CompileCode|CacheScript|StreamingCompileScript|XHRReadyStateChange|XHRLoad|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.|V8\.)/;
const STYLE =
  /^(UpdateLayoutTree|RecalculateStyles|Layout|HitTest|ParseAuthorStyleSheet|ComputeIntersections|IntersectionObserverController|LayoutShift|ScrollLayer|UpdateLayoutObject)/;
const PAINT =
  /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|UpdateLayerTree|CompositeLayers|PaintImage|PaintSetup|Decode Image|ImageDecodeTask|Decode LazyPixelRef|Draw LazyPixelRef|RasterTask|Rasterize|BeginMainThreadFrame|ScheduleCompositorAnimation)/;

/** The part a trace event's self time belongs to, by its name. */
export function partOf(name) {
  if (GC.test(name)) return 'gc';
  if (SCRIPT.test(name)) return 'script';
  if (STYLE.test(name)) return 'style';
  if (PAINT.test(name)) return 'paint';
  return 'other';
}

/** The events of a trace: `{ traceEvents: [...] }` or a bare array. */
export function traceEventsOf(trace) {
  const events = Array.isArray(trace) ? trace : trace?.traceEvents;
  if (!Array.isArray(events)) throw new Error('the trace holds no traceEvents array');
  return events;
}

const isKeydown = (e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'keydown';

/** The renderer main thread: the thread with the most keydown EventDispatch events ({ pid, tid }), or null. */
export function rendererMainThread(events) {
  const counts = new Map();
  for (const e of events) {
    if (!isKeydown(e)) continue;
    const id = `${e.pid}:${e.tid}`;
    const c = counts.get(id) ?? { pid: e.pid, tid: e.tid, n: 0 };
    c.n++;
    counts.set(id, c);
  }
  let best = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best && { pid: best.pid, tid: best.tid };
}

/**
 * The thread's complete events as [{ name, start, end, parent }] (µs), sorted
 * by start, each with the index of its direct parent (-1 at the top). Built
 * with a stack; an event that overruns its parent (rounding in the trace) is
 * cut at the parent's end, so a child never reaches outside its parent and
 * siblings never overlap.
 */
export function nestEvents(events, { pid, tid }) {
  const own = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && typeof e.ts === 'number' && typeof e.dur === 'number' && e.dur >= 0)
    // Parents first: earlier start, then the longer one.
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  const stack = [];
  for (const e of own) {
    while (stack.length && out[stack.at(-1)].end <= e.ts) stack.pop();
    const parent = stack.length ? stack.at(-1) : -1;
    const end = parent >= 0 ? Math.min(e.ts + e.dur, out[parent].end) : e.ts + e.dur;
    out.push({ name: e.name, start: e.ts, end, parent });
    stack.push(out.length - 1);
  }
  return out;
}

const overlap = (ev, start, end) => Math.max(0, Math.min(ev.end, end) - Math.max(ev.start, start));

/**
 * The split of one window [start, end) (µs) over nested events: ms per part,
 * `idle` = window − busy, and the self time per event name (ms). An event
 * adds its time inside the window to its own part and takes the same off its
 * parent's (the parent was not running then): so each part holds self time.
 */
export function splitWindow(nested, start, end) {
  const parts = Object.fromEntries(SPLIT_PARTS.map((p) => [p.key, 0]));
  const byName = {};
  for (const ev of nested) {
    if (ev.start >= end) break; // sorted by start: nothing later reaches into the window
    const t = overlap(ev, start, end);
    if (t === 0) continue;
    parts[partOf(ev.name)] += t;
    byName[ev.name] = (byName[ev.name] ?? 0) + t;
    if (ev.parent >= 0) {
      const p = nested[ev.parent];
      parts[partOf(p.name)] -= t;
      byName[p.name] -= t;
    }
  }
  let busy = 0;
  for (const p of SPLIT_PARTS) if (p.key !== 'idle' && p.key !== 'input') busy += parts[p.key];
  parts.idle = Math.max(0, end - start - busy);
  const ms = (us) => us / 1000;
  for (const k of Object.keys(parts)) parts[k] = ms(parts[k]);
  for (const k of Object.keys(byName)) {
    byName[k] = ms(byName[k]);
    if (byName[k] <= 0) delete byName[k];
  }
  return { windowMs: ms(end - start), parts, byName };
}

/** The mean of each part (ms) over splits; null for none. */
export function meanParts(splits) {
  if (splits.length === 0) return null;
  return Object.fromEntries(SPLIT_PARTS.map((p) => [p.key, mean(splits.map((s) => s.parts[p.key]))]));
}

/** The `limit` event names with the most self time, mean ms per keystroke over splits, largest first. */
export function topNames(splits, limit = 5) {
  const total = {};
  for (const s of splits) for (const [name, t] of Object.entries(s.byName)) total[name] = (total[name] ?? 0) + t;
  return Object.entries(total)
    .map(([name, t]) => ({ name, part: partOf(name), ms: t / splits.length }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}

/**
 * The split of every keystroke of a traced pass. `sequence` is the pass's
 * keys in the order typed ({ key, ms, inputDelayMs } or { key, timedOut:
 * true }); the trace must hold one keydown on the main thread per key, in the
 * same order. Keys that timed out have no measured time and get no split.
 * Without inputDelayMs the window is the keydown's dispatch plus ms.
 *
 * Returns { keystrokes: [{ index, key, ms, parts, windowMs }], all, slowest }
 * where all and slowest are { count, meanMs, parts (mean ms), top (event
 * names) }, slowest being the slowest 10 % of the split keystrokes (at least one).
 */
export function splitKeystrokes(trace, sequence, { slowestShare = 0.1 } = {}) {
  const events = traceEventsOf(trace);
  const thread = rendererMainThread(events);
  if (!thread) throw new Error('the trace holds no keydown EventDispatch event');
  const keydowns = events
    .filter((e) => isKeydown(e) && e.pid === thread.pid && e.tid === thread.tid)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  if (keydowns.length !== sequence.length) {
    throw new Error(`the trace holds ${keydowns.length} keydown events on the renderer main thread for ${sequence.length} keys typed`);
  }
  const nested = nestEvents(events, thread);
  const keystrokes = [];
  sequence.forEach((s, index) => {
    if (typeof s.ms !== 'number' || !Number.isFinite(s.ms)) return;
    const inputMs = Math.min(s.ms, Math.max(0, Number.isFinite(s.inputDelayMs) ? s.inputDelayMs : 0));
    const start = keydowns[index];
    const split = splitWindow(nested, start, start + (s.ms - inputMs) * 1000);
    split.parts.input = inputMs;
    keystrokes.push({ index, key: s.key, ms: s.ms, ...split });
  });
  if (keystrokes.length === 0) throw new Error('no keystroke of the traced pass updated the list in time');
  const group = (list) => ({
    count: list.length,
    meanMs: mean(list.map((k) => k.ms)),
    minMs: Math.min(...list.map((k) => k.ms)),
    parts: meanParts(list),
    top: topNames(list),
  });
  const bySlowest = [...keystrokes].sort((a, b) => b.ms - a.ms);
  const slowest = bySlowest.slice(0, Math.max(1, Math.ceil(keystrokes.length * slowestShare)));
  return {
    thread,
    // The per-keystroke rows without the per-name detail (it would bloat result.json).
    keystrokes: keystrokes.map(({ byName: _byName, ...k }) => k),
    all: group(keystrokes),
    slowest: group(slowest),
  };
}
