import { fixed, KB, MB, summarize } from './stats.mjs';
import { SPLIT_PARTS, TRACE_CATEGORIES } from './trace-split.mjs';

/**
 * Targets from issue 8 and the BENCHMARKS.md writer. evaluateTargets is pure:
 * a figure that could not be measured is "not measured", never "met".
 */

export const TARGETS = {
  throughputRatio: 0.8,
  addedP50Ms: 1,
  firstRowsMs: 1500,
  keystrokeP95Ms: 50,
  heapBytes: 200 * MB,
  initialJsBytes: 170 * KB,
  bulkMuteMs: 10_000,
  bulkMuteCount: 500,
  rssBytes: 250 * MB,
};

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
/** a − b, or null when either is missing (null would otherwise count as 0). */
const diff = (a, b) => (isNum(a) && isNum(b) ? a - b : null);
const ratioOf = (a, b) => (isNum(a) && isNum(b) && b > 0 ? a / b : null);
const ms = (v) => (isNum(v) ? `${fixed(v, 1)} ms` : 'n/a');
const mb = (v) => (isNum(v) ? `${fixed(v / MB, 1)} MB` : 'n/a');
const kb = (v) => (isNum(v) ? `${fixed(v / KB, 1)} KB` : 'n/a');
const pct = (v) => (isNum(v) ? `${fixed(v * 100, 1)} %` : 'n/a');

function verdict(value, ok) {
  if (!isNum(value)) return null;
  return ok;
}

/** One row per target: { what, target, value, met (true | false | null = not measured), note }. */
export function evaluateTargets(r) {
  const rows = [];
  const mix = r.mix;
  const ratio = mix ? ratioOf(mix.bff.reqPerSec, mix.direct.reqPerSec) : null;
  const added = mix ? addedP50ByRead(mix) : null;
  const addedP50 = added?.worst ?? null;
  rows.push({
    what: 'BFF throughput vs direct (cached reads, same mix)',
    target: `≥ ${pct(TARGETS.throughputRatio)}`,
    value: mix ? `${pct(ratio)} (${fixed(mix.bff.reqPerSec)} vs ${fixed(mix.direct.reqPerSec)} req/s)` : 'n/a',
    met: verdict(ratio, ratio >= TARGETS.throughputRatio),
  });
  rows.push({
    what: 'Latency the BFF adds at p50 (the worst of the reads)',
    target: `≤ ${ms(TARGETS.addedP50Ms)}`,
    value: added?.unanswered ? `no answer in time to "${added.unanswered}"` : added?.worstLabel ? `${ms(addedP50)} ("${added.worstLabel}")` : 'n/a',
    met: added?.unanswered ? false : verdict(addedP50, addedP50 <= TARGETS.addedP50Ms),
  });
  const spa = r.browser?.spa;
  rows.push({
    what: `First rows visible, ${r.seed?.monitors ?? '?'} monitors (BFF list cache expired, the usual case; median of ${loadCount(spa, 'cold')} loads)`,
    target: `≤ ${ms(TARGETS.firstRowsMs)}`,
    value: ms(spa?.firstRowsColdMs),
    met: verdict(spa?.firstRowsColdMs, spa?.firstRowsColdMs <= TARGETS.firstRowsMs),
  });
  rows.push({
    what: `First rows visible, ${r.seed?.monitors ?? '?'} monitors (BFF list cache hot; median of ${loadCount(spa, 'warm')} loads)`,
    target: `≤ ${ms(TARGETS.firstRowsMs)}`,
    value: ms(spa?.firstRowsWarmMs),
    met: verdict(spa?.firstRowsWarmMs, spa?.firstRowsWarmMs <= TARGETS.firstRowsMs),
  });
  const ks = spa?.keystrokes;
  const ksComplete = ks && ks.measured === ks.planned;
  rows.push({
    what: `Filter keystroke → list updated, p95 over ${ks?.planned ?? 50} keystrokes (${r.seed?.monitors ?? '?'} monitors)`,
    target: `≤ ${ms(TARGETS.keystrokeP95Ms)}`,
    value: ks ? `${ms(ks.p95)} (${ks.measured}/${ks.planned} measured)` : 'n/a',
    met: ks && ksComplete ? verdict(ks.p95, ks.p95 <= TARGETS.keystrokeP95Ms) : ks && ks.measured > 0 && ks.p95 > TARGETS.keystrokeP95Ms ? false : null,
    note: ks && !ksComplete ? `only ${ks.measured} of ${ks.planned} keystrokes measured within the time budget${ks.timedOut ? `, ${ks.timedOut} without a list update in time` : ''}` : undefined,
  });
  const heap = spa?.heapAfterLoad?.usedSize;
  rows.push({
    what: `JS heap after load, ${r.seed?.monitors ?? '?'} monitors (used, no forced GC)`,
    target: `≤ ${mb(TARGETS.heapBytes)}`,
    value: mb(heap),
    met: verdict(heap, heap <= TARGETS.heapBytes),
  });
  const js = r.bundle?.routeJs?.totalBytes;
  rows.push({
    what: 'JS the first route (/monitors) loads, gzip -9',
    target: `≤ ${kb(TARGETS.initialJsBytes)}`,
    value: kb(js),
    met: verdict(js, js <= TARGETS.initialJsBytes),
  });
  const bm = r.bulk;
  const bmOk = bm && bm.ok === TARGETS.bulkMuteCount && bm.count === TARGETS.bulkMuteCount;
  rows.push({
    what: `Bulk mute of ${TARGETS.bulkMuteCount} monitors through the BFF`,
    target: `≤ ${fixed(TARGETS.bulkMuteMs / 1000, 0)} s, all muted`,
    value: bm ? `${fixed(bm.ms / 1000, 2)} s (${bm.ok}/${bm.count} muted)` : 'n/a',
    met: bm ? bmOk && bm.ms <= TARGETS.bulkMuteMs : null,
  });
  rows.push({
    what: '… with no 429 from upstream',
    target: '0',
    value: bm ? `${bm.limited.upstream}` : 'n/a',
    met: bm ? bm.limited.upstream === 0 : null,
    note:
      r.rateLimitProbe && !r.rateLimitProbe.enforced
        ? 'the local Datadog sent no X-RateLimit-* headers: it does not enforce a rate limit yet, so this check proves nothing'
        : undefined,
  });
  const rss = r.memory?.bffPeakMix;
  rows.push({
    what: 'BFF RSS under the mix (peak)',
    target: `≤ ${mb(TARGETS.rssBytes)}`,
    value: mb(rss),
    met: verdict(rss, rss <= TARGETS.rssBytes),
  });
  return rows;
}

