// The keystroke trace split: `node --test scripts/bench/lib/`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanParts, nestEvents, partOf, rendererMainThread, splitKeystrokes, splitWindow, SPLIT_PARTS } from './trace-split.mjs';

const MAIN = { pid: 1, tid: 1 };
/** A complete event on the main thread; times in ms here, µs in the trace. */
const X = (name, startMs, durMs, extra = {}) => ({ ph: 'X', pid: 1, tid: 1, name, ts: startMs * 1000, dur: durMs * 1000, ...extra });
const keydown = (startMs, durMs, thread = MAIN) => ({ ...X('EventDispatch', startMs, durMs, { args: { data: { type: 'keydown' } } }), ...thread });

/** Rounds every part to 1 µs so float noise does not fail an exact comparison. */
const rounded = (parts) => Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
const sum = (parts) => Object.values(parts).reduce((s, v) => s + v, 0);

/**
 * One task, 0–100 ms: a keydown (10–40) calling a function (15–35) that
 * triggers an incremental GC step (20–25); then layout (50–70). A paint task
 * at 120–130 ms. Nothing runs 100–120 and 130–150.
 */
const TASK = [
  X('ThreadControllerImpl::RunTask', 0, 100),
  keydown(10, 30),
  X('FunctionCall', 15, 20, { args: { data: { functionName: 'onKey', url: 'app.js' } } }),
  X('V8.GC_MC_INCREMENTAL', 20, 5),
  X('Layout', 50, 20),
  X('ThreadControllerImpl::RunTask', 120, 10),
  X('Paint', 120, 10),
];

describe('partOf', () => {
  it('sorts trace event names into the parts', () => {
    assert.equal(partOf('FunctionCall'), 'script');
    assert.equal(partOf('EventDispatch'), 'script');
    assert.equal(partOf('RunMicrotasks'), 'script');
    assert.equal(partOf('V8.StackGuard'), 'script');
    assert.equal(partOf('v8.compile'), 'script');
    assert.equal(partOf('UpdateLayoutTree'), 'style');
    assert.equal(partOf('Layout'), 'style');
    assert.equal(partOf('PrePaint'), 'paint');
    assert.equal(partOf('Layerize'), 'paint');
    assert.equal(partOf('Commit'), 'paint');
    assert.equal(partOf('MajorGC'), 'gc');
    assert.equal(partOf('MinorGC'), 'gc');
    assert.equal(partOf('ThreadControllerImpl::RunTask'), 'other');
    assert.equal(partOf('Receive mojo message'), 'other');
  });

  it('counts V8 GC phases as GC, not script', () => {
    assert.equal(partOf('V8.GC_MC_INCREMENTAL'), 'gc');
    assert.equal(partOf('V8.GC_SCAVENGER'), 'gc');
  });
});

