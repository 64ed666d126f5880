/**
 * Datadog downtime v2 scope language: parse, match, normalise.
 *
 * Syntax
 * - `*` alone matches everything.
 * - A term is `key:value`. The value may be double-quoted (`host:"a b"`) and may
 *   contain `*` wildcards anywhere. Everything after the first `:` is the value,
 *   so `probe_dc:aws:us-east-2` has key `probe_dc`.
 * - `key:(a OR b)` groups several values of one key.
 * - Operators `AND`, `OR`, `NOT` (keywords, any case), `-` prefix negation,
 *   parentheses; whitespace between terms is an implicit AND.
 * - Keys and values compare case-insensitively (Datadog lower-cases tags).
 *
 * Datadog's limits, enforced here: a term must have a key ("All values must have
 * a key"), OR is not allowed at the top level, and parentheses nest at most 2 deep.
 *
 * Pure TypeScript, no dependencies: shared by the SPA, the BFF and the sandbox.
 */

export type ScopeExpr =
  | { kind: 'all' }
  | { kind: 'tag'; key: string; value: string /* may contain * wildcards */ }
  | { kind: 'not'; expr: ScopeExpr }
  | { kind: 'and'; exprs: ScopeExpr[] }
  | { kind: 'or'; exprs: ScopeExpr[] };

export type ScopeParseResult = { ok: true; expr: ScopeExpr } | { ok: false; error: string };

/** Longest scope text we accept; Datadog's own limit is not documented, this keeps parsing cheap. */
export const SCOPE_MAX_LENGTH = 4000;
/** Datadog rejects more than this many levels of parentheses. */
export const SCOPE_MAX_NESTING = 2;

export const SCOPE_ERRORS = {
  empty: 'Scope must not be empty',
  tooLong: `Scope must be at most ${SCOPE_MAX_LENGTH} characters`,
  keyless: 'All values must have a key',
  unbalanced: 'Unbalanced parentheses in scope',
  topLevelOr: 'OR is not allowed at the top level of a scope; use key:(a OR b) or one downtime per alternative',
  nesting: `Scope nesting is limited to ${SCOPE_MAX_NESTING} levels of parentheses`,
} as const;

class ScopeSyntaxError extends Error {}

type Token =
  | { t: 'lparen' }
  | { t: 'rparen' }
  | { t: 'and' }
  | { t: 'or' }
  | { t: 'not' }
  | { t: 'minus' }
  | { t: 'star' }
  /** A bare word: `key:value`, a keyless value, or `key:` right before a `(` value group. */
  | { t: 'word'; raw: string; key: string | null; value: string; groupKey: boolean };

const KEYWORDS: Record<string, 'and' | 'or' | 'not'> = { and: 'and', or: 'or', not: 'not' };

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

/** Reads one word starting at i: up to whitespace or a parenthesis, with "..." sections kept whole. */
function readWord(input: string, start: number): { text: string; quotedValue: boolean; end: number } {
  let i = start;
  let text = '';
  let quotedValue = false;
  while (i < input.length) {
    const ch = input[i]!;
    if (isSpace(ch) || ch === '(' || ch === ')') break;
    if (ch === '"') {
      i++;
      let closed = false;
      while (i < input.length) {
        const c = input[i]!;
        if (c === '\\' && i + 1 < input.length) {
          text += input[i + 1];
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        text += c;
        i++;
      }
      if (!closed) throw new ScopeSyntaxError('Unterminated quoted value in scope');
      quotedValue = true;
      continue;
    }
    text += ch;
    i++;
  }
  return { text, quotedValue, end: i };
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '(') {
      tokens.push({ t: 'lparen' });
      i++;
      continue;
    }
    if (ch === ')') {
      tokens.push({ t: 'rparen' });
      i++;
      continue;
    }
    if (ch === '-') {
      tokens.push({ t: 'minus' });
      i++;
      continue;
    }
    // The key is whatever precedes the first unquoted ':'; find it before reading quotes.
    const w = readWord(input, i);
    const rawSlice = input.slice(i, w.end);
    i = w.end;
    if (!w.quotedValue) {
      const kw = KEYWORDS[w.text.toLowerCase()];
      if (kw) {
        tokens.push({ t: kw });
        continue;
      }
      if (w.text === '*') {
        tokens.push({ t: 'star' });
        continue;
      }
    }
    const colon = rawSlice.indexOf(':');
    const quote = rawSlice.indexOf('"');
    if (colon === -1 || (quote !== -1 && quote < colon)) {
      tokens.push({ t: 'word', raw: rawSlice, key: null, value: w.text, groupKey: false });
      continue;
    }
    const key = rawSlice.slice(0, colon);
    // w.text has quotes removed; the key part never contains quotes, so the value is the rest.
    const value = w.text.slice(key.length + 1);
    const groupKey = value === '' && !w.quotedValue && input[i] === '(';
    tokens.push({ t: 'word', raw: rawSlice, key, value, groupKey });
  }
  return tokens;
}

