import { screen, waitFor, within } from '@testing-library/react';
import type { MonitorSummary } from '../../../contract/monitors';
import { mockApi } from '../../../testing/mock-api';
import { appConfig, buildSummary, FIXTURE_NOW, listResponse } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { MonitorList } from './monitor-list';
import { ESTIMATED_ROW_HEIGHT, VIRTUALIZE_ABOVE } from './monitor-table';

// jsdom has no layout: the window is 768 px high (its default) and the table body is placed
// 300 px down the page; scrolling the window moves it up, as a browser would.
const BODY_TOP = 300;
const COUNT = 10_000;

const name = (i: number) => `Monitor ${String(i).padStart(5, '0')}`;
// All OK, so the default sort (worst first, then name) is name order: row i is "Monitor i+1".
const many: MonitorSummary[] = Array.from({ length: COUNT }, (_, i) =>
  buildSummary({ id: i + 1, name: name(i + 1), overallState: 'OK', tags: [`shard:${i % 10}`] }),
);

function setup(count = COUNT) {
  mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('responder'),
    'GET /api/monitors': listResponse(many.slice(0, count)),
  });
  return renderWithProviders(<MonitorList />, { path: '/monitors', initialEntries: ['/monitors'] });
}

function monitorRows(): HTMLElement[] {
  const table = screen.getByRole('table', { name: 'Monitors' });
  return within(table)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('data-monitor-id') !== null);
}

const rowOf = (n: number) => screen.getByRole('link', { name: name(n) }).closest('tr')!;

let scrollTo: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
  Object.defineProperty(window, 'scrollY', { value: 0, writable: true, configurable: true });
  // The window scrolls at once and tells its listeners on the next task, as in a browser.
  scrollTo = vi.fn((options: ScrollToOptions) => {
    window.scrollY = options.top ?? window.scrollY;
    setTimeout(() => window.dispatchEvent(new Event('scroll')), 0);
  });
  vi.spyOn(window, 'scrollTo').mockImplementation(scrollTo as unknown as typeof window.scrollTo);
  // The page is as tall as the list (the virtualizer clamps its scroll targets to it).
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    configurable: true,
    get: () => BODY_TOP + COUNT * ESTIMATED_ROW_HEIGHT + 200,
  });
  vi.spyOn(HTMLTableSectionElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const top = this.tagName === 'TBODY' ? BODY_TOP - window.scrollY : 0;
    return { top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
});

describe('MonitorList at 10,000 monitors (virtualized)', () => {
  it('renders only a window of rows, tells screen readers the total and each row’s place', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Monitors' });
    expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    expect(within(table).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');

    const rows = monitorRows();
    // A 768 px window shows about 17 rows of 45 px; with the overscan a few dozen are rendered, not 10,000.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(rows[0]!).getByRole('link')).toHaveTextContent(name(1));
    expect(screen.queryByRole('link', { name: name(200) })).toBeNull();
    expect(screen.getByText(`${COUNT} monitors`)).toBeInTheDocument();

    // The spacer after the rendered rows stands for the rest, so the page is as tall as the whole list.
    const spacer = table.querySelector<HTMLElement>('tbody tr.row-spacer:last-child')!;
    expect(spacer).toHaveAttribute('aria-hidden', 'true');
    expect(parseFloat(spacer.style.height)).toBe((COUNT - rows.length) * ESTIMATED_ROW_HEIGHT);
  });

  it('j beyond the rendered window scrolls the virtualizer to the row and focuses it; k comes back', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    const rendered = monitorRows().length;

    await user.keyboard('j');
    expect(rowOf(1)).toHaveFocus();

    const target = rendered + 20;
    await user.keyboard('j'.repeat(target - 1));
    await waitFor(() => expect(rowOf(target)).toHaveFocus());
    expect(rowOf(target)).toHaveAttribute('aria-rowindex', String(target + 1));
    expect(rowOf(target)).toHaveClass('is-focused');
    // The window was scrolled (not scrollIntoView on a row that was not there) and the first rows left the DOM.
    expect(scrollTo).toHaveBeenCalled();
    expect(window.scrollY).toBeGreaterThan(BODY_TOP);
    expect(screen.queryByRole('link', { name: name(1) })).toBeNull();
    expect(monitorRows().length).toBeLessThan(60);

    await user.keyboard('k');
    await waitFor(() => expect(rowOf(target - 1)).toHaveFocus());
  });

  it('x selects the cursor row, and "select all N matching" covers the rows not rendered', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jx');
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(bar).toHaveTextContent('1 selected');
    await user.click(within(bar).getByRole('button', { name: `Select all ${COUNT} matching this filter` }));
    expect(bar).toHaveTextContent(`${COUNT} selected`);
    expect(screen.getByRole('checkbox', { name: 'Deselect all shown monitors' })).toBeChecked();
  });

  it('a filter down to a few rows renders them all, without spacers', async () => {
    const { user } = setup();
    const table = await screen.findByRole('table', { name: 'Monitors' });
    await user.type(screen.getByRole('searchbox', { name: 'Search monitors' }), '0004');
    // Monitor 00040 … 00049 and 00400 … 00499 and 04000 … 04999 all hold "0004": narrow further.
    await user.type(screen.getByRole('searchbox', { name: 'Search monitors' }), '2 shard:1');
    await waitFor(() => expect(monitorRows().map((r) => within(r).getByRole('link').textContent)).toEqual([name(42)]));
    expect(table).toHaveAttribute('aria-rowcount', '2');
    expect(table.querySelector('tr.row-spacer')).toBeNull();
  });

  it('stays virtualized when a filter narrows the list below the threshold', async () => {
    const { user } = setup();
    const table = await screen.findByRole('table', { name: 'Monitors' });
    // 120 names hold "001" ("00100" … "00199", "01001", …): fewer than VIRTUALIZE_ABOVE, still only a window rendered.
    await user.type(screen.getByRole('searchbox', { name: 'Search monitors' }), '001');
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '121'));
    expect(table).toHaveClass('monitor-table--virtual');
    expect(monitorRows().length).toBeLessThan(60);
    expect(monitorRows()[0]).toHaveAttribute('aria-rowindex', '2');
  });

  it(`keeps every row in the DOM up to ${VIRTUALIZE_ABOVE} monitors`, async () => {
    setup(VIRTUALIZE_ABOVE);
    await screen.findByRole('table', { name: 'Monitors' });
    expect(monitorRows()).toHaveLength(VIRTUALIZE_ABOVE);
    expect(screen.getByRole('table', { name: 'Monitors' })).not.toHaveClass('monitor-table--virtual');
  });
});
