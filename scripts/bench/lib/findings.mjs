import { fixed, KB, MB } from './stats.mjs';
import { commonKeystrokes, slowestEntries, TARGETS } from './report.mjs';
import { SPLIT_PARTS } from './trace-split.mjs';

/**
 * Plain statements the figures support, for the report's "what the figures
 * point at". Each is derived from measured values only; nothing is said when
 * a figure is missing.
 */

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
/** A ratio with enough digits to tell small ones apart (0.01×, not 0.0×). */
const ratio = (v) => fixed(v, v < 0.1 ? 2 : 1);

/**
 * Why the baseline misses the keystroke target, from its own figures. Its
 * cost is its own (it filters and sorts every monitor and keeps every
 * matching row in the DOM); it says nothing about the SPA's filter when the
 * SPA is measured faster.
 */
function baselineMiss(common, spa, base) {
  const fs = base?.work?.filterSort;
  const dom = base?.work?.dom;
  const work =
    isNum(fs?.p95) && isNum(dom?.p95) ? ` (at p95, ${fixed(fs.p95)} ms to filter and sort, ${fixed(dom.p95)} ms to update the DOM, then style and layout)` : '';
  if (common.a.p95 < common.b.p95) {
    const rows = isNum(spa?.rowsInDom) && isNum(base?.rowsInDom) ? ` (${spa.rowsInDom} rows in its DOM against the baseline's ${base.rowsInDom})` : '';
    return (
      ` The baseline misses ${TARGETS.keystrokeP95Ms} ms by itself: it filters and sorts every monitor again on each key and keeps every matching row in the DOM${work}.` +
      ` That cost is the baseline's, not the SPA's: the SPA is measured faster${rows}.`
    );
  }
  return ` Even the baseline misses ${TARGETS.keystrokeP95Ms} ms${work}, and the SPA is no faster: filtering, sorting and re-rendering the matching rows on each key is over budget in both.`;
}

/** What the biggest part of the slowest keystrokes' time means, in a sentence. */
const LARGEST_PART = {
  script: 'JavaScript run for the keystroke (event handlers, React and the app\'s code, microtasks) is the largest part',
  style: 'style recalculation and layout are the largest part, more than the JavaScript',
  paint: 'paint and compositing are the largest part, more than the JavaScript',
  gc: 'garbage collection is the largest part',
  other: 'busy time outside the named trace events (scheduler, input and IPC handling) is the largest part',
  idle: 'idle time is the largest part: the main thread waited for the next frame or for other threads, it did not compute',
  input: 'the time before the page even got the keydown is the largest part',
};

/** Where the SPA's slowest keystrokes' time went (traced pass), largest parts first; or why that is not known. */
function keystrokeSplitFinding(spa) {
  const t = spa.traced;
  const target = TARGETS.keystrokeP95Ms;
  if (!t?.split) {
    return `The SPA misses ${target} ms at keystroke p95 (${fixed(spa.keystrokes.p95)} ms), and where that time goes is not known: ${t ? (t.error ?? 'the traced pass split nothing') : 'no traced pass ran'}.`;
  }
  const { all, slowest } = t.split;
  const parts = SPLIT_PARTS.map((p) => ({ ...p, ms: slowest.parts[p.key] }))
    .filter((p) => isNum(p.ms) && p.ms >= 0.05)
    .sort((a, b) => b.ms - a.ms);
  const share = (v) => `${fixed((v / slowest.meanMs) * 100, 0)} %`;
  const busy = parts.filter((p) => p.key !== 'idle' && p.key !== 'input').reduce((sum, p) => sum + p.ms, 0);
  const top = slowest.top.slice(0, 3).map((x) => `${x.name} ${fixed(x.ms)} ms`);
  // The two passes are separate runs: say whether their slowest keystrokes are the same ones.
  const traced = new Set(slowestEntries(t.sequence, slowest.count).map((s) => s.position));
  const measured = slowestEntries(spa.keystrokes.sequence, slowest.count);
  const shared = measured.filter((s) => traced.has(s.position)).length;
  const same =
    measured.length === 0
      ? ''
      : shared === measured.length
        ? ` The measured pass's slowest ${measured.length} keystrokes are the same ones.`
        : ` ${shared === 0 ? 'None' : `Only ${shared}`} of the measured pass's ${measured.length} slowest keystrokes ${shared === 1 ? 'is' : 'are'} among the traced pass's ${slowest.count} slowest (section 2 lists both), so these parts describe the traced pass's slow keystrokes and may not explain the measured ones.`;
  return (
    `The SPA misses ${target} ms at keystroke p95 (${fixed(spa.keystrokes.p95)} ms). Under tracing (p95 ${fixed(t.p95)} ms), the slowest ${slowest.count} of ${all.count} keystrokes took ${fixed(slowest.meanMs)} ms on average; on the renderer main thread that went to ` +
    `${parts.map((p) => `${p.label} ${fixed(p.ms)} ms (${share(p.ms)})`).join(', ')}. ` +
    `The main thread was busy for ${fixed(busy)} of those ${fixed(slowest.meanMs)} ms, and ${parts[0] ? LARGEST_PART[parts[0].key] : 'no part stands out'}` +
    `${top.length ? ` (largest single trace events: ${top.join(', ')})` : ''}.${same}`
  );
}

