import { STATES } from '../../../contract/incidents';

/**
 * The `query` of Datadog's incident search, built from the list filters:
 * `state:(active OR stable) AND severity:SEV-1 AND teams:web AND "free text"`.
 *
 * Every value the user typed is a term of its own, never syntax: a plain
 * token (letters, digits, `_ . @ -`, not starting with `-`, not an
 * operator word) goes bare; anything else is double-quoted. Inside the quotes
 * `"` and `\` become spaces rather than escapes: Datadog reads `\"` as an
 * escaped quote but simpler parsers (the local Datadog's) do not, and a
 * stripped character is one term on both. The free text is always one quoted
 * phrase. Without a state filter the query names every known state, because
 * the search needs a query.
 */
const PLAIN = /^[A-Za-z0-9_.@][A-Za-z0-9_.@-]*$/;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);

const phrase = (value: string) => `"${value.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim()}"`;

export function quoteTerm(value: string): string {
  if (PLAIN.test(value) && !OPERATORS.has(value.toUpperCase())) return value;
  return phrase(value);
}

function facet(name: string, values: readonly string[]): string {
  const unique = [...new Set(values)];
  const terms = unique.map(quoteTerm);
  return terms.length === 1 ? `${name}:${terms[0]}` : `${name}:(${terms.join(' OR ')})`;
}

export interface SearchFilters {
  state?: readonly string[];
  severity?: readonly string[];
  team?: string;
  q?: string;
}

/** Values as given, trimmed; empty ones (`?state=`) are no filter. */
const given = (values: readonly string[] | undefined) => (values ?? []).map((v) => v.trim()).filter((v) => v !== '');

export function buildSearchQuery(f: SearchFilters): string {
  const states = given(f.state);
  const severities = given(f.severity);
  const parts: string[] = [facet('state', states.length > 0 ? states : STATES)];
  if (severities.length > 0) parts.push(facet('severity', severities));
  if (f.team !== undefined && f.team.trim() !== '') parts.push(`teams:${quoteTerm(f.team.trim())}`);
  const text = f.q ? phrase(f.q) : '""';
  if (text !== '""') parts.push(text);
  return parts.join(' AND ');
}