/**
 * The p50 the BFF adds, per read of the mix, and the worst of them: an
 * average over reads of very different weight would hide a slow one. A read
 * the BFF never answered in time, where the direct side did, is "unanswered".
 */
export function addedP50ByRead(mix) {
  const perRead = {};
  let worst = null;
  let worstLabel = null;
  let unanswered = null;
  for (const [label, d] of Object.entries(mix.direct.perLabel ?? {})) {
    const b = mix.bff.perLabel?.[label];
    if (isNum(d.p50) && !isNum(b?.p50)) unanswered ??= label;
    const added = diff(b?.p50, d.p50);
    perRead[label] = added;
    if (isNum(added) && (worst === null || added > worst)) {
      worst = added;
      worstLabel = label;
    }
  }
  return { perRead, worst, worstLabel, unanswered };
}

/** p50/p95 over the keystrokes both pages got to (the first n tried by each), so partial runs compare like for like. */
export function commonKeystrokes(a, b) {
  const n = Math.min(a?.sequence?.length ?? 0, b?.sequence?.length ?? 0);
  const over = (k) => k.sequence.slice(0, n).filter((s) => isNum(s.ms)).map((s) => s.ms);
  return { n, a: n ? summarize(over(a)) : null, b: n ? summarize(over(b)) : null };
}

const mark = (met) => (met === true ? 'met' : met === false ? '**NOT met**' : 'not measured');