/** Internal tree: keeps parentheses so the top-level-OR and nesting limits can be checked. */
type Node =
  | { n: 'all' }
  | { n: 'tag'; key: string; value: string }
  | { n: 'not'; e: Node }
  | { n: 'and'; es: Node[] }
  | { n: 'or'; es: Node[] }
  | { n: 'group'; e: Node }
  /** key:(a OR b): one key, several values. */
  | { n: 'values'; key: string; e: Node };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.parseOr();
    const next = this.peek();
    if (next) {
      if (next.t === 'rparen') throw new ScopeSyntaxError(SCOPE_ERRORS.unbalanced);
      throw new ScopeSyntaxError(`Unexpected ${describe(next)} in scope`);
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private parseOr(valueKey?: string): Node {
    const first = this.parseAnd(valueKey);
    const es = [first];
    while (this.peek()?.t === 'or') {
      this.pos++;
      if (this.atOperandEnd()) throw new ScopeSyntaxError("Dangling operator 'OR' in scope");
      es.push(this.parseAnd(valueKey));
    }
    return es.length === 1 ? first : { n: 'or', es };
  }

  private parseAnd(valueKey?: string): Node {
    const first = this.parseUnary(valueKey);
    const es = [first];
    for (;;) {
      const next = this.peek();
      if (!next || next.t === 'rparen' || next.t === 'or') break;
      if (next.t === 'and') {
        this.pos++;
        if (this.atOperandEnd()) throw new ScopeSyntaxError("Dangling operator 'AND' in scope");
      }
      es.push(this.parseUnary(valueKey));
    }
    return es.length === 1 ? first : { n: 'and', es };
  }

  /** True when no operand can start here (end, ')' or a binary operator). */
  private atOperandEnd(): boolean {
    const next = this.peek();
    return !next || next.t === 'rparen' || next.t === 'and' || next.t === 'or';
  }

  private parseUnary(valueKey?: string): Node {
    const tok = this.peek();
    if (!tok) throw new ScopeSyntaxError('Scope ends where a term was expected');
    if (tok.t === 'not' || tok.t === 'minus') {
      this.pos++;
      if (this.atOperandEnd()) {
        throw new ScopeSyntaxError(`Dangling operator '${tok.t === 'not' ? 'NOT' : '-'}' in scope`);
      }
      return { n: 'not', e: this.parseUnary(valueKey) };
    }
    return this.parsePrimary(valueKey);
  }

  private parsePrimary(valueKey?: string): Node {
    const tok = this.tokens[this.pos++];
    if (!tok) throw new ScopeSyntaxError('Scope ends where a term was expected');
    switch (tok.t) {
      case 'lparen': {
        if (valueKey !== undefined) throw new ScopeSyntaxError('Parentheses are not allowed inside a key:(...) value group');
        if (this.peek()?.t === 'rparen') throw new ScopeSyntaxError('Empty parentheses in scope');
        const inner = this.parseOr();
        if (this.tokens[this.pos++]?.t !== 'rparen') throw new ScopeSyntaxError(SCOPE_ERRORS.unbalanced);
        return { n: 'group', e: inner };
      }
      case 'rparen':
        throw new ScopeSyntaxError(SCOPE_ERRORS.unbalanced);
      case 'and':
      case 'or':
        throw new ScopeSyntaxError(`Dangling operator '${tok.t.toUpperCase()}' in scope`);
      case 'star':
        return valueKey !== undefined ? { n: 'tag', key: valueKey, value: '*' } : { n: 'all' };
      case 'word':
        return this.word(tok, valueKey);
      default:
        throw new ScopeSyntaxError(`Unexpected ${describe(tok)} in scope`);
    }
  }

  private word(tok: Extract<Token, { t: 'word' }>, valueKey?: string): Node {
    if (valueKey !== undefined) {
      // Inside key:(...), every word is a value of that key.
      if (tok.value === '') throw new ScopeSyntaxError(`Empty value for key '${valueKey}' in scope`);
      return { n: 'tag', key: valueKey, value: tok.key === null ? tok.value : `${tok.key}:${tok.value}` };
    }
    if (tok.key === null) throw new ScopeSyntaxError(SCOPE_ERRORS.keyless);
    if (tok.key === '') throw new ScopeSyntaxError(SCOPE_ERRORS.keyless);
    if (tok.groupKey) {
      this.pos++; // the '('
      if (this.peek()?.t === 'rparen') throw new ScopeSyntaxError(`Empty value group for key '${tok.key}' in scope`);
      const inner = this.parseOr(tok.key);
      if (this.tokens[this.pos++]?.t !== 'rparen') throw new ScopeSyntaxError(SCOPE_ERRORS.unbalanced);
      return { n: 'values', key: tok.key, e: inner };
    }
    if (tok.value === '') throw new ScopeSyntaxError(`Tag '${tok.raw}' has no value`);
    return { n: 'tag', key: tok.key, value: tok.value };
  }
}

