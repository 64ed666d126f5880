import { auditApiSearch, EMPTY_AUDIT_FILTERS, parseUtcInput, readAuditFilters, writeAuditFilters } from './audit-filters';

describe('audit filters', () => {
  it('reads UTC times with or without Z, and refuses nonsense', () => {
    expect(parseUtcInput('2025-06-03T10:00')).toBe(Date.UTC(2025, 5, 3, 10, 0));
    expect(parseUtcInput('2025-06-03T10:00Z')).toBe(Date.UTC(2025, 5, 3, 10, 0));
    expect(parseUtcInput('2025-06-03T10:00:30')).toBe(Date.UTC(2025, 5, 3, 10, 0, 30));
    expect(parseUtcInput('yesterday')).toBeNull();
    expect(parseUtcInput('')).toBeNull();
  });

  it('round-trips through the URL, leaving empty filters out', () => {
    const filters = { ...EMPTY_AUDIT_FILTERS, actor: 'alice', outcome: 'denied', from: Date.UTC(2025, 5, 3, 10, 0) };
    const params = writeAuditFilters(filters);
    expect(params.toString()).toBe('actor=alice&outcome=denied&from=2025-06-03T10%3A00Z');
    expect(readAuditFilters(params)).toEqual(filters);
    expect(writeAuditFilters(EMPTY_AUDIT_FILTERS).toString()).toBe('');
  });

  it('asks the BFF for epoch ms bounds, with "to" taking in its whole minute, plus paging', () => {
    const filters = {
      ...EMPTY_AUDIT_FILTERS,
      target: 'monitor:12',
      from: Date.UTC(2025, 5, 3, 10, 0),
      to: Date.UTC(2025, 5, 3, 11, 0),
    };
    const params = auditApiSearch(filters, { limit: 100, before: 512 });
    expect(Object.fromEntries(params)).toEqual({
      target: 'monitor:12',
      from: String(Date.UTC(2025, 5, 3, 10, 0)),
      to: String(Date.UTC(2025, 5, 3, 11, 0) + 59_999),
      limit: '100',
      before: '512',
    });
  });
});
