/**
 * Compares the JSON shape of our answer with a recorded one: every key the
 * recording has must exist in ours with the same JSON type. null on either
 * side is compatible with anything; for arrays the first elements are compared.
 */

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

export interface ShapeDiffOptions {
  /** JSON paths (like `$.matching_downtimes[0].id`) whose type may differ; documented deviations. */
  ignore?: readonly string[];
}

/** Returns human-readable differences, one per line; [] when the shapes agree. */
export function shapeDiff(recorded: unknown, ours: unknown, opts: ShapeDiffOptions = {}, path = '$'): string[] {
  const ignore = new Set(opts.ignore ?? []);
  if (ignore.has(path)) return [];
  const rt = jsonType(recorded);
  const ot = jsonType(ours);
  if (rt === 'null' || ot === 'null') return [];
  if (rt !== ot) return [`${path}: recorded ${rt} (${preview(recorded)}), ours ${ot} (${preview(ours)})`];
  if (rt === 'array') {
    const r = recorded as unknown[];
    const o = ours as unknown[];
    if (r.length === 0 || o.length === 0) return [];
    return shapeDiff(r[0], o[0], opts, `${path}[0]`);
  }
  if (rt === 'object') {
    const r = recorded as Record<string, unknown>;
    const o = ours as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(r)) {
      const p = `${path}.${key}`;
      if (ignore.has(p)) continue;
      if (!(key in o)) out.push(`${p}: missing in ours (recorded ${jsonType(r[key])})`);
      else out.push(...shapeDiff(r[key], o[key], opts, p));
    }
    return out;
  }
  return [];
}

function preview(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Formats a diff list for an assertion message. */
export function formatShapeDiff(name: string, diffs: readonly string[]): string {
  return diffs.length === 0 ? `${name}: shapes agree` : `${name}: ${diffs.length} difference(s)\n  ${diffs.join('\n  ')}`;
}