function describe(tok: Token): string {
  switch (tok.t) {
    case 'word':
      return `'${tok.raw}'`;
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'minus':
      return "'-'";
    case 'star':
      return "'*'";
    default:
      return `'${tok.t.toUpperCase()}'`;
  }
}

function depth(node: Node): number {
  switch (node.n) {
    case 'group':
    case 'values':
      return 1 + depth(node.e);
    case 'not':
      return depth(node.e);
    case 'and':
    case 'or':
      return Math.max(0, ...node.es.map(depth));
    default:
      return 0;
  }
}

function toExpr(node: Node): ScopeExpr {
  switch (node.n) {
    case 'all':
      return { kind: 'all' };
    case 'tag':
      return { kind: 'tag', key: node.key, value: node.value };
    case 'not':
      return { kind: 'not', expr: toExpr(node.e) };
    case 'and':
      return { kind: 'and', exprs: node.es.map(toExpr) };
    case 'or':
      return { kind: 'or', exprs: node.es.map(toExpr) };
    case 'group':
    case 'values':
      return toExpr(node.e);
  }
}

export function parseScope(input: string): ScopeParseResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: SCOPE_ERRORS.empty };
  if (input.length > SCOPE_MAX_LENGTH) return { ok: false, error: SCOPE_ERRORS.tooLong };
  try {
    const tokens = tokenize(input);
    let open = 0;
    for (const tok of tokens) {
      if (tok.t === 'lparen') open++;
      if (tok.t === 'rparen' && --open < 0) return { ok: false, error: SCOPE_ERRORS.unbalanced };
    }
    if (open !== 0) return { ok: false, error: SCOPE_ERRORS.unbalanced };
    const root = new Parser(tokens).parse();
    // Parentheses wrapping the whole scope do not make an OR inside them any less top-level.
    let top = root;
    while (top.n === 'group') top = top.e;
    if (top.n === 'or') return { ok: false, error: SCOPE_ERRORS.topLevelOr };
    if (depth(root) > SCOPE_MAX_NESTING) return { ok: false, error: SCOPE_ERRORS.nesting };
    return { ok: true, expr: toExpr(root) };
  } catch (err) {
    if (err instanceof ScopeSyntaxError) return { ok: false, error: err.message };
    throw err;
  }
}

// ---------------------------------------------------------------- matching

const patternCache = new Map<string, RegExp>();

