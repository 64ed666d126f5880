import { incidentListSearch, readIncidentFilters, toListParams, writeIncidentFilters, type IncidentFilters } from './list-filters';

describe('incident list filters', () => {
  it('reads repeated state and severity, team, q and offset from the URL, ignoring junk', () => {
    const f = readIncidentFilters(new URLSearchParams('state=active&state=stable&state=active&severity=SEV-1&team=payments&q=checkout&offset=25'));
    expect(f).toEqual({ states: ['active', 'stable'], severities: ['SEV-1'], team: 'payments', q: 'checkout', offset: 25 });
    expect(readIncidentFilters(new URLSearchParams('offset=-3')).offset).toBe(0);
    expect(readIncidentFilters(new URLSearchParams('offset=abc')).offset).toBe(0);
  });

  it('writes back the same URL, leaves empty values out and keeps params that are not its own', () => {
    const f: IncidentFilters = { states: ['active'], severities: ['SEV-1', 'SEV-2'], team: '', q: '', offset: 0 };
    expect(writeIncidentFilters(f, new URLSearchParams('kinds=note')).toString()).toBe('kinds=note&state=active&severity=SEV-1&severity=SEV-2');
    const round = 'state=resolved&severity=SEV-0&team=web&q=db+down&offset=50';
    expect(writeIncidentFilters(readIncidentFilters(new URLSearchParams(round))).toString()).toBe(round);
  });

  it('asks the BFF for one page of 25 with the same filters', () => {
    const params = toListParams(readIncidentFilters(new URLSearchParams('state=active&q=%20cpu%20&offset=25')));
    expect(incidentListSearch(params).toString()).toBe('state=active&q=cpu&offset=25&size=25');
  });
});
