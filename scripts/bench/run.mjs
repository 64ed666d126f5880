#!/usr/bin/env node
// `npm run bench` (after `npm run build`): seeds a standalone local Datadog
// with 10,000 monitors, points a BFF at it, measures BFF overhead, the
// monitor list in Chromium next to a plain-HTML baseline, the bundle, a
// 500-monitor bulk mute and the BFF's memory, and writes BENCHMARKS.md.
// Every child process runs on 127.0.0.1 (ports 18xxx) and is stopped at the
// end, also on failure or Ctrl-C. Every load is bounded in count and time.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_PATH } from '../chromium.mjs';
import { measureBrowser } from './lib/browser.mjs';
import { bulkMute, cancelDowntimes, probeDowntimeRateLimit } from './lib/bulk-mute.mjs';
import { bundleSizeScript, cssHrefs, gzippedScripts } from './lib/bundle.mjs';
import { findings } from './lib/findings.mjs';
import { runMix } from './lib/http-mix.mjs';
import { killAllNow, pickPort, rssBytes, startChild, stopAll, waitUntilReady } from './lib/procs.mjs';
import { renderMarkdown, evaluateTargets } from './lib/report.mjs';
import { startRssSampler } from './lib/rss-sampler.mjs';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** How this run was started, for the report: `npm run bench`, or the direct command with its options. */
const COMMAND =
  process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : ['node scripts/bench/run.mjs', ...process.argv.slice(2)].join(' ');

const USAGE = `usage: node scripts/bench/run.mjs [options]   (run \`npm run build\` first; \`npm run bench\` does both)

  --monitors N      generated monitors in the local Datadog (default 10000)
  --duration S      measured seconds per side of the HTTP mix (default 15)
  --warmup S        warm-up seconds per side before it (default 5)
  --connections N   autocannon connections (default 10)
  --loads N         page loads per page kind in Chromium for each BFF cache state (expired, hot), in turns; figures are medians (default 3)
  --bulk N          monitors to mute in the bulk mute step (default 500)
  --key-budget S    seconds per page for the 50 filter keystrokes; the rest are skipped and the report says so (default 60);
                    the SPA's second, traced pass over the same keystrokes gets the same budget
  --dist DIR        the built SPA to serve (default dist)
  --out FILE        where to write the report (default BENCHMARKS.md)
  --strict          exit 1 when a target is not met (default: exit 0 once the bench has run)
  --keep            keep the temporary data directory (logs, result.json, the SPA's keystroke trace)
  --help`;

function options() {
  const { values } = parseArgs({
    options: {
      monitors: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      loads: { type: 'string', default: '3' },
      bulk: { type: 'string', default: '500' },
      'key-budget': { type: 'string', default: '60' },
      dist: { type: 'string', default: join(REPO, 'dist') },
      out: { type: 'string', default: join(REPO, 'BENCHMARKS.md') },
      strict: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${values[name]}"`);
    return n;
  };
  return {
    monitors: int('monitors', 1, 100_000),
    durationSec: int('duration', 1, 120),
    warmupSec: int('warmup', 0, 60),
    connections: int('connections', 1, 200),
    loads: int('loads', 1, 10),
    bulk: int('bulk', 1, 5000),
    keyBudgetSec: int('key-budget', 5, 600),
    dist: resolve(values.dist),
    out: resolve(values.out),
    strict: values.strict,
    keep: values.keep,
  };
}

const t0 = performance.now();
const log = (msg) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

/** Reads `export const NAME = <number>` from a source file; null when it is not there (the report then says "?"). */
function sourceConstant(file, name) {
  try {
    const m = new RegExp(`export const ${name}\\s*=\\s*([\\d_]+)`).exec(readFileSync(join(REPO, file), 'utf8'));
    return m ? Number(m[1].replaceAll('_', '')) : null;
  } catch {
    return null;
  }
}

/** The `.default(n)` of a variable in an env schema; null when it is not found. */
function envDefault(file, variable) {
  try {
    const m = new RegExp(`${variable}:[^\\n]*\\.default\\(([\\d_]+)\\)`).exec(readFileSync(join(REPO, file), 'utf8'));
    return m ? Number(m[1].replaceAll('_', '')) : null;
  } catch {
    return null;
  }
}

/** The environment minus every variable either server reads, so the caller's shell cannot change the setup. */
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DD_|ATLAS_|SANDBOX_|WATCHDECK_)/.test(k) || k === 'PORT' || k === 'HOST') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

