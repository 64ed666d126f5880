import { KNOWN_STATUSES } from '../../contract/states';
import { badRequest } from './errors';

/** One parsed term of a group search query. */
export type SearchTerm =
  | { kind: 'status'; values: string[] }
  | { kind: 'muted'; value: boolean }
  | { kind: 'tag'; values: string[] }
  | { kind: 'monitor_id'; values: number[] }
  | { kind: 'group'; values: string[] }
  | { kind: 'type'; values: string[] }
  | { kind: 'priority'; values: number[] }
  | { kind: 'text'; value: string };

export interface ParsedSearch {
  include: SearchTerm[];
  exclude: SearchTerm[];
}

const STATUS_ALIASES: Record<string, string> = Object.fromEntries([
  ...KNOWN_STATUSES.map((s) => [s.toLowerCase(), s]),
  ['nodata', 'No Data'],
  ['no_data', 'No Data'],
  ['warning', 'Warn'],
  ['triggered', 'Alert'],
]);

function parseError(detail: string): never {
  throw badRequest(`Query parsing error: ${detail}`);
}

/** Splits on whitespace, keeping "quoted" parts and (parenthesised) value lists whole. */
function tokens(query: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let depth = 0;
  for (const ch of query) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && /\s/.test(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (quoted) parseError('unterminated quote');
  if (cur) out.push(cur);
  return out;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** `a`, `"a b"` or `(a OR b OR "c d")` -> values. */
function values(raw: string): string[] {
  if (raw.startsWith('(') && raw.endsWith(')')) {
    return raw
      .slice(1, -1)
      .split(/\s+OR\s+|\s*,\s*/i)
      .map((v) => unquote(v.trim()))
      .filter((v) => v !== '');
  }
  return [unquote(raw)];
}

function term(key: string, raw: string): SearchTerm {
  const vs = values(raw);
  switch (key.toLowerCase()) {
    case 'status':
      return {
        kind: 'status',
        values: vs.map((v) => STATUS_ALIASES[v.toLowerCase()] ?? parseError(`'${v}' is not a valid monitor status`)),
      };
    case 'muted': {
      const v = vs[0]?.toLowerCase();
      if (v !== 'true' && v !== 'false') parseError(`'${vs[0] ?? ''}' is not a valid value for muted`);
      return { kind: 'muted', value: v === 'true' };
    }
    case 'tag':
    case 'tags':
      return { kind: 'tag', values: vs.map((v) => v.toLowerCase()) };
    case 'id':
    case 'monitor_id':
      return {
        kind: 'monitor_id',
        values: vs.map((v) => (/^\d+$/.test(v) ? Number(v) : parseError(`'${v}' is not a valid monitor id`))),
      };
    case 'group':
      return { kind: 'group', values: vs.map((v) => v.toLowerCase()) };
    case 'type':
      return { kind: 'type', values: vs.map((v) => v.toLowerCase()) };
    case 'priority':
      return {
        kind: 'priority',
        values: vs.map((v) => {
          const m = /^p?([1-5])$/i.exec(v);
          return m ? Number(m[1]) : parseError(`'${v}' is not a valid priority`);
        }),
      };
    default:
      // Any other key:value is a tag, e.g. env:prod or service:checkout-api.
      return { kind: 'tag', values: vs.map((v) => `${key}:${v}`.toLowerCase()) };
  }
}

/** Parses `status:Alert muted:false tag:"env:prod" monitor_id:1 -team:x free text`. */
export function parseGroupSearch(query: string): ParsedSearch {
  const parsed: ParsedSearch = { include: [], exclude: [] };
  for (let tok of tokens(query.trim())) {
    let negate = false;
    if (tok.startsWith('-') && tok.length > 1) {
      negate = true;
      tok = tok.slice(1);
    }
    const colon = tok.indexOf(':');
    const t: SearchTerm =
      colon > 0 && !tok.startsWith('"') ? term(tok.slice(0, colon), tok.slice(colon + 1)) : { kind: 'text', value: unquote(tok).toLowerCase() };
    (negate ? parsed.exclude : parsed.include).push(t);
  }
  return parsed;
}
