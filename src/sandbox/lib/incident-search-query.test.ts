import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { parseIncidentQuery } from './incident-search-query';

function error(q: string): string {
  try {
    parseIncidentQuery(q);
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).status).toBe(400);
    return (e as HttpError).messages[0]!;
  }
  throw new Error(`no error for ${q}`);
}

describe('parseIncidentQuery', () => {
  it('parses the documented example', () => {
    expect(parseIncidentQuery('state:(active OR stable) AND severity:(SEV-1 OR SEV-2)')).toEqual({
      kind: 'and',
      items: [
        { kind: 'term', field: 'state', values: ['active', 'stable'] },
        { kind: 'term', field: 'severity', values: ['SEV-1', 'SEV-2'] },
      ],
    });
  });

  it('normalises values and aliases, and reads juxtaposition as AND', () => {
    expect(parseIncidentQuery('State:ACTIVE team:Checkout severity:sev-2')).toEqual({
      kind: 'and',
      items: [
        { kind: 'term', field: 'state', values: ['active'] },
        { kind: 'term', field: 'teams', values: ['checkout'] },
        { kind: 'term', field: 'severity', values: ['SEV-2'] },
      ],
    });
  });

  it('gives AND precedence over OR, and honours parentheses', () => {
    expect(parseIncidentQuery('state:active AND severity:SEV-1 OR state:stable')).toEqual({
      kind: 'or',
      items: [
        { kind: 'and', items: [{ kind: 'term', field: 'state', values: ['active'] }, { kind: 'term', field: 'severity', values: ['SEV-1'] }] },
        { kind: 'term', field: 'state', values: ['stable'] },
      ],
    });
    expect(parseIncidentQuery('state:active AND (severity:SEV-1 OR teams:search)')).toMatchObject({ kind: 'and', items: [{}, { kind: 'or' }] });
  });

  it('reads free text, quoted text, NOT and a leading minus', () => {
    expect(parseIncidentQuery('checkout "p99 latency"')).toEqual({
      kind: 'and',
      items: [
        { kind: 'text', value: 'checkout' },
        { kind: 'text', value: 'p99 latency' },
      ],
    });
    expect(parseIncidentQuery('-state:resolved')).toEqual({ kind: 'not', item: { kind: 'term', field: 'state', values: ['resolved'] } });
    expect(parseIncidentQuery('NOT teams:data')).toEqual({ kind: 'not', item: { kind: 'term', field: 'teams', values: ['data'] } });
    expect(parseIncidentQuery('commander:"lucas.ferreira@acme-shop.example"')).toEqual({
      kind: 'term',
      field: 'commander',
      values: ['lucas.ferreira@acme-shop.example'],
    });
    expect(parseIncidentQuery('*')).toEqual({ kind: 'all' });
  });

  it.each([
    ['', 'the query is empty'],
    ['   ', 'the query is empty'],
    ['state:(active OR stable', "expected OR or ')' in the values of state"],
    ['(state:active', "missing ')'"],
    ['state:active)', "unexpected ')'"],
    ['state:active AND', 'unexpected end of query'],
    ['OR state:active', "unexpected 'OR'"],
    ['state:()', 'missing value for state'],
    ['state:', 'missing value for state'],
    ['state:(active OR)', 'missing value for state'],
    ['state:open', "'open' is not a valid state"],
    ['severity:SEV-9', "'SEV-9' is not a valid severity"],
    ['customer_impacted:maybe', "'maybe' is not a valid value for customer_impacted"],
    ['owner:me', "unknown field 'owner'"],
    ['title:"unterminated', 'unterminated quote'],
  ])('400 for %j', (q, detail) => {
    expect(error(q)).toBe(`Invalid query: ${detail}`);
  });
});
