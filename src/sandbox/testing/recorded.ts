import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { formatShapeDiff, shapeDiff, type ShapeDiffOptions } from './shape-diff';
import type { CallResult, Json } from './temp-sandbox';

/** The recorded real Datadog bodies (../shared/conformance/datadog). */
export const RECORDINGS_DIR = path.resolve(process.cwd(), '../shared/conformance/datadog');

export function rec(name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(RECORDINGS_DIR, name), 'utf8'));
}

/** Same status, and every key of the recording present in ours with the same JSON type. */
export function expectShape(name: string, ours: CallResult, status: number, opts: ShapeDiffOptions = {}): void {
  expect(ours.status, `${name}: ${ours.text.slice(0, 300)}`).toBe(status);
  const diffs = shapeDiff(rec(name), ours.body, opts);
  expect(diffs, formatShapeDiff(name, diffs)).toEqual([]);
}

/** Error bodies must match exactly, not only in shape. */
export function expectExact(name: string, ours: CallResult, status: number): void {
  expect(ours.status, name).toBe(status);
  expect(ours.body, name).toEqual(rec(name));
}
