import {
  EMPTY_NOTIFICATION_FILTERS,
  hasNotificationFilters,
  notificationApiSearch,
  readNotificationFilters,
  toNotificationQuery,
  writeNotificationFilters,
} from './notification-filters';

describe('notification filters in the URL', () => {
  it('reads monitor, handle, outcome and a 1-based page', () => {
    const filters = readNotificationFilters(new URLSearchParams('monitor=12&handle=@webhook-ops&outcome=suppressed&page=3'));
    expect(filters).toEqual({ monitor: 12, handle: '@webhook-ops', outcome: 'suppressed', page: 2 });
    expect(writeNotificationFilters(filters).toString()).toBe('monitor=12&handle=%40webhook-ops&outcome=suppressed&page=3');
  });

  it('leaves out what it cannot read, and writes a clean URL for no filters', () => {
    expect(readNotificationFilters(new URLSearchParams('monitor=abc&outcome=lost&page=0'))).toEqual(EMPTY_NOTIFICATION_FILTERS);
    expect(readNotificationFilters(new URLSearchParams('monitor=-3&page=x'))).toEqual(EMPTY_NOTIFICATION_FILTERS);
    expect(writeNotificationFilters(EMPTY_NOTIFICATION_FILTERS).toString()).toBe('');
    expect(hasNotificationFilters(EMPTY_NOTIFICATION_FILTERS)).toBe(false);
    expect(hasNotificationFilters({ ...EMPTY_NOTIFICATION_FILTERS, page: 2 })).toBe(false);
    expect(hasNotificationFilters({ ...EMPTY_NOTIFICATION_FILTERS, outcome: 'failed' })).toBe(true);
  });

  it("asks the BFF in its own terms: monitorId, a 0-based page and the page size", () => {
    const query = toNotificationQuery({ monitor: 7, handle: ' @slack-ops ', outcome: 'delivered', page: 1 });
    expect(query).toEqual({ monitorId: 7, handle: '@slack-ops', outcome: 'delivered', page: 1, size: 50 });
    expect(notificationApiSearch(query).toString()).toBe('monitorId=7&handle=%40slack-ops&outcome=delivered&page=1&size=50');
    expect(notificationApiSearch(toNotificationQuery(EMPTY_NOTIFICATION_FILTERS)).toString()).toBe('page=0&size=50');
  });
});
