import { describe, expect, it } from 'vitest';
import { groupTags, isMatchAll, matchesScope, normalizeScope, parseScope, SCOPE_ERRORS, type ScopeExpr } from './scope';

function ok(input: string): ScopeExpr {
  const r = parseScope(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${r.error}`);
  return r.expr;
}

function err(input: string): string {
  const r = parseScope(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to fail, got ${JSON.stringify(r.expr)}`);
  return r.error;
}

describe('parseScope', () => {
  it('parses * as everything', () => {
    expect(ok('*')).toEqual({ kind: 'all' });
    expect(ok('  *  ')).toEqual({ kind: 'all' });
  });

  it('parses a single term', () => {
    expect(ok('host:web-1')).toEqual({ kind: 'tag', key: 'host', value: 'web-1' });
  });

  it('keeps everything after the first colon as the value', () => {
    expect(ok('probe_dc:aws:us-east-2')).toEqual({ kind: 'tag', key: 'probe_dc', value: 'aws:us-east-2' });
  });

  it('parses quoted values with spaces, parentheses and escapes', () => {
    expect(ok('host:"a b"')).toEqual({ kind: 'tag', key: 'host', value: 'a b' });
    expect(ok('host:"java-hostsMuteErrorsTest-local-1684724813"')).toEqual({
      kind: 'tag',
      key: 'host',
      value: 'java-hostsMuteErrorsTest-local-1684724813',
    });
    expect(ok('msg:"a (b) OR c"')).toEqual({ kind: 'tag', key: 'msg', value: 'a (b) OR c' });
    expect(ok('msg:"say \\"hi\\""')).toEqual({ kind: 'tag', key: 'msg', value: 'say "hi"' });
  });

  it('keeps wildcards in values', () => {
    expect(ok('host:web-*')).toEqual({ kind: 'tag', key: 'host', value: 'web-*' });
    expect(ok('host:*')).toEqual({ kind: 'tag', key: 'host', value: '*' });
  });

  it('treats whitespace as an implicit AND', () => {
    expect(ok('env:prod host:web-1')).toEqual({
      kind: 'and',
      exprs: [
        { kind: 'tag', key: 'env', value: 'prod' },
        { kind: 'tag', key: 'host', value: 'web-1' },
      ],
    });
  });

  it('accepts AND, OR, NOT in any case', () => {
    expect(ok('env:prod and host:a')).toEqual(ok('env:prod AND host:a'));
    expect(ok('env:prod And not host:a')).toEqual(ok('env:prod AND NOT host:a'));
    expect(ok('env:prod and (host:a or host:b)')).toEqual(ok('env:prod AND (host:a OR host:b)'));
  });

  it('parses - prefix negation like NOT', () => {
    expect(ok('-host:a')).toEqual({ kind: 'not', expr: { kind: 'tag', key: 'host', value: 'a' } });
    expect(ok('env:prod -host:a')).toEqual(ok('env:prod AND NOT host:a'));
    expect(ok('-(host:a OR host:b)')).toEqual(ok('NOT (host:a OR host:b)'));
  });

  it('gives AND precedence over OR inside parentheses', () => {
    expect(ok('env:prod AND (host:a OR host:b AND role:x)')).toEqual({
      kind: 'and',
      exprs: [
        { kind: 'tag', key: 'env', value: 'prod' },
        {
          kind: 'or',
          exprs: [
            { kind: 'tag', key: 'host', value: 'a' },
            {
              kind: 'and',
              exprs: [
                { kind: 'tag', key: 'host', value: 'b' },
                { kind: 'tag', key: 'role', value: 'x' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('parses key:(a OR b) value groups, also at the top level', () => {
    expect(ok('env:(prod OR staging)')).toEqual({
      kind: 'or',
      exprs: [
        { kind: 'tag', key: 'env', value: 'prod' },
        { kind: 'tag', key: 'env', value: 'staging' },
      ],
    });
    expect(ok('env:(prod OR staging) AND host:web-*')).toMatchObject({ kind: 'and' });
  });

  it('keeps hyphens inside values', () => {
    expect(ok('service:checkout-api')).toEqual({ kind: 'tag', key: 'service', value: 'checkout-api' });
  });

  it('accepts * beside other terms', () => {
    expect(ok('* AND host:a')).toEqual({ kind: 'and', exprs: [{ kind: 'all' }, { kind: 'tag', key: 'host', value: 'a' }] });
  });

  it('accepts two levels of nesting', () => {
    expect(ok('env:prod AND (host:a OR (role:x AND zone:b))').kind).toBe('and');
    expect(ok('((host:a))')).toEqual({ kind: 'tag', key: 'host', value: 'a' });
  });

  describe('errors', () => {
    it('rejects an empty scope', () => {
      expect(err('')).toBe(SCOPE_ERRORS.empty);
      expect(err('   ')).toBe(SCOPE_ERRORS.empty);
    });

    it('rejects keyless terms with the recorded Datadog message', () => {
      expect(err('BAD_SCOPE_MISSING_KEY_VALUE_FORMAT')).toBe('All values must have a key');
      expect(err('env:prod AND web-1')).toBe('All values must have a key');
      expect(err(':foo')).toBe('All values must have a key');
      expect(err('"host:a"')).toBe('All values must have a key');
    });

    it('rejects unbalanced parentheses', () => {
      expect(err('(host:a')).toBe(SCOPE_ERRORS.unbalanced);
      expect(err('host:a)')).toBe(SCOPE_ERRORS.unbalanced);
      expect(err('env:prod AND (host:a OR host:b')).toBe(SCOPE_ERRORS.unbalanced);
      expect(err(')(')).toBe(SCOPE_ERRORS.unbalanced);
    });

    it('rejects dangling operators', () => {
      expect(err('host:a AND')).toMatch(/Dangling operator 'AND'/);
      expect(err('AND host:a')).toMatch(/Dangling operator 'AND'/);
      expect(err('env:prod AND (host:a OR)')).toMatch(/Dangling operator 'OR'/);
      expect(err('host:a NOT')).toMatch(/Dangling operator 'NOT'/);
      expect(err('host:a -')).toMatch(/Dangling operator '-'/);
      expect(err('host:a AND AND host:b')).toMatch(/Dangling operator 'AND'/);
    });

    it('rejects top-level OR, even wrapped in parentheses', () => {
      expect(err('host:a OR host:b')).toBe(SCOPE_ERRORS.topLevelOr);
      expect(err('(host:a OR host:b)')).toBe(SCOPE_ERRORS.topLevelOr);
      expect(err('env:prod AND host:a OR host:b')).toBe(SCOPE_ERRORS.topLevelOr);
    });

    it('rejects more than 2 levels of nesting', () => {
      expect(err('team:app AND (service:auth OR (service:gql AND (code:500 OR code:403)))')).toBe(SCOPE_ERRORS.nesting);
      expect(err('a:b AND (c:d OR (e:f AND g:(h OR i)))')).toBe(SCOPE_ERRORS.nesting);
    });

    it('rejects empty values, empty parentheses and unterminated quotes', () => {
      expect(err('host:')).toMatch(/no value/);
      expect(err('host:a AND ()')).toMatch(/Empty parentheses/);
      expect(err('host:"abc')).toMatch(/Unterminated/);
      expect(err('env:()')).toMatch(/Empty value group/);
    });

    it('rejects parentheses inside a value group', () => {
      expect(err('env:((a OR b))')).toMatch(/not allowed inside/);
    });

    it('rejects very long scopes', () => {
      expect(err(`host:${'a'.repeat(5000)}`)).toBe(SCOPE_ERRORS.tooLong);
    });

    it('never throws on junk', () => {
      for (const junk of ['(((', '"', '\\', '- -', 'NOT', 'OR', '*:*:*', 'a:b c:d )) ((', '\u0000']) {
        expect(() => parseScope(junk)).not.toThrow();
      }
    });
  });
});

describe('matchesScope', () => {
  const web1 = ['env:prod', 'host:web-1'];
  const web2 = ['env:staging', 'host:web-2'];

  it('* matches everything, including no tags and keyless groups', () => {
    expect(matchesScope('*', [])).toBe(true);
    expect(matchesScope('*', ['total'])).toBe(true);
    expect(matchesScope('*', web1)).toBe(true);
  });

  it('matches a term by key and value', () => {
    expect(matchesScope('host:web-1', web1)).toBe(true);
    expect(matchesScope('host:web-1', web2)).toBe(false);
    expect(matchesScope('host:web-1', [])).toBe(false);
  });

  it('compares keys and values case-insensitively', () => {
    expect(matchesScope('HOST:WEB-1', web1)).toBe(true);
    expect(matchesScope('host:web-1', ['Host:Web-1'])).toBe(true);
  });

  it('supports wildcards anywhere in the value', () => {
    expect(matchesScope('host:web-*', web1)).toBe(true);
    expect(matchesScope('host:*-1', web1)).toBe(true);
    expect(matchesScope('host:w*b-*', web1)).toBe(true);
    expect(matchesScope('host:*', web1)).toBe(true);
    expect(matchesScope('host:*', ['env:prod'])).toBe(false);
    expect(matchesScope('host:db-*', web1)).toBe(false);
  });

  it('treats regex characters in values literally', () => {
    expect(matchesScope('host:web.1', ['host:web-1'])).toBe(false);
    expect(matchesScope('host:web.1', ['host:web.1'])).toBe(true);
    expect(matchesScope('path:a+b', ['path:a+b'])).toBe(true);
  });

  it('combines with AND, OR, NOT and -', () => {
    expect(matchesScope('env:prod AND host:web-1', web1)).toBe(true);
    expect(matchesScope('env:prod host:web-2', web1)).toBe(false);
    expect(matchesScope('env:prod AND (host:web-1 OR host:web-2)', web1)).toBe(true);
    expect(matchesScope('env:prod AND NOT host:web-1', web1)).toBe(false);
    expect(matchesScope('-host:web-1', web2)).toBe(true);
    expect(matchesScope('env:(prod OR staging)', web2)).toBe(true);
    expect(matchesScope('env:(prod OR qa)', web2)).toBe(false);
  });

  it('matches values that contain colons', () => {
    expect(matchesScope('probe_dc:aws:us-east-2', ['probe_dc:aws:us-east-2'])).toBe(true);
    expect(matchesScope('probe_dc:aws:*', ['probe_dc:aws:us-east-2'])).toBe(true);
  });

  it('matches quoted values', () => {
    expect(matchesScope('host:"a b"', ['host:a b'])).toBe(true);
  });

  it('never matches with an invalid scope', () => {
    expect(matchesScope('host:a OR host:b', ['host:a'])).toBe(false);
    expect(matchesScope('', web1)).toBe(false);
    expect(matchesScope('keyless', ['keyless'])).toBe(false);
  });

  it('accepts a parsed expression', () => {
    expect(matchesScope({ kind: 'tag', key: 'env', value: 'prod' }, web1)).toBe(true);
    expect(matchesScope({ kind: 'or', exprs: [] }, web1)).toBe(false);
    expect(matchesScope({ kind: 'and', exprs: [] }, web1)).toBe(true);
  });

  it('works with groupTags', () => {
    expect(matchesScope('host:web-1', groupTags('env:prod,host:web-1'))).toBe(true);
    expect(matchesScope('host:web-1', groupTags('total'))).toBe(false);
  });
});

describe('groupTags', () => {
  it('splits a group name on commas', () => {
    expect(groupTags('env:prod,host:web-1')).toEqual(['env:prod', 'host:web-1']);
  });
  it('gives [] for * and empty', () => {
    expect(groupTags('*')).toEqual([]);
    expect(groupTags('')).toEqual([]);
    expect(groupTags('  ')).toEqual([]);
  });
  it('trims entries and drops empty ones', () => {
    expect(groupTags(' env:prod , host:web-1 ,')).toEqual(['env:prod', 'host:web-1']);
  });
  it('keeps keyless entries as they are', () => {
    expect(groupTags('total')).toEqual(['total']);
    expect(groupTags('@SYNTHETICS_OVERALL@')).toEqual(['@SYNTHETICS_OVERALL@']);
  });
  it('keeps values with colons', () => {
    expect(groupTags('location_id:pl:gcp-lab,aws:us-east-2')).toEqual(['location_id:pl:gcp-lab', 'aws:us-east-2']);
  });
});

describe('isMatchAll', () => {
  it('is true for * and trivial equivalents', () => {
    expect(isMatchAll('*')).toBe(true);
    expect(isMatchAll(' * ')).toBe(true);
    expect(isMatchAll('(*)')).toBe(true);
    expect(isMatchAll('((*))')).toBe(true);
    expect(isMatchAll('* AND *')).toBe(true);
    expect(isMatchAll({ kind: 'all' })).toBe(true);
  });
  it('is false for anything narrower, and for invalid scopes', () => {
    expect(isMatchAll('host:*')).toBe(false);
    expect(isMatchAll('* AND host:a')).toBe(false);
    expect(isMatchAll('NOT *')).toBe(false);
    expect(isMatchAll('')).toBe(false);
    expect(isMatchAll('keyless')).toBe(false);
  });
});

describe('normalizeScope', () => {
  it('collapses whitespace and upper-cases keywords', () => {
    expect(normalizeScope('  env:prod   and   host:a ')).toBe(normalizeScope('env:prod AND host:a'));
    expect(normalizeScope('env:prod and not host:a')).toBe('env:prod AND NOT host:a');
  });
  it('makes implicit AND explicit and treats - as NOT', () => {
    expect(normalizeScope('env:prod -host:a')).toBe('env:prod AND NOT host:a');
  });
  it('lower-cases keys and values', () => {
    expect(normalizeScope('Host:WEB-1')).toBe('host:web-1');
  });
  it('is independent of operand order and duplicates', () => {
    expect(normalizeScope('host:a AND env:prod')).toBe(normalizeScope('env:prod AND host:a'));
    expect(normalizeScope('host:a host:a')).toBe('host:a');
    expect(normalizeScope('env:prod AND (host:b OR host:a)')).toBe(normalizeScope('(host:a OR host:b) env:prod'));
  });
  it('drops redundant parentheses and *', () => {
    expect(normalizeScope('(*)')).toBe('*');
    expect(normalizeScope('((host:a))')).toBe('host:a');
    expect(normalizeScope('* AND host:a')).toBe('host:a');
    expect(normalizeScope('env:prod AND (host:a AND role:x)')).toBe('env:prod AND host:a AND role:x');
  });
  it('prints same-key alternatives as a value group', () => {
    expect(normalizeScope('env:(staging OR prod)')).toBe('env:(prod OR staging)');
    expect(normalizeScope('role:x AND (env:prod OR env:qa)')).toBe('env:(prod OR qa) AND role:x');
    expect(normalizeScope('role:x AND (env:prod OR host:a)')).toBe('(env:prod OR host:a) AND role:x');
  });
  it('quotes values that need it', () => {
    expect(normalizeScope('host:"a b"')).toBe('host:"a b"');
    expect(normalizeScope('host:"or"')).toBe('host:"or"');
  });
  it('produces text that parses back to the same normal form', () => {
    const samples = [
      '*',
      'host:web-1',
      'env:prod -host:a',
      'env:(prod OR staging) AND service:checkout-*',
      'team:app AND (service:auth OR (service:gql AND code:500))',
      'NOT (host:a AND host:b) AND env:prod',
      'msg:"a (b) \\"c\\""',
      'role:x AND -(env:prod OR host:a)',
    ];
    for (const s of samples) {
      const n = normalizeScope(s);
      expect(parseScope(n).ok, `${s} -> ${n}`).toBe(true);
      expect(normalizeScope(n)).toBe(n);
    }
  });
  it('returns invalid input trimmed and collapsed', () => {
    expect(normalizeScope('  host:a   OR host:b ')).toBe('host:a OR host:b');
  });
});
