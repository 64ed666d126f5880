import { readTeamFilters, suggestHandle, teamListSearch, toTeamListParams, writeTeamFilters } from './list-params';

describe('team list params', () => {
  it('counts pages from 1 in the URL and from 0 for the BFF', () => {
    expect(readTeamFilters(new URLSearchParams('q=pay&page=2'))).toEqual({ q: 'pay', page: 1 });
    expect(readTeamFilters(new URLSearchParams('page=0'))).toEqual({ q: '', page: 0 });
    expect(writeTeamFilters({ q: 'pay', page: 1 }).toString()).toBe('q=pay&page=2');
    expect(writeTeamFilters({ q: '', page: 0 }).toString()).toBe('');
    expect(teamListSearch(toTeamListParams({ q: ' pay ', page: 1 })).toString()).toBe('q=pay&page=1&size=25');
  });

  it('suggests a valid handle from a name', () => {
    expect(suggestHandle('Edge Proxy 123456')).toBe('edge-proxy-123456');
    expect(suggestHandle('  Café & Crème!! ')).toBe('cafe-creme');
    expect(suggestHandle('--SRE__core--')).toBe('sre__core');
    expect(suggestHandle('')).toBe('');
  });
});