async function getJson(url, headers, timeoutMs = 60_000) {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** Every monitor id, in pages of 1000 (without group states, to keep it cheap). */
async function listMonitorIds(ddUrl, ddHeaders) {
  const monitors = [];
  for (let page = 0; page < 200; page++) {
    const { body } = await getJson(`${ddUrl}/api/v1/monitor?page=${page}&page_size=1000`, ddHeaders);
    monitors.push(...body.map((m) => ({ id: m.id, tags: m.tags ?? [] })));
    if (body.length < 1000) break;
  }
  return monitors;
}

/** One full list with nothing cached: through the BFF (after its TTL ran out) and the same pages directly. */
async function fullListCold({ ddUrl, ddHeaders, bffUrl, bffHeaders, revalidateMs }) {
  // Past the stale-while-revalidate window too: the BFF has nothing it may serve and must load.
  await sleep((revalidateMs ?? 30_000) + 500);
  let started = performance.now();
  const bff = await getJson(`${bffUrl}/api/monitors`, bffHeaders, 120_000);
  const bffMs = performance.now() - started;
  started = performance.now();
  let directBytes = 0;
  let directPages = 0;
  for (let page = 0; page < 200; page++) {
    const { body, bytes } = await getJson(`${ddUrl}/api/v1/monitor?group_states=all&with_downtimes=true&page=${page}&page_size=1000`, ddHeaders, 120_000);
    directBytes += bytes;
    directPages++;
    if (body.length < 1000) break;
  }
  return { bffMs, bffBytes: bff.bytes, bffMonitors: bff.body.monitors.length, directMs: performance.now() - started, directBytes, directPages };
}

/** A monitor that has a live downtime (for the downtime reads), from the upstream's downtime list. */
async function mutedMonitorId(ddUrl, ddHeaders, fallback) {
  const { body } = await getJson(`${ddUrl}/api/v2/downtime?page%5Blimit%5D=100&page%5Boffset%5D=0`, ddHeaders);
  for (const d of body.data ?? []) {
    const id = d.attributes?.monitor_identifier?.monitor_id;
    if (typeof id === 'number' && d.attributes?.status === 'active') return id;
  }
  return fallback;
}

async function signIn(bffUrl, password) {
  const res = await fetch(`${bffUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF': '1' },
    body: JSON.stringify({ username: 'admin', password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('__Host-watchdeck_session='));
  if (!cookie) throw new Error('sign-in set no __Host-watchdeck_session cookie');
  return cookie;
}

async function main() {
  const o = options();
  if (!existsSync(join(o.dist, 'index.html'))) throw new Error(`${o.dist}/index.html is missing: run \`npm run build\` first (or use \`npm run bench\`)`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run \`bash scripts/ensure-chromium.sh\``);

  const result = {
    command: COMMAND,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? '?',
      memoryBytes: totalmem(),
      platform: `${platform()} ${release()}`,
      node: process.version,
      // Other work on the machine slows every figure; the report shows how busy it was.
      loadAtStart: loadavg()[0],
    },
    // The monitor list's own cache times (the other reads keep FRESH_MS in app.ts).
    freshMs: sourceConstant('src/server/routes/monitors/monitors.handlers.ts', 'LIST_FRESH_MS'),
    revalidateMs: sourceConstant('src/server/routes/monitors/monitors.handlers.ts', 'LIST_REVALIDATE_MS'),
    bulkConcurrency: sourceConstant('src/features/monitors/components/bulk-mute-dialog.tsx', 'BULK_CONCURRENCY'),
    // WATCHDECK_USER_MUTATIONS_PER_MINUTE is left at its default; the report names it.
    userMutationsPerMinute: envDefault('src/server/env.ts', 'WATCHDECK_USER_MUTATIONS_PER_MINUTE'),
    refreshMs: 3_600_000,
  };
  if (result.bulkConcurrency === null) {
    log('could not read BULK_CONCURRENCY from bulk-mute-dialog.tsx; muting 4 at a time');
    result.bulkConcurrency = 4;
  }

  const tmp = mkdtempSync(join(tmpdir(), 'watchdeck-bench-'));
  let sampler = null;
  let ok = false;
  try {
    // The BFF serves ./dist from its working directory: another build is linked into a scratch directory.
    let bffCwd = REPO;
    if (o.dist !== join(REPO, 'dist')) {
      bffCwd = join(tmp, 'app');
      mkdirSync(bffCwd);
      symlinkSync(o.dist, join(bffCwd, 'dist'));
    }
    const tsx = import.meta.resolve('tsx');
    const nodeArgs = (entry) => ['--import', tsx, join(REPO, entry)];
    const ddPort = await pickPort(18126);
    const bffPort = await pickPort(18180, [ddPort]);
    const ddUrl = `http://127.0.0.1:${ddPort}`;
    const bffUrl = `http://127.0.0.1:${bffPort}`;
    const apiKey = randomBytes(16).toString('hex');
    const appKey = randomBytes(20).toString('hex');
    const ddHeaders = { 'DD-API-KEY': apiKey, 'DD-APPLICATION-KEY': appKey };
    const password = `bench-${randomBytes(12).toString('hex')}`;

    // 1. The local Datadog, seeded.
    log(`starting the local Datadog on ${ddUrl} with ${o.monitors} generated monitors`);
    const seedStart = performance.now();
    const dd = startChild('local Datadog', process.execPath, nodeArgs('src/sandbox/main.ts'), {
      cwd: REPO,
      logFile: join(tmp, 'sandbox.log'),
      env: cleanEnv({
        SANDBOX_PORT: String(ddPort),
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_API_KEY: apiKey,
        SANDBOX_APP_KEY: appKey,
        SANDBOX_SEED_MONITORS: String(o.monitors),
        WATCHDECK_DATA_DIR: join(tmp, 'sandbox'),
        TSX_TSCONFIG_PATH: join(REPO, 'tsconfig.json'),
      }),
    });
    const probe = async (url, headers = {}) => (await fetch(url, { headers, signal: AbortSignal.timeout(5000) })).status === 200;
    await waitUntilReady(dd, () => probe(`${ddUrl}/api/v1/validate`, ddHeaders), 240_000);
    const seedMs = performance.now() - seedStart;
    const monitors = await listMonitorIds(ddUrl, ddHeaders);
    result.seed = { requested: o.monitors, monitors: monitors.length, ms: seedMs };
    log(`local Datadog answering after ${(seedMs / 1000).toFixed(1)} s with ${monitors.length} monitors`);

    // 2. The BFF, pointed at it, and a session.
    log(`starting the BFF on ${bffUrl} (pointed at ${ddUrl})`);
    const bff = startChild('BFF', process.execPath, nodeArgs('src/server/index.ts'), {
      cwd: bffCwd,
      logFile: join(tmp, 'bff.log'),
      env: cleanEnv({
        DD_API_URL: ddUrl,
        DD_API_KEY: apiKey,
        DD_APP_KEY: appKey,
        PORT: String(bffPort),
        HOST: '127.0.0.1',
        WATCHDECK_DATA_DIR: join(tmp, 'bff'),
        WATCHDECK_ADMIN_PASSWORD: password,
        WATCHDECK_REFRESH_MS: String(result.refreshMs),
        TSX_TSCONFIG_PATH: join(REPO, 'tsconfig.json'),
      }),
    });
    await waitUntilReady(bff, () => probe(`${bffUrl}/api/healthz`), 120_000);
    const cookie = await signIn(bffUrl, password);
    const bffHeaders = { Cookie: cookie, 'X-CSRF': '1' };
    const config = await getJson(`${bffUrl}/api/config`, bffHeaders);
    if (config.body.mode !== 'pointed') throw new Error(`the BFF runs in ${config.body.mode} mode, not pointed at the local Datadog`);

    // 7 (at rest). Memory after start-up and sign-in.
    sampler = startRssSampler({ bff: bff.child.pid, dd: dd.child.pid });
    sampler.phase('rest');
    await sleep(1000);
    const bffRest = rssBytes(bff.child.pid);
    const ddRest = rssBytes(dd.child.pid);
    log(`BFF RSS at rest ${(bffRest / 2 ** 20).toFixed(1)} MB`);

    const generated = monitors.filter((m) => m.tags.includes('generated:bulk')).map((m) => m.id);
    if (generated.length < Math.min(o.bulk, o.monitors)) throw new Error(`expected ${o.monitors} generated monitors, found ${generated.length}`);
    result.rateLimitProbe = await probeDowntimeRateLimit({ ddUrl, ddHeaders, monitorId: generated[0] });
    log(`local Datadog rate limit headers on POST /api/v2/downtime: ${result.rateLimitProbe.enforced ? JSON.stringify(result.rateLimitProbe.headers) : 'none'}`);

    // 3. BFF overhead.
    sampler.phase('list-cold');
    result.listCold = await fullListCold({ ddUrl, ddHeaders, bffUrl, bffHeaders, revalidateMs: result.revalidateMs });
    log(`one full list, nothing cached: BFF ${result.listCold.bffMs.toFixed(0)} ms, ${result.listCold.directPages} direct pages ${result.listCold.directMs.toFixed(0)} ms`);

    const detailId = generated[Math.floor(generated.length / 2)];
    const mutedId = await mutedMonitorId(ddUrl, ddHeaders, generated[1]);
    const pairs = [
      { label: 'list monitors with group states', direct: '/api/v1/monitor?group_states=all&with_downtimes=true&page=0&page_size=1000', bff: '/api/monitors' },
      { label: 'monitor detail', direct: `/api/v1/monitor/${detailId}?group_states=all&with_downtimes=true`, bff: `/api/monitors/${detailId}` },
      { label: 'downtime matches', direct: `/api/v2/monitor/${mutedId}/downtime_matches?page%5Blimit%5D=100&page%5Boffset%5D=0`, bff: `/api/monitors/${mutedId}` },
    ];
    const mixRequests = (side, headers) => pairs.map((p) => ({ label: p.label, method: 'GET', path: p[side], headers }));
    // A request queued behind a backlog answers only when the backlog is done: so these wait for both servers to drain.
    const drain = async () => {
      await fetch(`${ddUrl}/api/v1/validate`, { headers: ddHeaders, signal: AbortSignal.timeout(120_000) });
      await fetch(`${bffUrl}/api/healthz`, { signal: AbortSignal.timeout(120_000) });
      await sleep(500);
    };
    const mixRun = async (name, baseUrl, requests) => {
      // What the previous run left in flight must not land in this one.
      await drain();
      if (o.warmupSec > 0) await runMix({ baseUrl, requests, connections: o.connections, durationSec: o.warmupSec, warmup: true });
      const res = await runMix({ baseUrl, requests, connections: o.connections, durationSec: o.durationSec });
      log(`${name}: ${res.reqPerSec.toFixed(1)} req/s, p50 ${res.latency.p50?.toFixed(2)} ms, p99 ${res.latency.p99?.toFixed(2)} ms, non-2xx ${res.non2xx}, errors ${res.errors}`);
      return res;
    };
    log(`HTTP mix: ${o.connections} connections, ${o.warmupSec} s warm-up + ${o.durationSec} s per side`);
    sampler.phase('mix-direct');
    const direct = await mixRun('direct', ddUrl, mixRequests('direct', ddHeaders));
    sampler.phase('mix-bff');
    const viaBff = await mixRun('through the BFF', bffUrl, mixRequests('bff', bffHeaders));
    result.mix = { config: { connections: o.connections, durationSec: o.durationSec, warmupSec: o.warmupSec }, pairs, direct, bff: viaBff };
    await drain();

    // 4. The list in Chromium, next to the baseline.
    sampler.phase('browser');
    log('Chromium: the SPA, then the baseline page');
    const browser = await measureBrowser({
      baseUrl: bffUrl,
      username: 'admin',
      password,
      cssHrefs: cssHrefs(o.dist),
      generated: generated.length,
      runs: o.loads,
      freshMs: result.freshMs ?? 10_000,
      loadTimeoutMs: 90_000,
      perKeyTimeoutMs: 30_000,
      keystrokeBudgetMs: o.keyBudgetSec * 1000,
      scrollTimeoutMs: 30_000,
      // The SPA's keystrokes again under tracing, for where their time goes (opens in DevTools' Performance panel).
      traceKeystrokes: true,
      traceOut: join(tmp, 'spa-keystrokes.trace.json'),
      log,
    });
    result.browser = browser;
    result.machine.chromium = browser.version;

    // 5. Bundle.
    result.bundle = { script: bundleSizeScript(REPO, o.dist), routeJs: gzippedScripts(o.dist, browser.spa.scripts) };
    log(`bundle: /monitors loads ${(result.bundle.routeJs.totalBytes / 1024).toFixed(1)} KB gzipped JS; whole build ${(result.bundle.script.wholeBytes / 1024).toFixed(1)} KB`);

    // 6. Bulk mute, then clean-up.
    sampler.phase('bulk');
    const targets = generated.slice(0, o.bulk);
    log(`bulk mute: ${targets.length} monitors through the BFF, ${result.bulkConcurrency} at a time`);
    result.bulk = await bulkMute({
      bffUrl,
      cookie,
      ids: targets,
      concurrency: result.bulkConcurrency,
      endMs: Date.now() + 3_600_000,
      reason: 'watchdeck bench: bulk mute timing',
    });
    log(`bulk mute: ${(result.bulk.ms / 1000).toFixed(2)} s, ${result.bulk.ok} ok, ${result.bulk.failed} failed, statuses ${JSON.stringify(result.bulk.statuses)}`);
    sampler.phase('cleanup');
    result.cleanup = await cancelDowntimes({ ddUrl, ddHeaders, ids: result.bulk.downtimeIds, concurrency: result.bulkConcurrency });

    // 7. Memory peaks.
    const { peaks } = await sampler.stop();
    sampler = null;
    const peak = (phases, who) => Math.max(0, ...phases.map((p) => peaks[p]?.[who] ?? 0)) || null;
    const allPhases = Object.keys(peaks);
    result.memory = {
      bffRest,
      ddRest,
      bffPeakMix: peak(['mix-bff'], 'bff'),
      ddPeakMix: peak(['mix-bff'], 'dd'),
      bffPeakBrowser: peak(['browser'], 'bff'),
      ddPeakBrowser: peak(['browser'], 'dd'),
      bffPeakBulk: peak(['bulk'], 'bff'),
      ddPeakBulk: peak(['bulk'], 'dd'),
      bffPeakAll: peak(allPhases, 'bff'),
      ddPeakAll: peak(allPhases, 'dd'),
    };

    result.runSeconds = (performance.now() - t0) / 1000;
    result.machine.loadAtEnd = loadavg()[0];
    result.findings = findings(result);
    writeFileSync(o.out, renderMarkdown(result));
    writeFileSync(join(tmp, 'result.json'), JSON.stringify(result, null, 2));
    log(`wrote ${o.out}`);
    for (const row of evaluateTargets(result)) {
      const v = row.met === true ? 'met' : row.met === false ? 'NOT met' : 'not measured';
      console.log(`  ${v.padEnd(12)} ${row.what}: ${row.value} (target ${row.target})`);
    }
    ok = true;
    const notMet = evaluateTargets(result).filter((row) => row.met === false).length;
    return o.strict && notMet > 0 ? 1 : 0;
  } finally {
    sampler?.terminate();
    await stopAll();
    if (ok && !o.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`logs and data kept in ${tmp}`);
  }
}

// A bench that hangs is a failed bench: stop everything after 15 minutes.
const watchdog = setTimeout(() => {
  console.error('[bench] FAILED: still running after 15 minutes; stopping');
  killAllNow();
  process.exit(2);
}, 15 * 60_000);

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`[bench] ${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .then((code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  })
  .catch((err) => {
    clearTimeout(watchdog);
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
