import { fixed, KB, MB } from './stats.mjs';
import { commonKeystrokes, TARGETS } from './report.mjs';

/**
 * Plain statements the figures support, for the report's "what the figures
 * point at". Each is derived from measured values only; nothing is said when
 * a figure is missing.
 */

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
/** A ratio with enough digits to tell small ones apart (0.01×, not 0.0×). */
const ratio = (v) => fixed(v, v < 0.1 ? 2 : 1);

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
  if (common?.n && isNum(common.a?.p95) && isNum(common.b?.p95) && common.b.p95 > 0) {
    out.push(
      `Keystroke p95 over the first ${common.n} keystrokes: SPA ${fixed(common.a.p95)} ms vs ${fixed(common.b.p95)} ms for plain HTML doing the same filter and sort, ${ratio(common.a.p95 / common.b.p95)}×.` +
        (common.b.p95 > TARGETS.keystrokeP95Ms
          ? ` Even the baseline misses ${TARGETS.keystrokeP95Ms} ms: filtering, sorting and re-rendering thousands of rows per keystroke is too slow whatever renders them.`
          : ''),
    );
  }
  const fs = base?.work?.filterSort;
  if (isNum(fs?.p95) && fs.p95 > TARGETS.keystrokeP95Ms) {
    out.push(
      `Filtering and sorting alone take ${fixed(fs.p95)} ms at p95 per keystroke in the baseline, which matches every monitor again on each key, over the ${TARGETS.keystrokeP95Ms} ms budget before any rendering.` +
        (isNum(spa?.keystrokes?.p95) && spa.keystrokes.p95 <= TARGETS.keystrokeP95Ms
          ? ' The SPA narrows the previous result as the text grows and keeps earlier results for Backspace, and renders only the rows in view.'
          : ' The list\'s filter and sort must get cheaper, whatever renders the rows.'),
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
