import { badRequest } from './errors';

/** A non-negative integer query parameter; undefined when absent, 400 when malformed. */
export function intParam(raw: string | undefined, name: string, min = 0): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`Invalid value for parameter '${name}': ${raw} is not an integer`);
  const n = Number(raw.trim());
  if (n < min) throw badRequest(`Invalid value for parameter '${name}': must be at least ${min}`);
  return n;
}

/** A comma list, trimmed, empty entries dropped. */
export function listParam(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
