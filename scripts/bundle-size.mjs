#!/usr/bin/env node
// Gzipped size of the JS the first route loads (the entry script and the
// modules index.html preloads) and of the whole build. Run after `npm run build`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set();
for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)) initial.add(m[1]);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.js')) out.push(p.slice(dist.length + 1));
  }
  return out;
}

let initialTotal = 0;
for (const f of initial) initialTotal += gz(f);
let allTotal = 0;
const all = walk(dist);
for (const f of all) allTotal += gz(f);

console.log(`initial route JS (gzip -9): ${kb(initialTotal)} in ${initial.size} file(s): ${[...initial].join(', ')}`);
console.log(`whole build JS (gzip -9):   ${kb(allTotal)} in ${all.length} file(s)`);
