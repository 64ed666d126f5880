import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';
import { median, summarize } from './stats.mjs';
import { splitKeystrokes, TRACE_CATEGORIES } from './trace-split.mjs';

/**
 * The monitor list in Chromium (Playwright's library API), next to a
 * plain-HTML baseline page that renders the same rows from the same JSON.
 * Both pages get the same probe (page-probe.js) and the same steps.
 */

const VIEWPORT = { width: 1400, height: 900 };

const PROBE = fileURLToPath(new URL('./page-probe.js', import.meta.url));
export const BASELINE_PATH = '/__bench/baseline.html';

/**
 * The filter keystrokes: rounds of typing a generated monitor's number
 * ("#4821" at 10,000 monitors) and deleting it again. Every keystroke changes
 * the matching set (all, ~10,000, ~1,100, ~110, ~11, 1 and back), so each one
 * must update the list. The numbers sit at fixed fractions of the count.
 */
export const KEYSTROKES = 50;
const TERM_FRACTIONS = [0.4821, 0.1375, 0.9034, 0.2667, 0.715, 0.5913, 0.3042, 0.8456];

export function searchTerms(generated, keystrokes = KEYSTROKES) {
  if (!(generated >= 1)) throw new Error('searchTerms: need at least one generated monitor');
  const terms = [];
  let keys = 0;
  for (let i = 0; keys < keystrokes; i++) {
    const n = Math.max(1, Math.ceil(TERM_FRACTIONS[i % TERM_FRACTIONS.length] * generated));
    const term = `#${n}`;
    terms.push(term);
    keys += term.length * 2;
  }
  return terms;
}

export function keystrokePlan(terms, keystrokes = KEYSTROKES) {
  const keys = [];
  for (const term of terms) {
    for (const ch of term) keys.push(ch);
    for (let i = 0; i < term.length; i++) keys.push('Backspace');
  }
  return keys.slice(0, keystrokes);
}

/** The baseline HTML with the SPA's stylesheet linked in (so layout costs compare). */
export function baselineHtml(template, cssHrefs) {
  const links = cssHrefs.map((href) => `<link rel="stylesheet" href="${href}" />`).join('\n    ');
  return template.replace('<!--APP_CSS-->', links);
}

async function signedInContext(browser, { baseUrl, username, password }) {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl });
  await context.addInitScript({ path: PROBE });
  const res = await context.request.post('/api/session', {
    headers: { 'X-CSRF': '1' },
    data: { username, password },
  });
  if (res.status() !== 200) throw new Error(`browser sign-in failed: ${res.status()} ${await res.text()}`);
  return context;
}

/** Makes the BFF's list cache hot (a read right before the page asks) or lets it expire (wait past its TTL). */
async function setListCache(context, cache, freshMs) {
  if (cache === 'warm') {
    const res = await context.request.get('/api/monitors', { headers: { 'X-CSRF': '1' }, timeout: 120_000 });
    if (res.status() !== 200) throw new Error(`warming GET /api/monitors failed: ${res.status()}`);
    await res.body();
  } else {
    await sleep(freshMs + 500);
  }
}

async function heapUsage(cdp) {
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedSize, totalSize };
}

