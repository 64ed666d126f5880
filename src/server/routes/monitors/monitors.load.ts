import type { Person } from '../../../contract/monitors';
import type { ServerDeps } from '../../lib/deps';
import { includedUsers } from '../../upstreams/datadog/map';
import { MonitorListBuilder, MonitorPageBuilder, type MonitorList, type MonitorPage } from '../../lib/monitor-list';
import type { RawDowntime, RawDowntimeMatch } from '../../upstreams/datadog/schemas';

/** Paging through Datadog lists; each stops at a short page, with a hard cap against a server that ignores paging. */
export const MONITOR_PAGE_SIZE = 1000;
export const DOWNTIME_PAGE_SIZE = 100;
const MAX_PAGES = 200;
/**
 * Pages asked for at once after the first. 10,000 monitors are 11 pages; one after another they
 * took 2.4 s upstream alone. The first page is asked for alone, so a list that fits in one page
 * costs one request as before; after a full first page four are in flight, which keeps Datadog's
 * read limits comfortable and costs at most three requests past the last page (answered empty)
 * when the upstream gives no total (the v1 monitor list does not).
 */
export const PAGE_CONCURRENCY = 4;

export interface PageTake {
  /** This page was the last one (short, or nothing new). */
  last: boolean;
  /** How many pages there are in all, when the answer says (a total count). */
  pages?: number;
}

/**
 * Fetches pages 0, 1, 2, ... (the first alone, then at most `concurrency` in flight) and hands
 * each answer to `take` in page order. No page after the last one is asked for, and answers
 * already on the way for later pages are ignored; each raw page is dropped once taken. The first
 * failure fails the whole load (after the pages in flight settle).
 */
export async function fetchPagesInOrder<P>(
  fetchPage: (page: number) => Promise<P>,
  take: (answer: P, page: number) => PageTake,
  options: { concurrency: number; maxPages: number },
): Promise<void> {
  const answers = new Map<number, P>();
  let limit = options.maxPages;
  let next = 0;
  let taken = 0;
  let done = false;
  let failure: { err: unknown } | null = null;

  const drain = () => {
    while (!done && answers.has(taken)) {
      const answer = answers.get(taken) as P;
      answers.delete(taken);
      const result = take(answer, taken);
      taken++;
      if (result.pages !== undefined) limit = Math.min(limit, Math.max(result.pages, taken));
      if (result.last || taken >= limit) done = true;
    }
  };

  // Sleeping workers, woken when a page is taken (the window slides) or the load ends.
  let waiting: (() => void)[] = [];
  const wake = () => {
    const list = waiting;
    waiting = [];
    for (const w of list) w();
  };
  const more = () => !done && failure === null && next < limit;
  /** Asks for the next page and takes what is ready, in order. */
  const step = async () => {
    const page = next++;
    try {
      const answer = await fetchPage(page);
      if (done) return;
      answers.set(page, answer);
      drain();
    } catch (err) {
      failure ??= { err };
    } finally {
      wake();
    }
  };
  /**
   * A page is asked for only within `concurrency` of the first page not yet taken: an answer that
   * comes back early cannot let the workers run on far past a short page still on its way.
   */
  const worker = async () => {
    while (more()) {
      if (next >= taken + options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      else await step();
    }
  };
  await step();
  if (more()) await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (failure !== null && !done) throw (failure as { err: unknown }).err;
}

/**
 * Every monitor, as the snapshot keeps them (lib/monitor-list.ts: rows as bytes, made for the
 * time the load started). Each monitor arrives slimmed (list-schemas.ts) and is turned into
 * bytes at once, so no page is ever held as objects; the pages are then put together in order,
 * a monitor repeated on a later page (the list shifted while paging) kept once.
 */
export async function loadMonitorList(deps: ServerDeps): Promise<MonitorList> {
  const now = deps.now();
  const list = new MonitorListBuilder(now);
  await fetchPagesInOrder(
    async (page): Promise<{ count: number; rows: MonitorPage }> => {
      const rows = new MonitorPageBuilder(now, deps.redact);
      const count = await deps.datadog.readMonitorsPage(page, MONITOR_PAGE_SIZE, (monitor) => rows.add(monitor));
      return { count, rows: await rows.finish() };
    },
    ({ count, rows }) => {
      list.addPage(rows);
      return { last: count < MONITOR_PAGE_SIZE };
    },
    { concurrency: PAGE_CONCURRENCY, maxPages: MAX_PAGES },
  );
  return list.finish();
}

export interface CurrentDowntimes {
  data: RawDowntime[];
  users: Map<string, Person>;
}

export async function loadCurrentDowntimes(deps: ServerDeps): Promise<CurrentDowntimes> {
  const byId = new Map<string, RawDowntime>();
  const users = new Map<string, Person>();
  await fetchPagesInOrder(
    (page) => deps.datadog.listDowntimesPage(page * DOWNTIME_PAGE_SIZE, DOWNTIME_PAGE_SIZE),
    (res, page) => {
      const before = byId.size;
      for (const d of res.data) if (!byId.has(d.id)) byId.set(d.id, d);
      for (const [id, user] of includedUsers(res.included)) users.set(id, user);
      const total = res.meta?.page?.total_filtered_count;
      // With a total only the pages that exist are asked for; without one, paging stops at a short page.
      const pages = typeof total === 'number' ? Math.ceil(total / DOWNTIME_PAGE_SIZE) : undefined;
      const last = res.data.length < DOWNTIME_PAGE_SIZE || byId.size === before || page * DOWNTIME_PAGE_SIZE + res.data.length >= (total ?? Infinity);
      return { last, pages };
    },
    { concurrency: PAGE_CONCURRENCY, maxPages: MAX_PAGES },
  );
  return { data: [...byId.values()], users };
}

export async function loadDowntimeMatches(deps: ServerDeps, monitorId: number): Promise<RawDowntimeMatch[]> {
  const byId = new Map<string, RawDowntimeMatch>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const offset = page * DOWNTIME_PAGE_SIZE;
    const res = await deps.datadog.monitorDowntimeMatches(monitorId, offset, DOWNTIME_PAGE_SIZE);
    const before = byId.size;
    for (const m of res.data) if (!byId.has(m.id)) byId.set(m.id, m);
    const total = res.meta?.page?.total_filtered_count;
    if (res.data.length < DOWNTIME_PAGE_SIZE || byId.size === before) break;
    if (typeof total === 'number' && offset + res.data.length >= total) break;
  }
  return [...byId.values()];
}