function targetTable(rows) {
  const lines = ['| figure | target | measured | verdict |', '|---|---|---|---|'];
  for (const row of rows) {
    lines.push(`| ${row.what} | ${row.target} | ${row.value} | ${mark(row.met)}${row.note ? ` (${row.note})` : ''} |`);
  }
  return lines.join('\n');
}

function mixTable(mix) {
  const lines = [
    '| side | req/s | p50 | p99 | max | 2xx | non-2xx | errors |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [side, res] of [
    ['direct (local Datadog)', mix.direct],
    ['through the BFF', mix.bff],
  ]) {
    lines.push(
      `| ${side} | ${fixed(res.reqPerSec)} | ${ms(res.latency.p50)} | ${ms(res.latency.p99)} | ${ms(res.latency.max)} | ${res.ok} | ${res.non2xx} | ${res.errors} |`,
    );
  }
  return lines.join('\n');
}

function perLabelTable(mix, pairs) {
  const lines = [
    '| read | direct request | direct p50 / p99 | direct size | BFF request | BFF p50 / p99 | BFF size | added at p50 / p99 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const pair of pairs) {
    const d = mix.direct.perLabel[pair.label] ?? {};
    const b = mix.bff.perLabel[pair.label] ?? {};
    lines.push(
      `| ${pair.label} | \`${pair.direct}\` | ${ms(d.p50)} / ${ms(d.p99)} | ${kb(d.avgBytes)} | \`${pair.bff}\` | ${ms(b.p50)} / ${ms(b.p99)} | ${kb(b.avgBytes)} | ${ms(diff(b.p50, d.p50))} / ${ms(diff(b.p99, d.p99))} |`,
    );
  }
  return lines.join('\n');
}

function browserTable(spa, base) {
  const row = (what, a, b, fmt) => `| ${what} | ${fmt(a)} | ${fmt(b)} | ${isNum(a) && isNum(b) && b > 0 ? `${fixed(a / b, 2)}×` : 'n/a'} |`;
  const common = commonKeystrokes(spa.keystrokes, base.keystrokes);
  const over = `over the first ${common.n} keystrokes (both pages)`;
  return [
    '| figure | SPA | baseline (plain HTML) | SPA ÷ baseline |',
    '|---|---|---|---|',
    row('first rows visible, BFF cache expired (median)', spa.firstRowsColdMs, base.firstRowsColdMs, ms),
    row('first rows visible, BFF cache hot (median)', spa.firstRowsWarmMs, base.firstRowsWarmMs, ms),
    row(`keystroke → list updated, p50 ${over}`, common.a?.p50, common.b?.p50, ms),
    row(`keystroke → list updated, p95 ${over}`, common.a?.p95, common.b?.p95, ms),
    row(`keystroke → list updated, max ${over}`, common.a?.max, common.b?.max, ms),
    row('scroll to the end', spa.scroll?.ms, base.scroll?.ms, ms),
    row('JS heap used after load', spa.heapAfterLoad.usedSize, base.heapAfterLoad.usedSize, mb),
    row('JS heap used after a forced GC', spa.heapAfterGc.usedSize, base.heapAfterGc.usedSize, mb),
    row('JS heap used after typing and scrolling', spa.heapAfterUse.usedSize, base.heapAfterUse.usedSize, mb),
    row('monitor rows in the DOM', spa.rowsInDom, base.rowsInDom, (v) => (isNum(v) ? String(v) : 'n/a')),
  ].join('\n');
}

/** What each part of the keystroke split holds, for the report's table. */
const PART_NOTES = {
  script: 'event handlers, timers, animation frames, microtasks: the app, React and the browser\'s own event dispatch',
  style: 'style recalculation, layout, hit tests',
  paint: 'pre-paint, paint, layerize, commit to the compositor',
  gc: 'V8 garbage collection on the main thread',
  other: 'inside a task but outside the named events: scheduler, input and IPC handling',
  idle: 'nothing ran on the main thread: waiting for the next frame or for other threads',
  input: 'from the browser taking the key in to the page dispatching the keydown',
};

