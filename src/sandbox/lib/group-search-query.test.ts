import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { parseGroupSearch } from './group-search-query';

describe('parseGroupSearch', () => {
  it('parses facets, quoted values, value lists, negation and free text', () => {
    expect(parseGroupSearch('status:alert muted:false tag:"env:prod" monitor_id:12 -status:OK checkout "p99 latency"')).toEqual({
      include: [
        { kind: 'status', values: ['Alert'] },
        { kind: 'muted', value: false },
        { kind: 'tag', values: ['env:prod'] },
        { kind: 'monitor_id', values: [12] },
        { kind: 'text', value: 'checkout' },
        { kind: 'text', value: 'p99 latency' },
      ],
      exclude: [{ kind: 'status', values: ['OK'] }],
    });
  });
  it('accepts status spellings and lists', () => {
    expect(parseGroupSearch('status:"No Data"').include).toEqual([{ kind: 'status', values: ['No Data'] }]);
    expect(parseGroupSearch('status:(Alert OR warn)').include).toEqual([{ kind: 'status', values: ['Alert', 'Warn'] }]);
    expect(parseGroupSearch('priority:p1').include).toEqual([{ kind: 'priority', values: [1] }]);
  });
  it('treats other key:value terms as tags', () => {
    expect(parseGroupSearch('team:Search').include).toEqual([{ kind: 'tag', values: ['team:search'] }]);
  });
  it('is empty for an empty query', () => {
    expect(parseGroupSearch('   ')).toEqual({ include: [], exclude: [] });
  });
  it('throws the recorded message for a bad status', () => {
    try {
      parseGroupSearch('status:notastatus');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HttpError);
      expect((e as HttpError).messages).toEqual(["Query parsing error: 'notastatus' is not a valid monitor status"]);
    }
    expect(() => parseGroupSearch('monitor_id:abc')).toThrow(HttpError);
    expect(() => parseGroupSearch('tag:"open')).toThrow(HttpError);
  });
});