describe('splitWindow', () => {
  it('charges each moment to the innermost event (self time), the rest is idle', () => {
    const split = splitWindow(nestEvents(TASK, MAIN), 0, 150_000);
    assert.deepEqual(rounded(split.parts), {
      script: 25, // keydown 30 − function 20, function 20 − GC 5
      style: 20,
      paint: 10,
      gc: 5,
      other: 50, // the task's own time: 100 − 30 − 20
      idle: 40, // 100–120 and 130–150
      input: 0, // a window alone knows no input delay
    });
    assert.equal(split.windowMs, 150);
    assert.equal(Math.round(sum(split.parts)), 150);
    assert.deepEqual(rounded(split.byName), {
      'ThreadControllerImpl::RunTask': 50,
      EventDispatch: 10,
      FunctionCall: 15,
      'V8.GC_MC_INCREMENTAL': 5,
      Layout: 20,
      Paint: 10,
    });
  });

  it('clips events to the window, parents and children alike', () => {
    // 30–60 ms: the end of the keydown (30–40, with the function's 30–35) and the first 10 ms of layout.
    const split = splitWindow(nestEvents(TASK, MAIN), 30_000, 60_000);
    assert.deepEqual(rounded(split.parts), { script: 10, style: 10, paint: 0, gc: 0, other: 10, idle: 0, input: 0 });
  });

  it('is all idle when nothing runs in the window', () => {
    const split = splitWindow(nestEvents(TASK, MAIN), 100_000, 120_000);
    assert.deepEqual(rounded(split.parts), { script: 0, style: 0, paint: 0, gc: 0, other: 0, idle: 20, input: 0 });
    assert.deepEqual(split.byName, {});
  });

  it('cuts a child that overruns its parent, so busy time never exceeds the window', () => {
    const events = [X('RunTask', 0, 10), X('FunctionCall', 5, 10), X('Layout', 12, 3)];
    const nested = nestEvents(events, MAIN);
    assert.deepEqual(
      nested.map((e) => [e.name, e.start, e.end, e.parent]),
      [
        ['RunTask', 0, 10_000, -1],
        ['FunctionCall', 5_000, 10_000, 0],
        ['Layout', 12_000, 15_000, -1],
      ],
    );
    const split = splitWindow(nested, 0, 20_000);
    assert.deepEqual(rounded(split.parts), { script: 5, style: 3, paint: 0, gc: 0, other: 5, idle: 7, input: 0 });
  });

  it('nests an event that starts with its parent under it (the longer one first)', () => {
    const events = [X('Paint', 0, 4), X('ThreadControllerImpl::RunTask', 0, 10)];
    const split = splitWindow(nestEvents(events, MAIN), 0, 10_000);
    assert.deepEqual(rounded(split.parts), { script: 0, style: 0, paint: 4, gc: 0, other: 6, idle: 0, input: 0 });
  });

  it('ignores other threads, instant and async events', () => {
    const events = [
      X('Layout', 0, 10),
      { ...X('FunctionCall', 0, 10), tid: 2 }, // a worker
      { ...X('Paint', 0, 10), pid: 9 }, // another process
      { ph: 'I', pid: 1, tid: 1, name: 'InvalidateLayout', ts: 1000 },
      { ph: 'b', pid: 1, tid: 1, name: 'AnimationFrame', ts: 0, id: '0x1' },
    ];
    const split = splitWindow(nestEvents(events, MAIN), 0, 20_000);
    assert.deepEqual(rounded(split.parts), { script: 0, style: 10, paint: 0, gc: 0, other: 0, idle: 10, input: 0 });
  });
});

describe('rendererMainThread', () => {
  it('is the thread with the most keydown dispatches', () => {
    const other = { pid: 7, tid: 3 };
    assert.deepEqual(rendererMainThread([keydown(0, 1, other), keydown(10, 1), keydown(20, 1), X('EventDispatch', 30, 1)]), MAIN);
    assert.equal(rendererMainThread([X('FunctionCall', 0, 1)]), null);
  });
});

