import { listResponse } from '../../../testing/monitor-fixtures';
import {
  DEFAULT_FILTERS,
  filterAndSort,
  isValidTagFilter,
  readListFilters,
  sortMonitors,
  writeListFilters,
} from './list-filters';

const { monitors } = listResponse();

describe('list filters in the URL', () => {
  it('reads every param, ignoring bad values', () => {
    const f = readListFilters(
      new URLSearchParams('status=Alert&status=Warn&status=Alert&muted=maybe&type=query%20alert&tag=team:a&tag=env:prod&q=cpu&sort=bogus&dir=desc'),
    );
    expect(f).toEqual({
      statuses: ['Alert', 'Warn'],
      muted: null,
      type: 'query alert',
      tags: ['team:a', 'env:prod'],
      q: 'cpu',
      sort: 'severity',
      dir: 'desc',
    });
  });

  it('writes only non-defaults and keeps params that are not its own', () => {
    const params = writeListFilters(
      { ...DEFAULT_FILTERS, statuses: ['No Data'], muted: 'yes', tags: ['team:web'], sort: 'name' },
      new URLSearchParams('other=1&q=old'),
    );
    expect(params.toString()).toBe('other=1&status=No+Data&muted=yes&tag=team%3Aweb&sort=name');
    expect(readListFilters(params)).toMatchObject({ statuses: ['No Data'], muted: 'yes', tags: ['team:web'], sort: 'name', q: '' });
  });

  it('matches tags exactly and case-insensitively, and every term of the text', () => {
    const byTag = filterAndSort(monitors, { ...DEFAULT_FILTERS, tags: ['TEAM:payments'] });
    expect(byTag.map((m) => m.id)).toEqual([2, 3]);
    const byText = filterAndSort(monitors, { ...DEFAULT_FILTERS, q: 'payments latency' });
    expect(byText.map((m) => m.id)).toEqual([3]);
    expect(filterAndSort(monitors, { ...DEFAULT_FILTERS, q: '4' }).map((m) => m.id)).toEqual([4]);
  });

  it('sorts priority with P1 first either way round for set priorities, and no priority last', () => {
    expect(sortMonitors(monitors, 'priority', 'asc').map((m) => m.priority)).toEqual([1, 2, 2, 3, 5, null]);
    expect(sortMonitors(monitors, 'priority', 'desc').map((m) => m.priority)).toEqual([5, 3, 2, 2, 1, null]);
  });

  it('accepts key:value tag filters only', () => {
    expect(isValidTagFilter('team:payments')).toBe(true);
    expect(isValidTagFilter('probe_dc:aws:us-east-2')).toBe(true);
    expect(isValidTagFilter('payments')).toBe(false);
    expect(isValidTagFilter('team: payments')).toBe(false);
  });
});
