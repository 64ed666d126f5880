// The bench's pure parts: `node --test scripts/bench/lib/`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumFromPlaywrightConfig } from '../../chromium.mjs';
import { baselineHtml, firstRowsIn, keystrokePlan, loadPlan, searchTerms } from './browser.mjs';
import { cancelDowntimes, classify429, retryAfterMs, runLanes } from './bulk-mute.mjs';
import { parseBundleSizeOutput } from './bundle.mjs';
import { findings } from './findings.mjs';
import { addedP50ByRead, commonKeystrokes, evaluateTargets, renderMarkdown, slowestKeys, TARGETS } from './report.mjs';
import { percentile, summarize } from './stats.mjs';

describe('percentile', () => {
  it('uses the nearest rank over the sorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    assert.equal(percentile(samples, 50), 5);
    assert.equal(percentile(samples, 95), 10);
    assert.equal(percentile(samples, 0), 1);
    assert.equal(percentile(samples, 100), 10);
  });

  it('is null without samples and refuses a percentile outside 0..100', () => {
    assert.equal(percentile([], 50), null);
    assert.throws(() => percentile([1], 101), RangeError);
  });

  it('summarizes without changing the input', () => {
    const samples = [3, 1, 2];
    assert.deepEqual(summarize(samples), { count: 3, min: 1, p50: 2, p95: 3, p99: 3, max: 3 });
    assert.deepEqual(samples, [3, 1, 2]);
    assert.deepEqual(summarize([]), { count: 0, min: null, p50: null, p95: null, p99: null, max: null });
  });
});