/** One navigation to `url` until the first monitor rows are visible; the page stays open. */
async function loadList(context, url, { timeoutMs, recordScripts }) {
  const page = await context.newPage();
  const scripts = [];
  let listResponse = null;
  page.on('response', (response) => {
    const req = response.request();
    if (recordScripts && req.resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    if (new URL(response.url()).pathname === '/api/monitors' && req.method() === 'GET') listResponse = response;
  });
  const sentAt = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  try {
    await page.waitForFunction(() => window.__bench?.state.firstRowAt !== null, null, { timeout: timeoutMs, polling: 50 });
  } catch (err) {
    const title = await page.title().catch(() => '?');
    throw new Error(`no monitor row became visible at ${url} within ${timeoutMs} ms (page title "${title}"): ${err.message}`);
  }
  const probe = await page.evaluate(() => ({ ...window.__bench.state }));
  let list = null;
  if (listResponse) {
    const timing = listResponse.request().timing();
    const body = await listResponse.body();
    let fetchedAt = null;
    try {
      fetchedAt = JSON.parse(body.toString('utf8')).fetchedAt ?? null;
    } catch {
      // Not JSON: the probe would have failed already.
    }
    // A cache hit was fetched from upstream before this page asked for it.
    const requestedAt = timing.startTime > 0 ? timing.startTime : sentAt;
    list = {
      // responseEnd is ms after the request started (-1 when unknown).
      ms: timing.responseEnd >= 0 ? timing.responseEnd : null,
      bytes: body.length,
      cacheHit: typeof fetchedAt === 'number' ? fetchedAt < requestedAt : null,
    };
  }
  return { page, probe, scripts, list };
}

/** Clicks into the search box, empties it and lets the page settle (two frames). */
async function emptySearch(page) {
  const box = page.getByRole('searchbox', { name: /^search/i }).first();
  await box.click();
  await box.fill('');
  await page.evaluate(() => window.__bench.afterNextFrame().then(() => window.__bench.afterNextFrame()));
}

/**
 * Types `plan` into the focused search box, one key at a time, until the
 * deadline; each timed in the page from keydown to the frame after the list
 * changed. Returns every key tried, in order: { key, ms, inputDelayMs } or
 * { key, timedOut: true }.
 */
async function typeKeys(page, plan, { perKeyTimeoutMs, deadline }) {
  const sequence = [];
  for (const key of plan) {
    if (Date.now() > deadline) break;
    await page.evaluate((t) => window.__bench.armKeystroke(t), perKeyTimeoutMs);
    await page.keyboard.press(key);
    const r = await page.evaluate(() => window.__bench.keystrokeDone());
    sequence.push(r?.timedOut ? { key, timedOut: true } : { key, ms: r.ms, inputDelayMs: r.inputDelayMs });
    // Let the page settle (two frames) so one keystroke's work does not spill into the next.
    await page.evaluate(() => window.__bench.afterNextFrame().then(() => window.__bench.afterNextFrame()));
  }
  return sequence;
}

/** Counts and percentiles of a typed sequence; the report compares pages over a common prefix of `sequence`. */
function keystrokeSummary(plan, sequence) {
  const samples = sequence.filter((s) => !s.timedOut).map((s) => s.ms);
  return { planned: plan.length, measured: samples.length, timedOut: sequence.length - samples.length, samples, sequence, ...summarize(samples) };
}

/** 50 keystrokes into the search box; each timed in the page from keydown to the frame after the list changed. */
async function timeKeystrokes(page, { terms, perKeyTimeoutMs, budgetMs }) {
  await emptySearch(page);
  const plan = keystrokePlan(terms);
  const sequence = await typeKeys(page, plan, { perKeyTimeoutMs, deadline: Date.now() + budgetMs });
  return keystrokeSummary(plan, sequence);
}

/** How long ending the trace and reading it back may take. */
const TRACE_READ_TIMEOUT_MS = 120_000;

/** `promise`, or an error naming `what` after `ms`. */
async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends tracing and reads the whole trace back through the stream CDP hands out (IO.read). */
async function endTracing(cdp) {
  const deadline = Date.now() + TRACE_READ_TIMEOUT_MS;
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await within(cdp.send('Tracing.end'), TRACE_READ_TIMEOUT_MS, 'Tracing.end');
  const { stream, dataLossOccurred } = await within(complete, Math.max(1, deadline - Date.now()), 'Tracing.tracingComplete');
  if (!stream) throw new Error('Tracing.tracingComplete handed out no stream');
  const chunks = [];
  try {
    for (;;) {
      const { data, eof, base64Encoded } = await within(
        cdp.send('IO.read', { handle: stream, size: 1 << 20 }),
        Math.max(1, deadline - Date.now()),
        'reading the trace (IO.read)',
      );
      chunks.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
      if (eof) break;
    }
  } finally {
    await within(cdp.send('IO.close', { handle: stream }), 5000, 'IO.close').catch(() => {});
  }
  return { text: Buffer.concat(chunks).toString('utf8'), dataLoss: dataLossOccurred === true };
}

/**
 * The same keystroke plan again, typed the same way, with Chromium tracing
 * on, then each keystroke's time split by what the renderer main thread did
 * (trace-split.mjs). Tracing slows the page: these times only say where the
 * time goes; the verdict comes from the untraced pass. It types into a page
 * loaded afresh and prepared as the measured pass's was (a second, a forced
 * GC), so cold first keystrokes are traced too. Bounded like the measured
 * pass: the same per-key timeout and budget, plus a bounded read of the trace.
 *
 * Returns the pass's keystroke summary with `split` (null when it could not
 * be computed) and `error` (why not).
 */
async function traceKeystrokes(page, cdp, { terms, perKeyTimeoutMs, budgetMs, traceOut }) {
  await sleep(1000); // as before the measured pass
  await cdp.send('HeapProfiler.collectGarbage');
  await emptySearch(page);
  const plan = keystrokePlan(terms);
  try {
    await within(
      cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream', streamFormat: 'json' }),
      30_000,
      'Tracing.start',
    );
  } catch (err) {
    // It may still start late: make sure it does not stay on for the baseline.
    await within(cdp.send('Tracing.end'), 5000, 'Tracing.end').catch(() => {});
    throw err;
  }
  let sequence = [];
  let typingError = null;
  try {
    sequence = await typeKeys(page, plan, { perKeyTimeoutMs, deadline: Date.now() + budgetMs });
  } catch (err) {
    typingError = err;
  }
  // Tracing is stopped even after a failed pass, so it cannot slow what follows.
  let ended = null;
  let endError = null;
  try {
    ended = await endTracing(cdp);
  } catch (err) {
    endError = err;
  }
  if (typingError) throw typingError;
  if (endError) throw endError;
  const { text, dataLoss } = ended;
  const traced = { ...keystrokeSummary(plan, sequence), dataLoss, traceBytes: Buffer.byteLength(text), split: null, error: null };
  if (traceOut) writeFileSync(traceOut, text);
  try {
    traced.split = splitKeystrokes(JSON.parse(text), sequence);
  } catch (err) {
    traced.error = `the trace could not be split: ${err instanceof Error ? err.message : String(err)}`;
  }
  return traced;
}

/**
 * The navigations of one page kind: `perState` with the BFF's list cache expired and as many with
 * it hot, taken in turns (cold, warm, cold, warm, ...) so a slow spell of a shared machine lands on
 * both, and ending warm. Each figure is the median of its state's loads: one load is one sample of
 * a noisy 2-core VM, where the same build was seen at 1.1 and 1.6 s in two runs.
 */
export function loadPlan(perState) {
  return Array.from({ length: perState }, () => ['cold', 'warm']).flat();
}

/** The median first rows of the loads in one cache state (null when none got there). */
export function firstRowsIn(loads, cache) {
  return median(loads.filter((l) => l.cache === cache && typeof l.firstRowsMs === 'number').map((l) => l.firstRowsMs));
}

/**
 * Measures one page kind ('spa' or 'baseline'): the loads of loadPlan(runs), then on the last page:
 * the JS heap, 50 keystrokes, and the scroll to the end; for the SPA, then
 * the same keystrokes again under tracing (o.traceKeystrokes).
 */
async function measurePage(browser, kind, o) {
  const url = kind === 'spa' ? `${o.baseUrl}/monitors` : `${o.baseUrl}${BASELINE_PATH}`;
  const loads = [];
  let scripts = [];
  let last = null;
  const plan = loadPlan(o.runs);
  for (let run = 0; run < plan.length; run++) {
    const cache = plan[run];
    const context = await signedInContext(browser, o);
    try {
      if (kind === 'baseline') {
        await context.route(url, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: o.baselineHtml }),
        );
      }
      await setListCache(context, cache, o.freshMs);
      const loaded = await loadList(context, url, { timeoutMs: o.loadTimeoutMs, recordScripts: run === 0 });
      if (run === 0) scripts = loaded.scripts;
      loads.push({ cache, firstRowsMs: loaded.probe.firstRowAt, rowsAtFirst: loaded.probe.rowsAtFirst, fcp: loaded.probe.fcp, lcp: loaded.probe.lcp, list: loaded.list });
      o.log(`  ${kind} load ${run + 1}/${plan.length} (${cache} BFF cache): first rows at ${loaded.probe.firstRowAt?.toFixed(0)} ms, ${loaded.probe.rowsAtFirst} rows`);
      if (run === plan.length - 1) {
        last = { context, page: loaded.page };
      } else {
        await context.close();
      }
    } catch (err) {
      await context.close().catch(() => {});
      throw err;
    }
  }

  const { context, page } = last;
  try {
    const cdp = await context.newCDPSession(page);
    await sleep(1000); // let effects, timers and the first idle work run
    const heapAfterLoad = await heapUsage(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await heapUsage(cdp);
    const rowsInDom = await page.evaluate(() => window.__bench.rowCount());
    o.log(`  ${kind}: heap ${(heapAfterLoad.usedSize / 2 ** 20).toFixed(1)} MB after load, ${rowsInDom} rows in the DOM; typing…`);
    const keystrokes = await timeKeystrokes(page, { terms: o.terms, perKeyTimeoutMs: o.perKeyTimeoutMs, budgetMs: o.keystrokeBudgetMs });
    o.log(`  ${kind}: keystroke p50 ${keystrokes.p50?.toFixed(1)} ms, p95 ${keystrokes.p95?.toFixed(1)} ms (${keystrokes.measured}/${keystrokes.planned}); scrolling…`);
    // The baseline notes how long each render spent filtering and sorting, and updating the DOM; entry 0 is the first render.
    const work = kind === 'baseline' ? await page.evaluate(() => window.__baselineWork?.slice(1) ?? []) : null;
    const scroll = await page.evaluate((t) => window.__bench.scrollToEnd(t), o.scrollTimeoutMs);
    const heapAfterUse = await heapUsage(cdp);
    // Last, so no figure above is taken after it: the traced pass, on the same list loaded again. A failure here costs only the split.
    let traced = null;
    if (kind === 'spa' && o.traceKeystrokes) {
      o.log(`  ${kind}: the same keystrokes again, traced…`);
      try {
        await page.close();
        const fresh = await loadList(context, url, { timeoutMs: o.loadTimeoutMs, recordScripts: false });
        traced = await traceKeystrokes(fresh.page, await context.newCDPSession(fresh.page), {
          terms: o.terms,
          perKeyTimeoutMs: o.perKeyTimeoutMs,
          budgetMs: o.keystrokeBudgetMs,
          traceOut: o.traceOut,
        });
      } catch (err) {
        traced = { split: null, error: `the traced pass failed: ${err instanceof Error ? err.message : String(err)}` };
      }
      o.log(
        traced.split
          ? `  ${kind}: traced keystroke p50 ${traced.p50?.toFixed(1)} ms, p95 ${traced.p95?.toFixed(1)} ms; split ${traced.split.all.count} keystrokes (${(traced.traceBytes / 2 ** 20).toFixed(1)} MB of trace)`
          : `  ${kind}: no keystroke split: ${traced.error}`,
      );
    }
    return {
      kind,
      url,
      loads,
      firstRowsColdMs: firstRowsIn(loads, 'cold'),
      firstRowsWarmMs: firstRowsIn(loads, 'warm'),
      rowsInDom,
      heapAfterLoad,
      heapAfterGc,
      heapAfterUse,
      keystrokes,
      work: work && { filterSort: summarize(work.map((w) => w.filterSortMs)), dom: summarize(work.map((w) => w.domMs)) },
      scroll,
      traced,
      scripts,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Launches Chromium, measures the SPA and then the baseline, always closes the browser. */
export async function measureBrowser(o) {
  const template = readFileSync(fileURLToPath(new URL('../baseline.html', import.meta.url)), 'utf8');
  const options = { ...o, terms: searchTerms(o.generated), baselineHtml: baselineHtml(template, o.cssHrefs) };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  try {
    const spa = await measurePage(browser, 'spa', options);
    const baseline = await measurePage(browser, 'baseline', options);
    return { spa, baseline, terms: options.terms, keystrokeBudgetMs: o.keystrokeBudgetMs, version: browser.version() };
  } finally {
    await browser.close().catch(() => {});
  }
}