/** "8.3 ms (33 %)": a part's mean and its share of the keystroke's mean time. */
const msShare = (v, total) => (isNum(v) ? `${fixed(v, 1)} ms${isNum(total) && total > 0 ? ` (${fixed((v / total) * 100, 0)} %)` : ''}` : 'n/a');

/** The `n` slowest keystrokes of a sequence, slowest first, with their 1-based positions in the plan; timed-out keys are skipped. */
export function slowestEntries(sequence, n) {
  return (sequence ?? [])
    .map((s, i) => ({ ...s, position: i + 1 }))
    .filter((s) => isNum(s.ms))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
}

/** "#47 Backspace 44.4 ms, …": the slowest keystrokes of a sequence. */
export function slowestKeys(sequence, n) {
  return slowestEntries(sequence, n)
    .map((s) => `#${s.position} ${s.key} ${fixed(s.ms, 1)} ms`)
    .join(', ');
}

/** Section 2's sub-section: where the SPA's keystrokes spend their time, from the traced pass. */
function keystrokeSplitSection(spa) {
  const out = ['### Where an SPA keystroke\'s time goes (traced pass)', ''];
  const t = spa.traced;
  if (!t) {
    out.push('No traced pass ran, so the keystroke time is not split.');
    return out;
  }
  const pass = isNum(t.p95)
    ? `this pass's p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, ${t.measured} of ${t.planned} keystrokes measured`
    : 'this pass measured no keystroke';
  out.push(
    `After the measured pass and every other figure above, the SPA's list is loaded again (same browser context, prepared as before: a second, a forced GC) and the same keystrokes typed the same way, with Chromium tracing on (CDP \`Tracing.start\`, categories \`${TRACE_CATEGORIES}\`). Tracing slows the page, so ${pass}: not the figures above, and no verdict comes from them; they show where the time goes. Each keystroke's measured time is split on the renderer main thread, from the keydown's dispatch to the end of the measured time: every moment goes to the innermost trace event running then (self time, so nested events count once); a moment with nothing running is idle. The time before the keydown was dispatched is shown apart.`,
  );
  out.push('');
  if (!t.split) {
    out.push(`**The split is missing:** ${t.error ?? 'no reason recorded'}.`);
    return out;
  }
  const { all, slowest } = t.split;
  out.push(
    `| part | mean over all ${all.count} keystrokes (${ms(all.meanMs)}) | mean over the slowest 10 %: ${slowest.count} keystroke(s) of ${ms(slowest.minMs)} or more (${ms(slowest.meanMs)}) |`,
  );
  out.push('|---|---|---|');
  for (const p of SPLIT_PARTS) {
    out.push(`| ${p.label} (${PART_NOTES[p.key]}) | ${msShare(all.parts[p.key], all.meanMs)} | ${msShare(slowest.parts[p.key], slowest.meanMs)} |`);
  }
  out.push('');
  const label = (key) => SPLIT_PARTS.find((p) => p.key === key)?.label ?? key;
  out.push(
    `Largest single trace events in the slowest ${slowest.count} (self time, mean per keystroke): ${slowest.top.map((x) => `\`${x.name}\` ${fixed(x.ms, 1)} ms (${label(x.part)})`).join(', ')}.`,
  );
  out.push(
    `The slowest traced keystrokes (position in the plan): ${slowestKeys(t.sequence, slowest.count)}; in the measured pass: ${slowestKeys(spa.keystrokes.sequence, slowest.count)}.`,
  );
  if (t.dataLoss) out.push('Chromium reported lost trace data (its buffer filled), so the busy parts may be undercounted and idle overcounted.');
  return out;
}

/** How many loads of a page kind were in one cache state ('?' when unknown). */
const loadCount = (page, cache) => page?.loads?.filter((l) => l.cache === cache).length ?? '?';

function loadsTable(page) {
  const lines = ['| load | BFF list cache | first rows | FCP | LCP | GET /api/monitors | its size | served from BFF cache |', '|---|---|---|---|---|---|---|---|'];
  page.loads.forEach((l, i) => {
    lines.push(
      `| ${i + 1} | ${l.cache} | ${ms(l.firstRowsMs)} | ${ms(l.fcp)} | ${ms(l.lcp)} | ${ms(l.list?.ms)} | ${mb(l.list?.bytes)} | ${l.list?.cacheHit === null || l.list?.cacheHit === undefined ? 'n/a' : l.list.cacheHit ? 'yes' : 'no'} |`,
    );
  });
  return lines.join('\n');
}

/** BENCHMARKS.md as a string. */
export function renderMarkdown(r) {
  const rows = evaluateTargets(r);
  const notMet = rows.filter((x) => x.met === false);
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(`Written by \`${r.command}\` on ${r.date}. Every figure below comes from that one run.`);
  out.push('');
  out.push(`- Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${mb(r.machine.memoryBytes)} memory, ${r.machine.platform}`);
  out.push(`- Node ${r.machine.node}, Chromium ${r.machine.chromium ?? 'n/a'} (Playwright library, headless)`);
  out.push(
    `- 1-minute load average: ${fixed(r.machine.loadAtStart, 2)} when the bench started, ${fixed(r.machine.loadAtEnd, 2)} when it ended, on ${r.machine.cpus} cores. The bench's own processes (local Datadog, BFF, Chromium, load generator) share those cores; any other work on the machine slows every figure.`,
  );
  out.push(`- Bench run time: ${fixed(r.runSeconds, 0)} s, including seeding the local Datadog`);
  out.push(`- Local Datadog: ${r.seed.monitors} monitors (${r.seed.requested} generated with about 20 groups each, plus the demo org), seeded and answering in ${fixed(r.seed.ms / 1000, 1)} s`);
  out.push('- Units: 1 KB = 1,024 bytes, 1 MB = 1,048,576 bytes; latencies are exact percentiles over every sample.');
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(targetTable(rows));
  out.push('');
  out.push(
    notMet.length === 0
      ? 'Every measured target is met.'
      : `**${notMet.length} target(s) NOT met:** ${notMet.map((x) => x.what).join('; ')}.`,
  );
  if (r.findings?.length) {
    out.push('');
    out.push('What the figures point at:');
    out.push('');
    for (const f of r.findings) out.push(`- ${f}`);
  }

  if (r.mix) {
    out.push('');
    out.push('## 1. BFF overhead');
    out.push('');
    out.push(
      `autocannon, ${r.mix.config.connections} connections, one request in flight per connection, ${r.mix.config.warmupSec} s warm-up then ${r.mix.config.durationSec} s measured per side; every connection cycles through the same ${r.mix.pairs.length} reads in order. Both sides run on this machine with the local Datadog (and autocannon) sharing its ${r.machine.cpus} cores.`,
    );
    out.push('');
    out.push(mixTable(r.mix));
    out.push('');
    out.push(
      `Over the whole mix the BFF adds ${ms(diff(r.mix.bff.latency.p50, r.mix.direct.latency.p50))} at p50 and ${ms(diff(r.mix.bff.latency.p99, r.mix.direct.latency.p99))} at p99; throughput ratio ${pct(ratioOf(r.mix.bff.reqPerSec, r.mix.direct.reqPerSec))}. The mix's reads weigh very differently, so the target is checked per read below (the worst one counts). Requests still in flight when a side's time is up are not counted.`,
    );
    out.push('');
    out.push('Per read (the same run):');
    out.push('');
    out.push(perLabelTable(r.mix, r.mix.pairs));
    out.push('');
    out.push('What each side does:');
    out.push('');
    out.push(`- **Direct**: the upstream call the BFF itself makes for each read, sent straight to the local Datadog with its keys. The list is one page (\`page_size=1000\`) of the ${r.seed.monitors} monitors with every group's state; the local Datadog answers each call from SQLite, uncached.`);
    out.push(`- **Through the BFF**: a signed-in session (cookie + \`X-CSRF: 1\`), so every request also pays for session lookup, role check, audit context and logging (\`WATCHDECK_LOG_LEVEL\` left at its default). \`GET /api/monitors\` answers **all ${r.seed.monitors} monitors** (the BFF pages through the upstream itself: ${r.listCold?.directPages ?? '?'} calls of 1000) mapped to summaries; \`GET /api/monitors/:id\` answers one monitor with its groups and the downtimes that target it (upstream: the monitor, plus the downtime list). The BFF has no read that returns only a monitor's downtime matches, so the third read is that detail route for a muted monitor, next to the upstream's \`downtime_matches\` call.`);
    out.push(`- The BFF keeps the monitor list for ${r.freshMs ?? '?'} ms (a snapshot per role, concurrent loads of one key coalesced); after that, up to ${r.revalidateMs ?? '?'} ms old, it answers with the kept list at once while one reload runs in the background. So "cached reads" include the reloads that happen during the run, as they happen. "BFF list cache expired" in the browser step means that case: a list older than ${r.freshMs ?? '?'} ms, answered from the snapshot while it reloads.`);
    out.push("- The pairs are not byte-for-byte equal: the BFF's list carries every monitor as a summary (group counts, mute state), the direct page 1000 monitors with all their groups (sizes above).");
    if (r.listCold) {
      out.push('');
      out.push(
        `One full list with nothing cached: through the BFF ${ms(r.listCold.bffMs)} (${mb(r.listCold.bffBytes)}); the same ${r.listCold.directPages} upstream pages fetched directly one after another ${ms(r.listCold.directMs)} (${mb(r.listCold.directBytes)}).`,
      );
    }
  }

  if (r.browser) {
    const { spa, baseline } = r.browser;
    out.push('');
    out.push('## 2. The monitor list at scale (Chromium)');
    out.push('');
    out.push(
      `Viewport 1400×900, signed in as admin, a fresh browser context (empty HTTP cache) per load; the loads take the BFF cache states in turns (expired, hot, expired, ...), and each first-rows figure is the median of its state's loads. "First rows" is measured in the page from navigation start to the frame after the first row of the table named "Monitors" holding a monitor link became visible. Each keystroke is timed in the page from its keydown to the frame after the first change to that table (one at a time, the page settled in between); the ${spa.keystrokes.planned} keystrokes type and delete monitor numbers (\`${r.browser.terms.join('`, `')}\`), so every one changes the matching set (from all monitors down to one and back), with a budget of ${fixed(r.browser.keystrokeBudgetMs / 1000, 0)} s per page: the SPA got through ${spa.keystrokes.measured}, the baseline ${baseline.keystrokes.measured}. "Scroll to the end" jumps the list's scroll container to the bottom and waits until the last row is visible and the table has not changed for a frame. The heap is V8's used heap of the page (CDP \`Runtime.getHeapUsage\`).`,
    );
    out.push('');
    out.push(browserTable(spa, baseline));
    out.push('');
    out.push(
      `The baseline (\`scripts/bench/baseline.html\`) fetches the same \`GET /api/monitors\` with the same session, filters and sorts the same way on every keystroke, and shows the same rows and cells with the SPA's stylesheet and class names: every row is made once (one \`innerHTML\`), and a keystroke only removes and inserts the rows that change, as a keyed list does. No framework, no virtualization. What the SPA spends beyond it is the framework's and the components' share.`,
    );
    if (baseline.work?.filterSort?.count) {
      out.push('');
      out.push(
        `Inside the baseline's keystrokes (${baseline.work.filterSort.count} renders), filtering and sorting, the same work the SPA does per keystroke, took ${ms(baseline.work.filterSort.p50)} at p50 and ${ms(baseline.work.filterSort.p95)} at p95; updating the DOM took ${ms(baseline.work.dom.p50)} and ${ms(baseline.work.dom.p95)} (style, layout and paint come after, inside the keystroke figure).`,
      );
    }
    out.push('');
    out.push(...keystrokeSplitSection(spa));
    out.push('');
    out.push('Loads, SPA:');
    out.push('');
    out.push(loadsTable(spa));
    out.push('');
    out.push('Loads, baseline:');
    out.push('');
    out.push(loadsTable(baseline));
  }

  if (r.bundle) {
    out.push('');
    out.push('## 3. Bundle');
    out.push('');
    out.push(`- JS fetched by Chromium to show /monitors, gzip -9: **${kb(r.bundle.routeJs.totalBytes)}** in ${r.bundle.routeJs.files.length} file(s): ${r.bundle.routeJs.files.map((f) => `\`${f.path}\` ${kb(f.bytes)}`).join(', ')}`);
    out.push(`- \`scripts/bundle-size.mjs\` (what index.html loads or preloads): ${kb(r.bundle.script.initialBytes)} in ${r.bundle.script.initialFiles} file(s)`);
    out.push(`- Whole build, gzip -9: **${kb(r.bundle.script.wholeBytes)}** in ${r.bundle.script.wholeFiles} file(s)`);
  }

  if (r.bulk) {
    const b = r.bulk;
    out.push('');
    out.push('## 4. Bulk mute');
    out.push('');
    out.push(
      `${b.count} \`POST /api/monitors/:id/mute\` through the BFF (scope \`*\`, 1 h, with a reason), ${b.concurrency} at a time like the SPA's bulk mute dialog: **${fixed(b.ms / 1000, 2)} s**, ${b.ok} muted, ${b.failed} failed; statuses ${JSON.stringify(b.statuses)}; 429s: ${b.limited.upstream} from upstream, ${b.limited.bff} from the BFF's own per-user limit.`,
    );
    if (b.errors.length) out.push(`First errors: ${b.errors.map((e) => `\`${e}\``).join('; ')}`);
    out.push('');
    const p = r.rateLimitProbe;
    out.push(
      p?.enforced
        ? `The local Datadog announces a rate limit on downtime creation: ${Object.entries(p.headers).map(([k, v]) => `\`${k}: ${v}\``).join(', ')}.`
        : `The local Datadog sent no \`X-RateLimit-*\` headers on \`POST /api/v2/downtime\` (status ${p?.status ?? 'n/a'}): it does not enforce a rate limit yet, so "no 429 from upstream" cannot fail here.`,
    );
    out.push(
      `The BFF's own limit is ${r.userMutationsPerMinute ?? '?'} changes per user per minute (the burst as large): a ${b.count}-monitor mute uses ${b.count} of them, so muting and then unmuting ${b.count} monitors within a minute through the BFF would be refused with 429. The bench therefore cancels the ${b.downtimeIds.length} downtimes straight on the local Datadog (${fixed(r.cleanup?.ms / 1000, 2)} s, ${r.cleanup?.ok ?? 0} cancelled, ${r.cleanup?.failed ?? 0} failed).`,
    );
  }

  if (r.memory) {
    const m = r.memory;
    out.push('');
    out.push('## 5. Memory');
    out.push('');
    out.push(`VmRSS from /proc, sampled every 100 ms from a worker thread.`);
    out.push('');
    out.push('| process | at rest (started, signed in) | peak during the mix through the BFF | peak in the browser steps | peak during bulk mute | peak over the run |');
    out.push('|---|---|---|---|---|---|');
    out.push(`| BFF | ${mb(m.bffRest)} | ${mb(m.bffPeakMix)} | ${mb(m.bffPeakBrowser)} | ${mb(m.bffPeakBulk)} | ${mb(m.bffPeakAll)} |`);
    out.push(`| local Datadog | ${mb(m.ddRest)} | ${mb(m.ddPeakMix)} | ${mb(m.ddPeakBrowser)} | ${mb(m.ddPeakBulk)} | ${mb(m.ddPeakAll)} |`);
  }

  out.push('');
  out.push('## How it runs');
  out.push('');
  out.push(
    `\`npm run bench\` builds the SPA (\`npm run build\`), then \`scripts/bench/run.mjs\` starts a standalone local Datadog (\`src/sandbox/main.ts\`, \`SANDBOX_SEED_MONITORS=${r.seed.requested}\`, a temporary \`WATCHDECK_DATA_DIR\`) and the BFF pointed at it (\`DD_API_URL\`, keys, a known admin password, \`WATCHDECK_REFRESH_MS=${r.refreshMs}\` so no background refresh lands inside a measurement), both on 127.0.0.1 ports in 18xxx, then runs the steps above in order and stops both. Options: \`node scripts/bench/run.mjs --help\`.`,
  );
  out.push('');
  return out.join('\n');
}