describe('keystrokes', () => {
  it('types and deletes 5 four-digit numbers at 10,000 monitors: exactly 50 keys', () => {
    const terms = searchTerms(10_000);
    assert.deepEqual(terms, ['#4821', '#1375', '#9034', '#2667', '#7150']);
    const plan = keystrokePlan(terms);
    assert.equal(plan.length, 50);
    assert.deepEqual(plan.slice(0, 10), ['#', '4', '8', '2', '1', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace']);
  });

  it('keeps every number within the generated monitors and still plans 50 keys for a small org', () => {
    const terms = searchTerms(30);
    for (const t of terms) {
      const n = Number(t.slice(1));
      assert.ok(n >= 1 && n <= 30, t);
    }
    assert.equal(keystrokePlan(terms).length, 50);
  });

  it('refuses an org without generated monitors', () => {
    assert.throws(() => searchTerms(0));
  });
});

describe('page loads', () => {
  it('takes the cache states in turns, as many of each, ending hot', () => {
    assert.deepEqual(loadPlan(3), ['cold', 'warm', 'cold', 'warm', 'cold', 'warm']);
    assert.deepEqual(loadPlan(1), ['cold', 'warm']);
  });

  it('reports the median first rows of each state, leaving out loads without a figure', () => {
    const loads = [
      { cache: 'cold', firstRowsMs: 1600 },
      { cache: 'warm', firstRowsMs: 1000 },
      { cache: 'cold', firstRowsMs: 1100 },
      { cache: 'warm', firstRowsMs: 1500 },
      { cache: 'cold', firstRowsMs: 1200 },
      { cache: 'warm', firstRowsMs: 1100 },
      { cache: 'warm', firstRowsMs: null },
    ];
    assert.equal(firstRowsIn(loads, 'cold'), 1200);
    assert.equal(firstRowsIn(loads, 'warm'), 1100);
    assert.equal(firstRowsIn([], 'cold'), null);
  });
});

describe('baselineHtml', () => {
  it('links the SPA stylesheet in place of the marker', () => {
    const html = baselineHtml('<head><!--APP_CSS--></head>', ['/assets/index-abc.css']);
    assert.equal(html, '<head><link rel="stylesheet" href="/assets/index-abc.css" /></head>');
  });
});

describe('bulk mute helpers', () => {
  it('tells the upstream limit from the BFF limit', () => {
    assert.equal(classify429('Datadog rate limit reached; retry in 3 s'), 'upstream');
    assert.equal(classify429('Too many changes; retry in 2 s'), 'bff');
    assert.equal(classify429('something else'), 'unknown');
  });

  it('runs at most `limit` at once, keeps order, and settles failures', async () => {
    let running = 0;
    let most = 0;
    const results = await runLanes([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    assert.equal(most, 3);
    assert.deepEqual(
      results.map((r) => (r.ok ? r.value : r.error.message)),
      [10, 20, 30, 'four', 50, 60, 70],
    );
  });
});

describe('clean-up of the bulk mute', () => {
  const answer = (status, headers = {}) => new Response(status === 204 ? null : '{}', { status, headers });

  it('waits for the rate limit window on 429 and tries again, a few times at most', async () => {
    const replies = { a: [answer(429, { 'X-RateLimit-Reset': '2' }), answer(204)], b: [answer(204)], c: [answer(429), answer(429), answer(429)] };
    const waits = [];
    const result = await cancelDowntimes({
      ddUrl: 'http://local.invalid',
      ddHeaders: {},
      ids: ['a', 'b', 'c'],
      concurrency: 2,
      tries: 3,
      fetchImpl: async (url) => replies[url.split('/').pop()].shift(),
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    assert.equal(result.ok, 2);
    assert.equal(result.failed, 1);
    assert.deepEqual(result.statuses, { 204: 2, 429: 4 });
    assert.deepEqual(waits.sort((x, y) => x - y), [2000, 15000, 15000]);
  });

  it('reads how long to wait from X-RateLimit-Reset, within a cap', () => {
    assert.equal(retryAfterMs(new Headers({ 'x-ratelimit-reset': '3' })), 3000);
    assert.equal(retryAfterMs(new Headers({ 'x-ratelimit-reset': '90' })), 15000);
    assert.equal(retryAfterMs(new Headers()), 15000);
    assert.equal(retryAfterMs(new Headers({ 'x-ratelimit-reset': 'soon' }), 5000), 5000);
  });
});

describe('parseBundleSizeOutput', () => {
  it('reads both lines of scripts/bundle-size.mjs', () => {
    const out =
      'initial route JS (gzip -9): 159.6 KB in 3 file(s): assets/index-x.js, assets/a.js, assets/b.js\n' +
      'whole build JS (gzip -9):   242.6 KB in 41 file(s)\n';
    assert.deepEqual(parseBundleSizeOutput(out), {
      initialBytes: Math.round(159.6 * 1024),
      initialFiles: 3,
      wholeBytes: Math.round(242.6 * 1024),
      wholeFiles: 41,
    });
  });

  it('says so when the output changed shape', () => {
    assert.throws(() => parseBundleSizeOutput('total: 12 KB'), /could not read/);
  });
});

/** A complete result, as run.mjs assembles it, with every target met. */
function goodResult() {
  const lat = (p50, p99) => ({ count: 100, min: p50, p50, p95: p99, p99, max: p99 });
  const page = (firstRows, p95, heap) => ({
    loads: [
      { cache: 'cold', firstRowsMs: firstRows, rowsAtFirst: 40, fcp: 100, lcp: 200, list: { ms: 50, bytes: 1000, cacheHit: false } },
      { cache: 'warm', firstRowsMs: firstRows - 100, rowsAtFirst: 40, fcp: 100, lcp: 200, list: { ms: 10, bytes: 1000, cacheHit: true } },
    ],
    firstRowsColdMs: firstRows,
    firstRowsWarmMs: firstRows - 100,
    rowsInDom: 40,
    heapAfterLoad: { usedSize: heap, totalSize: heap * 2 },
    heapAfterGc: { usedSize: heap / 2, totalSize: heap },
    heapAfterUse: { usedSize: heap, totalSize: heap * 2 },
    keystrokes: { planned: 50, measured: 50, timedOut: 0, samples: [], ...lat(5, p95) },
    scroll: { ms: 30, rowsInDom: 40 },
    scripts: ['/assets/index.js'],
  });
  return {
    command: 'npm run bench',
    date: '2026-01-01T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'CPU', memoryBytes: 8 * 2 ** 30, platform: 'linux', node: 'v20', chromium: '1', loadAtStart: 0.1, loadAtEnd: 0.2 },
    seed: { requested: 10_000, monitors: 10_065, ms: 2000 },
    freshMs: 2000,
    refreshMs: 3_600_000,
    userMutationsPerMinute: 600,
    runSeconds: 200,
    listCold: { bffMs: 900, bffBytes: 2 ** 20, directMs: 800, directBytes: 2 ** 22, directPages: 11 },
    rateLimitProbe: { status: 200, headers: { 'x-ratelimit-limit': '100' }, enforced: true },
    mix: {
      config: { connections: 10, durationSec: 10, warmupSec: 3 },
      pairs: [{ label: 'list monitors with group states', direct: '/d', bff: '/b' }],
      direct: { reqPerSec: 100, ok: 1000, non2xx: 0, errors: 0, statuses: { 200: 1000 }, latency: lat(10, 20), perLabel: { 'list monitors with group states': { ...lat(10, 20), avgBytes: 100 } } },
      bff: { reqPerSec: 95, ok: 950, non2xx: 0, errors: 0, statuses: { 200: 950 }, latency: lat(10.5, 21), perLabel: { 'list monitors with group states': { ...lat(10.5, 21), avgBytes: 50 } } },
    },
    browser: { spa: page(900, 30, 50 * 2 ** 20), baseline: page(500, 10, 5 * 2 ** 20), terms: ['#1'], keystrokeBudgetMs: 90_000 },
    bundle: { script: { initialBytes: 100 * 1024, initialFiles: 1, wholeBytes: 200 * 1024, wholeFiles: 10 }, routeJs: { totalBytes: 150 * 1024, files: [{ path: '/assets/index.js', bytes: 150 * 1024 }] } },
    bulk: { count: 500, concurrency: 4, ms: 4000, ok: 500, failed: 0, statuses: { 200: 500 }, limited: { upstream: 0, bff: 0, unknown: 0 }, downtimeIds: [], errors: [] },
    cleanup: { ms: 1000, ok: 500, failed: 0 },
    memory: { bffRest: 100 * 2 ** 20, bffPeakMix: 200 * 2 ** 20, ddRest: 1, ddPeakMix: 1 },
  };
}

describe('evaluateTargets', () => {
  it('marks every target met for a result inside them', () => {
    const rows = evaluateTargets(goodResult());
    assert.equal(rows.length, 10);
    assert.deepEqual(
      rows.filter((r) => r.met !== true).map((r) => r.what),
      [],
    );
  });

  it('marks each figure over its target NOT met', () => {
    const r = goodResult();
    r.mix.bff.reqPerSec = 70; // 70 % of direct
    r.mix.bff.perLabel['list monitors with group states'].p50 = 12; // +2 ms on that read
    r.browser.spa.firstRowsColdMs = 1600;
    r.browser.spa.keystrokes.p95 = 51;
    r.browser.spa.heapAfterLoad.usedSize = TARGETS.heapBytes + 1;
    r.bundle.routeJs.totalBytes = TARGETS.initialJsBytes + 1;
    r.bulk.ms = 10_001;
    r.bulk.limited.upstream = 1;
    r.memory.bffPeakMix = TARGETS.rssBytes + 1;
    const notMet = evaluateTargets(r).filter((row) => row.met === false).map((row) => row.what);
    assert.equal(notMet.length, 9);
    assert.ok(notMet.every((w) => !w.includes('cache hot')));
  });

  it('never calls a missing figure met', () => {
    const r = goodResult();
    r.mix.bff.latency = summarize([]); // no BFF answer in time
    r.mix.bff.perLabel['list monitors with group states'] = { ...summarize([]), avgBytes: null };
    r.mix.bff.reqPerSec = 0;
    delete r.browser;
    delete r.memory;
    const rows = evaluateTargets(r);
    const byWhat = Object.fromEntries(rows.map((row) => [row.what, row.met]));
    assert.equal(byWhat['BFF throughput vs direct (cached reads, same mix)'], false);
    // The direct side answered that read and the BFF did not: not a missing figure, a miss.
    assert.equal(byWhat['Latency the BFF adds at p50 (the worst of the reads)'], false);
    assert.equal(byWhat['BFF RSS under the mix (peak)'], null);
    assert.ok(rows.filter((row) => row.what.startsWith('First rows')).every((row) => row.met === null));
  });

  it('counts a short bulk mute as not met: fewer than 500 muted', () => {
    const r = goodResult();
    r.bulk.ok = 499;
    r.bulk.failed = 1;
    const row = evaluateTargets(r).find((x) => x.what.startsWith('Bulk mute'));
    assert.equal(row.met, false);
  });

  it('does not call partial keystrokes met, but calls them NOT met once they are already over', () => {
    const r = goodResult();
    r.browser.spa.keystrokes.measured = 20;
    const within = evaluateTargets(r).find((x) => x.what.startsWith('Filter keystroke'));
    assert.equal(within.met, null);
    assert.match(within.note, /only 20 of 50/);
    r.browser.spa.keystrokes.p95 = 900;
    assert.equal(evaluateTargets(r).find((x) => x.what.startsWith('Filter keystroke')).met, false);
  });

  it('notes that "no 429" proves nothing when the local Datadog has no rate limit', () => {
    const r = goodResult();
    r.rateLimitProbe = { status: 200, headers: {}, enforced: false };
    const row = evaluateTargets(r).find((x) => x.what.includes('429'));
    assert.equal(row.met, true);
    assert.match(row.note, /does not enforce a rate limit/);
  });
});

describe('addedP50ByRead', () => {
  it('takes the worst read, not the average over the mix', () => {
    const mix = {
      direct: { perLabel: { list: { p50: 100 }, detail: { p50: 10 } } },
      bff: { perLabel: { list: { p50: 50 }, detail: { p50: 14 } } },
    };
    assert.deepEqual(addedP50ByRead(mix), { perRead: { list: -50, detail: 4 }, worst: 4, worstLabel: 'detail', unanswered: null });
  });

  it('names a read the BFF never answered in time', () => {
    const mix = { direct: { perLabel: { list: { p50: 100 } } }, bff: { perLabel: { list: { p50: null } } } };
    assert.equal(addedP50ByRead(mix).unanswered, 'list');
  });
});

describe('commonKeystrokes', () => {
  it('compares two partial runs over the keystrokes both got to', () => {
    const a = { sequence: [{ key: '#', ms: 10 }, { key: '1', timedOut: true }, { key: '2', ms: 30 }] };
    const b = { sequence: [{ key: '#', ms: 1 }, { key: '1', ms: 2 }] };
    const c = commonKeystrokes(a, b);
    assert.equal(c.n, 2);
    assert.deepEqual([c.a.count, c.a.max], [1, 10]);
    assert.deepEqual([c.b.count, c.b.max], [2, 2]);
  });

  it('is empty when a page measured nothing', () => {
    assert.deepEqual(commonKeystrokes({ sequence: [] }, { sequence: [{ key: '#', ms: 1 }] }), { n: 0, a: null, b: null });
  });
});

describe('renderMarkdown and findings', () => {
  it('writes the command, the machine, every target and a verdict line', () => {
    const r = goodResult();
    r.findings = findings(r);
    const md = renderMarkdown(r);
    assert.match(md, /`npm run bench`/);
    assert.match(md, /2 × CPU/);
    assert.match(md, /Every measured target is met\./);
    for (const row of evaluateTargets(r)) assert.ok(md.includes(row.what), row.what);
  });

  it('names the targets that are not met', () => {
    const r = goodResult();
    r.browser.spa.firstRowsColdMs = 4000;
    r.findings = findings(r);
    const md = renderMarkdown(r);
    assert.match(md, /\*\*1 target\(s\) NOT met:\*\* First rows visible/);
    assert.match(md, /\*\*NOT met\*\*/);
  });

  it('says when the list is not virtualized and when the list is fresh for less than a reload takes', () => {
    const r = goodResult();
    r.browser.spa.rowsInDom = 10_065;
    r.listCold.bffMs = 5000;
    const text = findings(r).join('\n');
    assert.match(text, /not virtualized/);
    assert.match(text, /longer than the list's 2000 ms freshness/);
  });

  it('says nothing about figures it does not have', () => {
    const r = goodResult();
    delete r.browser;
    delete r.listCold;
    delete r.mix;
    const text = findings(r).join('\n');
    assert.doesNotMatch(text, /virtualized|freshness|Keystroke/);
  });
});

/** A traced pass as browser.mjs returns it, with a split whose slowest keystrokes went mostly to script. */
function tracedPass() {
  const parts = (script, style, paint, gc, other, idle, input) => ({ script, style, paint, gc, other, idle, input });
  return {
    planned: 50,
    measured: 50,
    timedOut: 0,
    p50: 30,
    p95: 62,
    sequence: [
      { key: '#', ms: 30 },
      { key: '4', ms: 62 },
      { key: 'Backspace', ms: 45 },
    ],
    dataLoss: false,
    error: null,
    split: {
      all: { count: 50, meanMs: 32, minMs: 10, parts: parts(12, 8, 6, 0.5, 2, 3, 0.5), top: [] },
      slowest: {
        count: 5,
        meanMs: 50,
        minMs: 45,
        parts: parts(20, 12, 8, 0, 4, 5, 1),
        top: [
          { name: 'FunctionCall', part: 'script', ms: 15 },
          { name: 'Layout', part: 'style', ms: 9 },
        ],
      },
    },
  };
}

/** goodResult with the SPA over the keystroke target and the baseline far over it, as measured on 10,000 monitors. */
function slowKeystrokes() {
  const r = goodResult();
  r.browser.spa.keystrokes = { ...r.browser.spa.keystrokes, p50: 37, p95: 53.2, sequence: [{ key: '#', ms: 53.2 }] };
  r.browser.baseline.keystrokes = { ...r.browser.baseline.keystrokes, p50: 87, p95: 4508.7, sequence: [{ key: '#', ms: 4508.7 }] };
  r.browser.baseline.work = { filterSort: { count: 50, p50: 7.1, p95: 393.6 }, dom: { count: 50, p50: 5.3, p95: 383.6 } };
  r.browser.baseline.rowsInDom = 10_065;
  r.browser.spa.traced = tracedPass();
  return r;
}

describe('keystroke findings', () => {
  it('blames the baseline\'s cost on the baseline when the SPA is measured faster', () => {
    const text = findings(slowKeystrokes()).join('\n');
    assert.match(text, /The baseline misses 50 ms by itself: it filters and sorts every monitor again on each key and keeps every matching row in the DOM \(at p95, 393\.6 ms to filter and sort, 383\.6 ms to update the DOM/);
    assert.match(text, /That cost is the baseline's, not the SPA's: the SPA is measured faster \(40 rows in its DOM against the baseline's 10065\)/);
    assert.doesNotMatch(text, /whatever renders them/);
    assert.doesNotMatch(text, /must get cheaper/);
  });

  it('says both miss when the SPA is no faster than the baseline', () => {
    const r = slowKeystrokes();
    r.browser.spa.keystrokes.sequence = [{ key: '#', ms: 5000 }];
    r.browser.spa.keystrokes.p95 = 5000;
    const text = findings(r).join('\n');
    assert.match(text, /Even the baseline misses 50 ms \(at p95, 393\.6 ms to filter and sort.*and the SPA is no faster/);
    assert.match(text, /The list's filter and sort must get cheaper/);
  });

  it('says where the slowest SPA keystrokes went, largest parts first, when the SPA misses', () => {
    const text = findings(slowKeystrokes()).join('\n');
    assert.match(
      text,
      /The SPA misses 50 ms at keystroke p95 \(53\.2 ms\)\. Under tracing \(p95 62\.0 ms\), the slowest 5 of 50 keystrokes took 50\.0 ms on average; on the renderer main thread that went to script 20\.0 ms \(40 %\), style and layout 12\.0 ms \(24 %\), paint and compositing 8\.0 ms \(16 %\), main thread idle 5\.0 ms \(10 %\), other busy time 4\.0 ms \(8 %\), before the keydown was dispatched 1\.0 ms \(2 %\)\./,
    );
    // GC took nothing: not listed.
    assert.doesNotMatch(text, /garbage collection 0/);
    assert.match(text, /busy for 44\.0 of those 50\.0 ms, and JavaScript run for the keystroke .* is the largest part \(largest single trace events: FunctionCall 15\.0 ms, Layout 9\.0 ms\)/);
  });

  it('says whether the measured pass\'s slowest keystrokes are the traced pass\'s', () => {
    const r = slowKeystrokes();
    r.browser.spa.traced.split.slowest.count = 2;
    // Traced: #2 and #3 slowest. Measured: #1 and #2.
    r.browser.spa.keystrokes.sequence = [{ key: '#', ms: 90 }, { key: '4', ms: 60 }, { key: 'Backspace', ms: 10 }];
    assert.match(findings(r).join('\n'), /Only 1 of the measured pass's 2 slowest keystrokes is among the traced pass's 2 slowest \(section 2 lists both\)/);
    r.browser.spa.keystrokes.sequence = [{ key: '#', ms: 10 }, { key: '4', ms: 60 }, { key: 'Backspace', ms: 90 }];
    assert.match(findings(r).join('\n'), /The measured pass's slowest 2 keystrokes are the same ones\./);
    r.browser.spa.keystrokes.sequence = [{ key: '#', ms: 90 }, { key: '4', ms: 1 }, { key: 'Backspace', ms: 1 }, { key: '1', ms: 80 }];
    assert.match(findings(r).join('\n'), /None of the measured pass's 2 slowest keystrokes are among the traced pass's 2 slowest/);
  });

  it('names the largest part whatever it is', () => {
    const r = slowKeystrokes();
    r.browser.spa.traced.split.slowest.parts = { script: 5, style: 25, paint: 8, gc: 0, other: 2, idle: 9, input: 1 };
    assert.match(findings(r).join('\n'), /that went to style and layout 25\.0 ms \(50 %\), main thread idle 9\.0 ms.*style recalculation and layout are the largest part/);
  });

  it('says the split is missing, and why, when tracing failed', () => {
    const r = slowKeystrokes();
    r.browser.spa.traced = { split: null, error: 'the traced pass failed: Protocol error (Tracing.start): Tracing is already started' };
    const text = findings(r).join('\n');
    assert.match(text, /The SPA misses 50 ms at keystroke p95 \(53\.2 ms\), and where that time goes is not known: the traced pass failed: Protocol error \(Tracing\.start\)/);
    delete r.browser.spa.traced;
    assert.match(findings(r).join('\n'), /where that time goes is not known: no traced pass ran/);
  });

  it('adds no split finding when the SPA meets the target', () => {
    const r = goodResult();
    r.browser.spa.traced = tracedPass();
    assert.doesNotMatch(findings(r).join('\n'), /Under tracing|where that time goes/);
  });
});

describe('the keystroke split in the report', () => {
  it('writes the traced pass, the mean split for all and the slowest, and the slowest keys', () => {
    const r = slowKeystrokes();
    r.findings = findings(r);
    const md = renderMarkdown(r);
    assert.match(md, /### Where an SPA keystroke's time goes \(traced pass\)/);
    assert.match(md, /this pass's p50 30\.0 ms, p95 62\.0 ms, 50 of 50 keystrokes measured: not the figures above, and no verdict comes from them/);
    assert.match(md, /\| part \| mean over all 50 keystrokes \(32\.0 ms\) \| mean over the slowest 10 %: 5 keystroke\(s\) of 45\.0 ms or more \(50\.0 ms\) \|/);
    assert.match(md, /\| script \([^|]*\) \| 12\.0 ms \(38 %\) \| 20\.0 ms \(40 %\) \|/);
    assert.match(md, /\| main thread idle \([^|]*\) \| 3\.0 ms \(9 %\) \| 5\.0 ms \(10 %\) \|/);
    assert.match(md, /`FunctionCall` 15\.0 ms \(script\), `Layout` 9\.0 ms \(style and layout\)/);
    assert.match(md, /The slowest traced keystrokes \(position in the plan\): #2 4 62\.0 ms, #3 Backspace 45\.0 ms, #1 # 30\.0 ms; in the measured pass: #1 # 53\.2 ms\./);
    // The sub-section sits in section 2, before the loads.
    assert.ok(md.indexOf('### Where an SPA') > md.indexOf('## 2. The monitor list'));
    assert.ok(md.indexOf('### Where an SPA') < md.indexOf('Loads, SPA:'));
  });

  it('says the split is missing and why', () => {
    const r = slowKeystrokes();
    r.browser.spa.traced = { split: null, error: 'the traced pass failed: Tracing.end did not finish within 120000 ms' };
    const md = renderMarkdown(r);
    assert.match(md, /\*\*The split is missing:\*\* the traced pass failed: Tracing\.end did not finish within 120000 ms\./);
    assert.match(md, /this pass measured no keystroke/);
  });

  it('warns when Chromium lost trace data', () => {
    const r = slowKeystrokes();
    r.browser.spa.traced.dataLoss = true;
    assert.match(renderMarkdown(r), /Chromium reported lost trace data/);
  });

  it('lists the slowest keys by their position in the plan, skipping keys that timed out', () => {
    assert.equal(slowestKeys([{ key: '#', ms: 3 }, { key: '1', timedOut: true }, { key: '2', ms: 9 }], 2), '#3 2 9.0 ms, #1 # 3.0 ms');
    assert.equal(slowestKeys(undefined, 2), '');
  });
});

describe('the bench launches the e2e specs\' Chromium', () => {
  it('reads the executable and flags from playwright.config.ts', () => {
    assert.equal(CHROMIUM_PATH, '/usr/bin/chromium');
    for (const flag of ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']) {
      assert.ok(CHROMIUM_ARGS.includes(flag), flag);
    }
  });

  it('refuses a config whose launch options it cannot read, instead of guessing', () => {
    const ok = `use: {\n    launchOptions: {\n      executablePath: '/opt/chrome',\n      args: ['--a', '--b'],\n    },\n  },\n`;
    assert.deepEqual(chromiumFromPlaywrightConfig(ok), { path: '/opt/chrome', args: ['--a', '--b'] });
    assert.throws(() => chromiumFromPlaywrightConfig(ok.replace("'/opt/chrome'", 'CHROME')), /string literals/);
    assert.throws(() => chromiumFromPlaywrightConfig(ok.replace("['--a', '--b']", 'FLAGS')), /string literals/);
    assert.throws(() => chromiumFromPlaywrightConfig('export default {};'), /string literals/);
  });
});

describe('the BFF memory finding', () => {
  const MiB = 2 ** 20;
  it('says where the RSS went over the target when the mix stayed within it', () => {
    const r = goodResult();
    r.memory = { ...r.memory, bffPeakMix: 240 * MiB, bffPeakBrowser: 390 * MiB, bffPeakBulk: 200 * MiB, bffPeakAll: 390 * MiB };
    const text = findings(r).find((f) => f.includes('peaked higher elsewhere'));
    assert.ok(text, 'a finding about the peak outside the mix');
    assert.match(text, /under the mix \(240\.0 MB\)/);
    assert.match(text, /390\.0 MB in the browser steps/);
    assert.doesNotMatch(text, /bulk mute/);
  });

  it('says nothing more when every peak is within the target', () => {
    const r = goodResult();
    r.memory = { ...r.memory, bffPeakMix: 240 * MiB, bffPeakBrowser: 245 * MiB, bffPeakBulk: 200 * MiB, bffPeakAll: 245 * MiB };
    assert.equal(findings(r).filter((f) => f.includes('RSS')).length, 0);
  });
});
