import { fetchPagesInOrder } from './monitors.load';

const tick = () => new Promise((r) => setTimeout(r, Math.random() * 5));

describe('fetchPagesInOrder', () => {
  it('asks for the first page alone, then at most `concurrency` at once, and takes pages in order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const taken: number[] = [];
    await fetchPagesInOrder(
      async (page) => {
        started.push(page);
        inFlight++;
        most = Math.max(most, inFlight);
        if (page === 0) expect(inFlight).toBe(1);
        await tick();
        inFlight--;
        return page < 9 ? 10 : 3;
      },
      (size, page) => {
        taken.push(page);
        return { last: size < 10 };
      },
      { concurrency: 4, maxPages: 200 },
    );
    expect(taken).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(4);
    expect(Math.max(...started)).toBeLessThanOrEqual(9 + 3);
  });

  it('asks only for the pages a total names', async () => {
    const started: number[] = [];
    await fetchPagesInOrder(
      async (page) => {
        started.push(page);
        await tick();
        return page;
      },
      () => ({ last: false, pages: 3 }),
      { concurrency: 4, maxPages: 200 },
    );
    expect(started.sort()).toEqual([0, 1, 2]);
  });

  it('fails with the first failure, and stops at the page cap', async () => {
    await expect(
      fetchPagesInOrder(
        async (page) => {
          await tick();
          if (page === 2) throw new Error('boom');
          return page;
        },
        () => ({ last: false }),
        { concurrency: 4, maxPages: 200 },
      ),
    ).rejects.toThrow('boom');
    const started: number[] = [];
    await fetchPagesInOrder(
      async (page) => {
        started.push(page);
        return page;
      },
      () => ({ last: false }),
      { concurrency: 4, maxPages: 5 },
    );
    expect(started.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
