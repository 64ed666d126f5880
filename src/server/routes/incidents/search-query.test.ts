import { buildSearchQuery, quoteTerm } from './search-query';

describe('the incident search query', () => {
  it('joins the filters with AND, several values of one facet with OR', () => {
    expect(buildSearchQuery({ state: ['active', 'stable'], severity: ['SEV-1', 'SEV-2'], team: 'payments', q: 'checkout down' })).toBe(
      'state:(active OR stable) AND severity:(SEV-1 OR SEV-2) AND teams:payments AND "checkout down"',
    );
    expect(buildSearchQuery({ state: ['active'], severity: ['SEV-1'] })).toBe('state:active AND severity:SEV-1');
    expect(buildSearchQuery({ state: ['active', 'active'] })).toBe('state:active');
  });

  it('names every known state when no state is asked for (the search needs a query)', () => {
    expect(buildSearchQuery({})).toBe('state:(active OR stable OR resolved OR completed)');
    expect(buildSearchQuery({ state: [], severity: ['UNKNOWN'] })).toBe(
      'state:(active OR stable OR resolved OR completed) AND severity:UNKNOWN',
    );
    expect(buildSearchQuery({ team: '  ', q: '   ' })).toBe('state:(active OR stable OR resolved OR completed)');
    expect(buildSearchQuery({ state: ['', ' '], severity: [''] })).toBe('state:(active OR stable OR resolved OR completed)');
    expect(buildSearchQuery({ state: [' stable ', ''] })).toBe('state:stable');
  });

  it.each([
    ['a closing parenthesis', 'active) OR (x', '"active) OR (x"'],
    ['an operator word', 'OR', '"OR"'],
    ['a lower-case operator word', 'not', '"not"'],
    ['a negation', '-active', '"-active"'],
    ['a field', 'state:resolved', '"state:resolved"'],
    ['a wildcard', 'act*', '"act*"'],
    ['a quote and a backslash', 'a"b\\c', '"a b c"'],
    ['spaces', 'SEV 1', '"SEV 1"'],
    ['an empty value', '', '""'],
  ])('quotes %s so it stays one term', (_name, value, quoted) => {
    expect(quoteTerm(value)).toBe(quoted);
  });

  it('leaves plain tokens bare', () => {
    for (const v of ['active', 'SEV-0', 'UNKNOWN', 'team_web-2', 'a.b@example.com']) expect(quoteTerm(v)).toBe(v);
  });

  it('makes free text one quoted phrase, whatever it holds: quotes and backslashes cannot close it', () => {
    expect(buildSearchQuery({ q: 'x" OR state:resolved OR "y' })).toBe(
      'state:(active OR stable OR resolved OR completed) AND "x OR state:resolved OR y"',
    );
    expect(buildSearchQuery({ q: ' disk\tfull\n\nagain ' })).toBe('state:(active OR stable OR resolved OR completed) AND "disk full again"');
    expect(buildSearchQuery({ q: 'ends with \\' })).toBe('state:(active OR stable OR resolved OR completed) AND "ends with"');
    expect(buildSearchQuery({ q: '"\\"' })).toBe('state:(active OR stable OR resolved OR completed)');
  });

  it('quotes a team handle that is not a plain token', () => {
    expect(buildSearchQuery({ team: 'web team) OR (x' })).toBe(
      'state:(active OR stable OR resolved OR completed) AND teams:"web team) OR (x"',
    );
  });
});
