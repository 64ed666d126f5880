import type { Context } from 'hono';
import { AtlasError, clip } from './atlas-http';

/** Atlas's list parameters (every list and every integration write takes them). */
export interface AtlasListParams {
  /** 1-based. */
  pageNum: number;
  /** 1..500. */
  itemsPerPage: number;
  includeCount: boolean;
}

export const DEFAULT_ITEMS_PER_PAGE = 100;
export const MAX_ITEMS_PER_PAGE = 500;
const MAX_INT = 2_147_483_647;

function invalid(name: string, raw: string, why: string): AtlasError {
  return new AtlasError(400, 'INVALID_QUERY_PARAMETER', `Invalid value ${clip(raw)} for query parameter ${name}: ${why}.`, [name, clip(raw)]);
}

function boolParam(c: Context, name: string, fallback: boolean): boolean {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalid(name, raw, 'must be true or false');
}

function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const t = raw.trim();
  if (!/^\d{1,10}$/.test(t)) throw invalid(name, raw, 'must be an integer');
  const n = Number(t);
  if (n < min || n > max) throw invalid(name, raw, `must be between ${min} and ${max}`);
  return n;
}

/** `envelope` and `pretty`, which every Atlas endpoint takes: a value other than true/false is a 400. */
export function checkCommonParams(c: Context): void {
  boolParam(c, 'envelope', false);
  boolParam(c, 'pretty', false);
}

export function readListParams(c: Context): AtlasListParams {
  checkCommonParams(c);
  return {
    pageNum: intParam(c, 'pageNum', 1, 1, MAX_INT),
    itemsPerPage: intParam(c, 'itemsPerPage', DEFAULT_ITEMS_PER_PAGE, 1, MAX_ITEMS_PER_PAGE),
    includeCount: boolParam(c, 'includeCount', true),
  };
}

/** Atlas's paginated body: `{links, results, totalCount}` (totalCount omitted when includeCount=false). */
export function atlasPage<T>(all: readonly T[], p: AtlasListParams): { links: never[]; results: T[]; totalCount?: number } {
  const start = (p.pageNum - 1) * p.itemsPerPage;
  const results = start < all.length ? all.slice(start, start + p.itemsPerPage) : [];
  return p.includeCount ? { links: [], results, totalCount: all.length } : { links: [], results };
}
