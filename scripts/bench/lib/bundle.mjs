import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Bundle sizes, gzip -9. The repo's scripts/bundle-size.mjs is run as is (the
 * JS index.html loads or preloads, and the whole build); the bench adds the JS
 * Chromium actually fetched to show /monitors, since routes load lazily.
 */

const KB = 1024;

/** Parses scripts/bundle-size.mjs's two lines into bytes. */
export function parseBundleSizeOutput(text) {
  const initial = /initial route JS \(gzip -9\):\s*([\d.]+) KB in (\d+) file/.exec(text);
  const whole = /whole build JS \(gzip -9\):\s*([\d.]+) KB in (\d+) file/.exec(text);
  if (!initial || !whole) throw new Error(`could not read scripts/bundle-size.mjs output:\n${text}`);
  return {
    initialBytes: Math.round(Number(initial[1]) * KB),
    initialFiles: Number(initial[2]),
    wholeBytes: Math.round(Number(whole[1]) * KB),
    wholeFiles: Number(whole[2]),
  };
}

export function bundleSizeScript(repo, distDir) {
  const out = execFileSync(process.execPath, [join(repo, 'scripts/bundle-size.mjs'), distDir], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  return { ...parseBundleSizeOutput(out), output: out.trim() };
}

/** gzip -9 size of the JS files Chromium fetched (URL paths under the BFF), read from the build. */
export function gzippedScripts(distDir, urlPaths) {
  const files = [];
  let total = 0;
  for (const p of [...new Set(urlPaths)]) {
    const file = join(distDir, decodeURIComponent(p).replace(/^\/+/, ''));
    if (!existsSync(file)) throw new Error(`the page loaded ${p}, which is not in ${distDir}`);
    const bytes = gzipSync(readFileSync(file), { level: 9 }).length;
    files.push({ path: p, bytes });
    total += bytes;
  }
  return { totalBytes: total, files };
}

/** The stylesheet links in the built index.html (the baseline page uses the same CSS). */
export function cssHrefs(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
}