export function findings(r) {
  const out = [];
  const spa = r.browser?.spa;
  const base = r.browser?.baseline;

  if (spa && isNum(spa.rowsInDom) && isNum(r.seed?.monitors) && spa.rowsInDom >= r.seed.monitors * 0.9) {
    out.push(
      `The SPA puts every monitor row in the DOM (${spa.rowsInDom} rows; the list is not virtualized), so load, each keystroke that changes many rows, and the heap grow with the number of monitors.`,
    );
  }
  const common = spa && base ? commonKeystrokes(spa.keystrokes, base.keystrokes) : null;
  const spaP95 = spa?.keystrokes?.p95;
  const spaMisses = isNum(spaP95) && spaP95 > TARGETS.keystrokeP95Ms;
  if (common?.n && isNum(common.a?.p95) && isNum(common.b?.p95) && common.b.p95 > 0) {
    out.push(
      `Keystroke p95 over the first ${common.n} keystrokes: SPA ${fixed(common.a.p95)} ms vs ${fixed(common.b.p95)} ms for plain HTML doing the same filter and sort, ${ratio(common.a.p95 / common.b.p95)}×.` +
        (common.b.p95 > TARGETS.keystrokeP95Ms ? baselineMiss(common, spa, base) : ''),
    );
  }
  if (spaMisses) out.push(keystrokeSplitFinding(spa));
  const fs = base?.work?.filterSort;
  if (isNum(fs?.p95) && fs.p95 > TARGETS.keystrokeP95Ms) {
    const spaFaster = isNum(common?.a?.p95) && isNum(common?.b?.p95) && common.a.p95 < common.b.p95;
    out.push(
      `Filtering and sorting alone take ${fixed(fs.p95)} ms at p95 per keystroke in the baseline, which matches every monitor again on each key, over the ${TARGETS.keystrokeP95Ms} ms budget before any rendering.` +
        (!spaMisses
          ? ' The SPA narrows the previous result as the text grows and keeps earlier results for Backspace, and renders only the rows in view.'
          : spaFaster
            ? " That is the baseline's filter, not the SPA's: the SPA narrows the previous result as the text grows and keeps earlier results for Backspace, and is measured faster (the point above says where its own time goes)."
            : " The list's filter and sort must get cheaper, whatever renders the rows."),
    );
  }
  if (spa && base && isNum(spa.firstRowsWarmMs) && isNum(base.firstRowsWarmMs)) {
    out.push(
      `First rows with the BFF cache hot: SPA ${fixed(spa.firstRowsWarmMs, 0)} ms vs baseline ${fixed(base.firstRowsWarmMs, 0)} ms; with it expired: SPA ${fixed(spa.firstRowsColdMs, 0)} ms vs baseline ${fixed(base.firstRowsColdMs, 0)} ms.` +
        (isNum(spa.firstRowsColdMs) && spa.firstRowsColdMs > spa.firstRowsWarmMs * 1.2
          ? ' The gap between expired and hot is the BFF reloading the list from upstream while the page loads.'
          : ' An expired list costs the page nothing extra: the BFF answers from its snapshot and reloads in the background.'),
    );
  }
  const lc = r.listCold;
  if (lc && isNum(lc.bffMs)) {
    const ttl = r.freshMs;
    out.push(
      `One uncached full list takes the BFF ${fixed(lc.bffMs, 0)} ms (the BFF fetches the ${lc.directPages} upstream pages a few at a time; one after another directly they take ${fixed(lc.directMs, 0)} ms) and answers ${fixed(lc.bffBytes / MB, 1)} MB of JSON.` +
        (isNum(ttl) && lc.bffMs > ttl
          ? ` That is longer than the list's ${ttl} ms freshness: under steady traffic a reload is often under way (in the background; reads get the kept copy meanwhile).`
          : ''),
    );
  }
  const mix = r.mix;
  if (mix) {
    const worst = Object.entries(mix.bff.perLabel)
      .map(([label, b]) => ({ label, added: (b.p50 ?? 0) - (mix.direct.perLabel[label]?.p50 ?? 0) }))
      .sort((a, b) => b.added - a.added)[0];
    if (worst && worst.added > TARGETS.addedP50Ms) {
      out.push(`Through the BFF, "${worst.label}" adds the most at p50: ${fixed(worst.added)} ms.`);
    }
    if (mix.bff.non2xx > 0 || mix.bff.errors > 0) {
      out.push(`Through the BFF, ${mix.bff.non2xx} responses were not 2xx and ${mix.bff.errors} failed or timed out (statuses ${JSON.stringify(mix.bff.statuses)}).`);
    }
  }
  if (spa && base && isNum(spa.heapAfterLoad?.usedSize) && isNum(base.heapAfterLoad?.usedSize)) {
    out.push(
      `JS heap after load: SPA ${fixed(spa.heapAfterLoad.usedSize / MB)} MB vs baseline ${fixed(base.heapAfterLoad.usedSize / MB)} MB for the same data.`,
    );
  }
  const js = r.bundle?.routeJs?.totalBytes;
  if (isNum(js) && js > TARGETS.initialJsBytes) {
    out.push(`/monitors loads ${fixed(js / KB)} KB of gzipped JS, ${fixed((js - TARGETS.initialJsBytes) / KB)} KB over the target.`);
  }
  const rss = r.memory?.bffPeakMix;
  if (isNum(rss) && isNum(r.memory?.bffRest) && rss > TARGETS.rssBytes) {
    out.push(
      `The BFF's RSS grows from ${fixed(r.memory.bffRest / MB)} MB at rest to ${fixed(rss / MB)} MB under the mix${isNum(r.memory.bffPeakAll) && r.memory.bffPeakAll > rss ? ` (${fixed(r.memory.bffPeakAll / MB)} MB at its peak over the run)` : ''}.`,
    );
  }
  // The target is set for the mix; a higher peak elsewhere in the run is said too, with where it was.
  const m = r.memory;
  if (m && isNum(m.bffPeakAll) && m.bffPeakAll > TARGETS.rssBytes && !(isNum(rss) && rss > TARGETS.rssBytes)) {
    const where = [
      ['the browser steps (page loads while the list reloads in the background)', m.bffPeakBrowser],
      ['the bulk mute', m.bffPeakBulk],
    ]
      .filter(([, v]) => isNum(v) && v > TARGETS.rssBytes)
      .map(([label, v]) => `${fixed(v / MB)} MB in ${label}`);
    out.push(
      `The BFF stays within ${fixed(TARGETS.rssBytes / MB)} MB under the mix (${isNum(rss) ? fixed(rss / MB) : '?'} MB), the load the target is set for, but its RSS peaked higher elsewhere in the run: ${where.join('; ') || `${fixed(m.bffPeakAll / MB)} MB`}.`,
    );
  }
  if (r.rateLimitProbe && !r.rateLimitProbe.enforced) {
    out.push('The local Datadog enforces no rate limit yet (no X-RateLimit-* headers, never 429), so the bulk mute cannot show whether the BFF stays under Datadog\'s limits.');
  }
  if (r.bulk && isNum(r.userMutationsPerMinute) && r.bulk.count * 2 > r.userMutationsPerMinute) {
    out.push(
      `The BFF allows ${r.userMutationsPerMinute} changes per user per minute: muting ${r.bulk.count} monitors and then unmuting them within a minute would be refused (429) part-way.`,
    );
  }
  return out;
}