describe('splitKeystrokes', () => {
  /** Three keystrokes 100 ms apart, each: keydown 2 ms, a function 8 ms, style 5 ms, paint 3 ms. */
  function threeKeys() {
    const events = [];
    for (const at of [0, 100, 200]) {
      events.push(X('ThreadControllerImpl::RunTask', at, 2), keydown(at, 2));
      events.push(X('ThreadControllerImpl::RunTask', at + 4, 8), X('FunctionCall', at + 4, 8));
      events.push(X('ThreadControllerImpl::RunTask', at + 20, 8), X('UpdateLayoutTree', at + 20, 5), X('Paint', at + 25, 3));
    }
    return { traceEvents: events };
  }

  it('splits each keystroke from its keydown over its measured time', () => {
    const r = splitKeystrokes(threeKeys(), [
      { key: '#', ms: 30 },
      { key: '4', ms: 10 },
      { key: '8', ms: 20 },
    ]);
    assert.deepEqual(r.thread, MAIN);
    assert.deepEqual(
      r.keystrokes.map((k) => [k.key, rounded(k.parts)]),
      [
        ['#', { script: 10, style: 5, paint: 3, gc: 0, other: 0, idle: 12, input: 0 }],
        ['4', { script: 8, style: 0, paint: 0, gc: 0, other: 0, idle: 2, input: 0 }], // 0–10: keydown, function up to 10
        ['8', { script: 10, style: 0, paint: 0, gc: 0, other: 0, idle: 10, input: 0 }],
      ],
    );
    // Every window adds up to its measured time.
    for (const k of r.keystrokes) assert.equal(Math.round(sum(k.parts) * 1000), Math.round(k.ms * 1000));
    assert.equal(r.all.count, 3);
    assert.equal(r.all.meanMs, 20);
    assert.equal(Math.round(r.all.parts.script * 1000), Math.round(((10 + 8 + 10) / 3) * 1000));
    // The slowest 10 % of three keystrokes is one: the first.
    assert.equal(r.slowest.count, 1);
    assert.equal(r.slowest.minMs, 30);
    assert.deepEqual(rounded(r.slowest.parts), { script: 10, style: 5, paint: 3, gc: 0, other: 0, idle: 12, input: 0 });
    assert.deepEqual(
      r.slowest.top.map((t) => t.name),
      ['FunctionCall', 'UpdateLayoutTree', 'Paint', 'EventDispatch'],
    );
  });

  it('ends the window at the measured end when the page reports the input delay before the dispatch', () => {
    // 34 ms measured from the input's timestamp, 4 of them before the keydown's dispatch: the window is 30 ms.
    const r = splitKeystrokes(threeKeys(), [{ key: '#', ms: 34, inputDelayMs: 4 }, { key: '4', ms: 1 }, { key: '8', ms: 1 }]);
    assert.deepEqual(rounded(r.keystrokes[0].parts), { script: 10, style: 5, paint: 3, gc: 0, other: 0, idle: 12, input: 4 });
    assert.equal(r.keystrokes[0].windowMs, 30);
    assert.equal(Math.round(sum(r.keystrokes[0].parts)), 34);
  });

  it('skips keys that timed out but keeps the others aligned with their keydowns', () => {
    const r = splitKeystrokes(threeKeys(), [{ key: '#', ms: 30 }, { key: '4', timedOut: true }, { key: '8', ms: 5 }]);
    assert.deepEqual(
      r.keystrokes.map((k) => [k.index, k.key, rounded(k.parts).script]),
      [
        [0, '#', 10],
        [2, '8', 3], // keydown 2 ms + 1 ms of the function at 204 ms
      ],
    );
  });

  it('refuses a trace whose keydowns do not match the keys typed', () => {
    assert.throws(() => splitKeystrokes(threeKeys(), [{ key: '#', ms: 30 }]), /3 keydown events on the renderer main thread for 1 keys typed/);
    assert.throws(() => splitKeystrokes({ traceEvents: [X('Layout', 0, 1)] }, []), /no keydown/);
    assert.throws(() => splitKeystrokes({ nope: 1 }, []), /no traceEvents/);
    assert.throws(() => splitKeystrokes(threeKeys(), [{ key: '#', timedOut: true }, { key: '4', timedOut: true }, { key: '8', timedOut: true }]), /no keystroke/);
  });

  it('accepts a bare array of events', () => {
    const r = splitKeystrokes(threeKeys().traceEvents, [{ key: '#', ms: 1 }, { key: '4', ms: 1 }, { key: '8', ms: 1 }]);
    assert.equal(r.keystrokes.length, 3);
  });
});

describe('meanParts', () => {
  it('averages each part and is null for none', () => {
    const a = { parts: Object.fromEntries(SPLIT_PARTS.map((p) => [p.key, 2])) };
    const b = { parts: Object.fromEntries(SPLIT_PARTS.map((p) => [p.key, 4])) };
    assert.deepEqual(meanParts([a, b]), Object.fromEntries(SPLIT_PARTS.map((p) => [p.key, 3])));
    assert.equal(meanParts([]), null);
  });
});
