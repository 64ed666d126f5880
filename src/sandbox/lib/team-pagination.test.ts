import { describe, expect, it } from 'vitest';
import { readTeamPageParams, teamPage } from './team-pagination';

const URL_BASE = 'http://dd.local/api/v2/team';
const rows = Array.from({ length: 7 }, (_, i) => i);
const q = (params: Record<string, string>) => (n: string) => params[n];

describe('readTeamPageParams', () => {
  it('picks the number_size form only when page[number] is given', () => {
    expect(readTeamPageParams(q({}))).toEqual({ kind: 'offset', offset: 0, limit: 100 });
    expect(readTeamPageParams(q({ 'page[size]': '3' }))).toEqual({ kind: 'offset', offset: 0, limit: 3 });
    expect(readTeamPageParams(q({ 'page[offset]': '6', 'page[limit]': '2' }))).toEqual({ kind: 'offset', offset: 6, limit: 2 });
    expect(readTeamPageParams(q({ 'page[number]': '2' }))).toEqual({ kind: 'number', number: 2, size: 10 });
    expect(readTeamPageParams(q({ 'page[number]': '0', 'page[size]': '500' }))).toEqual({ kind: 'number', number: 0, size: 100 });
  });
});

describe('teamPage', () => {
  it('number_size: first, middle and last pages', () => {
    const first = teamPage(rows, { kind: 'number', number: 0, size: 3 }, `${URL_BASE}?page[number]=0&page[size]=3`);
    expect(first.page).toEqual([0, 1, 2]);
    expect(first.meta.pagination).toEqual({ number: 0, first_number: 0, prev_number: 0, next_number: 1, last_number: 2, size: 3, type: 'number_size', total: 7 });
    expect(first.links.prev).toBeNull();
    const last = teamPage(rows, { kind: 'number', number: 2, size: 3 }, URL_BASE);
    expect(last.page).toEqual([6]);
    expect(last.links).toMatchObject({ last: `${URL_BASE}?page[number]=2&page[size]=3`, next: `${URL_BASE}?page[number]=3&page[size]=3` });
    const none = teamPage([], { kind: 'number', number: 0, size: 3 }, URL_BASE);
    expect(none.meta.pagination).toMatchObject({ last_number: 0, total: 0 });
  });

  it('offset_limit: last_offset, prev and next links, no last link', () => {
    const p = teamPage(rows, { kind: 'offset', offset: 3, limit: 3 }, URL_BASE);
    expect(p.page).toEqual([3, 4, 5]);
    expect(p.meta.pagination).toEqual({ offset: 3, first_offset: 0, prev_offset: 0, next_offset: 6, last_offset: 6, limit: 3, type: 'offset_limit', total: 7 });
    expect(p.links).toEqual({
      self: URL_BASE,
      last: null,
      next: `${URL_BASE}?page[offset]=6&page[limit]=3`,
      prev: `${URL_BASE}?page[offset]=0&page[limit]=3`,
      first: `${URL_BASE}?page[offset]=0&page[limit]=3`,
    });
  });

  it('keeps other parameters in the links, after the page ones', () => {
    const p = teamPage(rows, { kind: 'number', number: 0, size: 3 }, `${URL_BASE}?filter%5Bkeyword%5D=a%20b&page%5Bnumber%5D=0`);
    expect(p.links.next).toBe(`${URL_BASE}?page[number]=1&page[size]=3&filter%5Bkeyword%5D=a%20b`);
  });
});
