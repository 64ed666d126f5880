#!/usr/bin/env node
// Reads the JSON reports that `npm test` leaves in reports/ (vitest and
// Playwright) and prints one closing line for the whole run:
//   N passed, N failed
// Usage: node scripts/summarize-tests.mjs <exit code of npm test>
import { existsSync, readFileSync } from 'node:fs';

const exitCode = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

function read(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    notes.push(`${path} is not readable JSON: ${e.message}`);
    return null;
  }
}

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  notes.push(`unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  notes.push('unit: no report (the run stopped before the unit tests)');
}

// The bench's own helpers (node --test, TAP): its summary lines "# pass N", "# fail N", "# skipped N".
if (existsSync('reports/bench-lib.tap')) {
  const tap = readFileSync('reports/bench-lib.tap', 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail');
  skipped += count('skipped') + count('todo');
  notes.push(`bench helpers: ${count('pass')} passed, ${count('fail')} failed`);
} else {
  notes.push('bench helpers: no report (the run stopped before them)');
}

const pw = read('reports/playwright.json');
if (pw?.stats) {
  const s = pw.stats;
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  notes.push(`e2e: ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed`);
} else {
  notes.push('e2e: no report (the run stopped before the Playwright journeys)');
}

if (exitCode !== 0 && failed === 0) {
  // typecheck, lint or build failed: that is a failure even with no test counted.
  failed = 1;
  notes.push('a step that is not a test (typecheck, lint or build) failed');
}

for (const n of notes) console.log(`# ${n}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
