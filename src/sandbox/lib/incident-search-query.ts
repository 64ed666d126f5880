import { badRequest } from './errors';
import { INCIDENT_SEVERITIES, INCIDENT_STATES } from './incident-values';

/**
 * The incident search language: `state:(active OR stable) AND severity:SEV-1`,
 * field terms (state, severity, team/teams, service/services, commander,
 * customer_impacted, title), free text on the title, AND / OR / NOT (or a
 * leading `-`), parentheses, and juxtaposition as AND. `*` alone matches all.
 */
export type QueryNode =
  | { kind: 'all' }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; field: QueryField; values: string[] }
  | { kind: 'text'; value: string };

export type QueryField = 'state' | 'severity' | 'teams' | 'services' | 'commander' | 'customer_impacted' | 'title';

const FIELD_ALIASES: Record<string, QueryField> = {
  state: 'state',
  severity: 'severity',
  team: 'teams',
  teams: 'teams',
  service: 'services',
  services: 'services',
  commander: 'commander',
  customer_impacted: 'customer_impacted',
  title: 'title',
};

type Token = { t: 'lp' } | { t: 'rp' } | { t: 'neg' } | { t: 'word'; v: string } | { t: 'quoted'; v: string };

function fail(detail: string): never {
  throw badRequest(`Invalid query: ${detail}`);
}

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ t: ch === '(' ? 'lp' : 'rp' });
      i++;
    } else if (ch === '"') {
      const end = q.indexOf('"', i + 1);
      if (end === -1) fail('unterminated quote');
      out.push({ t: 'quoted', v: q.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '-' && i + 1 < q.length && !/[\s)]/.test(q[i + 1]!) && (i === 0 || /[\s(]/.test(q[i - 1]!))) {
      out.push({ t: 'neg' });
      i++;
    } else {
      let j = i;
      while (j < q.length && !/[\s()"]/.test(q[j]!)) j++;
      out.push({ t: 'word', v: q.slice(i, j) });
      i = j;
    }
  }
  return out;
}

const isOp = (tok: Token | undefined, op: string): boolean => tok?.t === 'word' && tok.v === op;

function normalizeValue(field: QueryField, raw: string): string {
  const v = raw.trim();
  if (v === '') fail(`empty value for ${field}`);
  if (field === 'state') {
    const s = v.toLowerCase();
    if (!INCIDENT_STATES.includes(s)) fail(`'${v}' is not a valid state`);
    return s;
  }
  if (field === 'severity') {
    const s = v.toUpperCase();
    if (!INCIDENT_SEVERITIES.includes(s)) fail(`'${v}' is not a valid severity`);
    return s;
  }
  if (field === 'customer_impacted') {
    const s = v.toLowerCase();
    if (s !== 'true' && s !== 'false') fail(`'${v}' is not a valid value for customer_impacted`);
    return s;
  }
  return v.toLowerCase();
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): QueryNode {
    if (this.toks.length === 0) fail('the query is empty');
    if (this.toks.length === 1 && isOp(this.toks[0], '*')) return { kind: 'all' };
    const node = this.or();
    if (this.pos < this.toks.length) fail(`unexpected ${this.describe(this.toks[this.pos])}`);
    return node;
  }

  private describe(tok: Token | undefined): string {
    if (!tok) return 'end of query';
    if (tok.t === 'lp') return "'('";
    if (tok.t === 'rp') return "')'";
    if (tok.t === 'neg') return "'-'";
    return `'${tok.v}'`;
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (isOp(this.toks[this.pos], 'OR')) {
      this.pos++;
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private startsUnary(tok: Token | undefined): boolean {
    if (!tok || tok.t === 'rp') return false;
    return !(isOp(tok, 'AND') || isOp(tok, 'OR'));
  }

  private and(): QueryNode {
    const items = [this.unary()];
    for (;;) {
      const tok = this.toks[this.pos];
      if (isOp(tok, 'AND')) {
        this.pos++;
        items.push(this.unary());
      } else if (this.startsUnary(tok)) {
        items.push(this.unary());
      } else {
        break;
      }
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private unary(): QueryNode {
    const tok = this.toks[this.pos];
    if (tok?.t === 'neg' || isOp(tok, 'NOT')) {
      this.pos++;
      return { kind: 'not', item: this.unary() };
    }
    return this.primary();
  }

  private primary(): QueryNode {
    const tok = this.toks[this.pos++];
    if (!tok || tok.t === 'rp' || isOp(tok, 'AND') || isOp(tok, 'OR')) fail(`unexpected ${this.describe(tok)}`);
    if (tok.t === 'lp') {
      const inner = this.or();
      if (this.toks[this.pos]?.t !== 'rp') fail("missing ')'");
      this.pos++;
      return inner;
    }
    if (tok.t === 'quoted') return { kind: 'text', value: tok.v.toLowerCase() };
    if (tok.t === 'neg') fail("unexpected '-'");
    const colon = tok.v.indexOf(':');
    if (colon <= 0) return { kind: 'text', value: tok.v.toLowerCase() };
    const key = tok.v.slice(0, colon).toLowerCase();
    const field = FIELD_ALIASES[key];
    if (!field) fail(`unknown field '${key}'`);
    const rest = tok.v.slice(colon + 1);
    if (rest !== '') return { kind: 'term', field, values: [normalizeValue(field, rest)] };
    return { kind: 'term', field, values: this.valueGroup(field) };
  }

  /** After `key:`: a quoted value or `(a OR b OR "c d")`. */
  private valueGroup(field: QueryField): string[] {
    const tok = this.toks[this.pos++];
    if (tok?.t === 'quoted') return [normalizeValue(field, tok.v)];
    if (tok?.t !== 'lp') fail(`missing value for ${field}`);
    const values: string[] = [];
    for (;;) {
      const v = this.toks[this.pos++];
      if (v?.t !== 'word' && v?.t !== 'quoted') fail(`missing value for ${field}`);
      if (v.t === 'word' && (v.v === 'OR' || v.v === 'AND')) fail(`missing value for ${field}`);
      values.push(normalizeValue(field, v.v));
      const next = this.toks[this.pos++];
      if (next?.t === 'rp') return values;
      if (!isOp(next, 'OR')) fail(`expected OR or ')' in the values of ${field}`);
    }
  }
}

/** Parses a search query; a malformed one is a 400. */
export function parseIncidentQuery(query: string): QueryNode {
  return new Parser(tokenize(query)).parse();
}