function wildcard(pattern: string): RegExp {
  const lower = pattern.toLowerCase();
  let re = patternCache.get(lower);
  if (!re) {
    re = new RegExp(`^${lower.split('*').map(escapeRegExp).join('.*')}$`, 's');
    if (patternCache.size > 2000) patternCache.clear();
    patternCache.set(lower, re);
  }
  return re;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function splitTag(tag: string): { key: string; value: string } | null {
  const colon = tag.indexOf(':');
  if (colon <= 0) return null;
  return { key: tag.slice(0, colon).toLowerCase(), value: tag.slice(colon + 1).toLowerCase() };
}

function evaluate(expr: ScopeExpr, tags: readonly { key: string; value: string }[]): boolean {
  switch (expr.kind) {
    case 'all':
      return true;
    case 'tag': {
      const key = expr.key.toLowerCase();
      const re = wildcard(expr.value);
      return tags.some((t) => t.key === key && re.test(t.value));
    }
    case 'not':
      return !evaluate(expr.expr, tags);
    case 'and':
      return expr.exprs.every((e) => evaluate(e, tags));
    case 'or':
      return expr.exprs.some((e) => evaluate(e, tags));
  }
}

/** Does the scope cover a group with these tags? A string is parsed; an invalid string matches nothing. */
export function matchesScope(scope: ScopeExpr | string, tags: readonly string[]): boolean {
  let expr: ScopeExpr;
  if (typeof scope === 'string') {
    const parsed = parseScope(scope);
    if (!parsed.ok) return false;
    expr = parsed.expr;
  } else {
    expr = scope;
  }
  const split: { key: string; value: string }[] = [];
  for (const tag of tags) {
    const kv = splitTag(tag.trim());
    if (kv) split.push(kv);
  }
  return evaluate(expr, split);
}

/**
 * Tags of a monitor group, from its name: "env:prod,host:web-1" -> ["env:prod","host:web-1"].
 * "*" and "" give []; entries are trimmed; entries without ':' are kept as-is (e.g. "total").
 */
export function groupTags(groupName: string): string[] {
  const name = groupName.trim();
  if (name === '' || name === '*') return [];
  return name
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function simplify(expr: ScopeExpr): ScopeExpr {
  switch (expr.kind) {
    case 'not':
      return { kind: 'not', expr: simplify(expr.expr) };
    case 'and': {
      const parts: ScopeExpr[] = [];
      for (const e of expr.exprs.map(simplify)) {
        if (e.kind === 'all') continue;
        if (e.kind === 'and') parts.push(...e.exprs);
        else parts.push(e);
      }
      const unique = dedupe(parts);
      if (unique.length === 0) return { kind: 'all' };
      return unique.length === 1 ? unique[0]! : { kind: 'and', exprs: unique };
    }
    case 'or': {
      const parts: ScopeExpr[] = [];
      for (const e of expr.exprs.map(simplify)) {
        if (e.kind === 'all') return { kind: 'all' };
        if (e.kind === 'or') parts.push(...e.exprs);
        else parts.push(e);
      }
      const unique = dedupe(parts);
      return unique.length === 1 ? unique[0]! : { kind: 'or', exprs: unique };
    }
    case 'tag':
      return { kind: 'tag', key: expr.key.toLowerCase(), value: expr.value.toLowerCase() };
    default:
      return expr;
  }
}

function dedupe(exprs: ScopeExpr[]): ScopeExpr[] {
  const byText = new Map<string, ScopeExpr>();
  // Sort key: negations last, so "env:prod AND NOT host:a" reads naturally.
  for (const e of exprs) byText.set(`${e.kind === 'not' ? '~' : ' '}${print(e, 'top')}`, e);
  return [...byText.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

/** True for "*" and scopes trivially equal to it ("(*)", "* AND *"). */
export function isMatchAll(scope: ScopeExpr | string): boolean {
  let expr: ScopeExpr;
  if (typeof scope === 'string') {
    const parsed = parseScope(scope);
    if (!parsed.ok) return false;
    expr = parsed.expr;
  } else {
    expr = scope;
  }
  return simplify(expr).kind === 'all';
}

const BARE_VALUE = /^[^\s()"\\]+$/;

function printValue(value: string): string {
  return BARE_VALUE.test(value) && !/^(and|or|not)$/i.test(value)
    ? value
    : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function printKey(key: string): string {
  return key;
}

/** Prints canonical text; `where` says whether an OR needs parentheses. */
function print(expr: ScopeExpr, where: 'top' | 'inner'): string {
  switch (expr.kind) {
    case 'all':
      return '*';
    case 'tag':
      return `${printKey(expr.key)}:${printValue(expr.value)}`;
    case 'not': {
      const inner = expr.expr;
      const text = print(inner, 'inner');
      return inner.kind === 'and' ? `NOT (${text})` : `NOT ${text}`;
    }
    case 'and':
      return expr.exprs.map((e) => print(e, 'inner')).join(' AND ');
    case 'or': {
      // One key, several values: key:(a OR b) is valid at the top level too.
      const first = expr.exprs[0];
      if (first?.kind === 'tag' && expr.exprs.every((e) => e.kind === 'tag' && e.key === first.key)) {
        const values = expr.exprs.map((e) => printValue((e as { value: string }).value));
        return `${printKey(first.key)}:(${values.join(' OR ')})`;
      }
      const text = expr.exprs.map((e) => print(e, 'inner')).join(' OR ');
      return where === 'top' ? text : `(${text})`;
    }
  }
}

/**
 * Canonical text, for comparing scopes: keys and values lower-cased, keywords
 * upper-cased, implicit AND made explicit, redundant parentheses dropped, and
 * the operands of AND/OR sorted and de-duplicated. An invalid scope comes back
 * trimmed with its whitespace collapsed.
 */
export function normalizeScope(input: string): string {
  const parsed = parseScope(input);
  if (!parsed.ok) return input.trim().replace(/\s+/g, ' ');
  return print(simplify(parsed.expr), 'top');
}
