import { settleLimit, WINDOW_CONCURRENCY } from './maintenance-ops';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('settleLimit', () => {
  it('runs at most WINDOW_CONCURRENCY at a time and answers in input order', async () => {
    let running = 0;
    let most = 0;
    const results = await settleLimit(
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      async (n) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
        return n * 10;
      },
      { stopOnFailure: true },
    );
    expect(most).toBe(WINDOW_CONCURRENCY);
    expect(results.map((r) => (r?.ok ? r.value : null))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('stops starting new work after a failure, but waits for the calls in flight', async () => {
    const finished: number[] = [];
    const results = await settleLimit(
      [1, 2, 3, 4, 5, 6, 7, 8],
      async (n) => {
        if (n === 2) throw new Error('boom');
        await tick();
        finished.push(n);
        return n;
      },
      { stopOnFailure: true },
    );
    // 1, 3 and 4 were already running when 2 failed; 5 onwards never started.
    expect(finished.sort()).toEqual([1, 3, 4]);
    expect(results.map((r) => (r === undefined ? 'never' : r.ok ? 'ok' : 'failed'))).toEqual([
      'ok',
      'failed',
      'ok',
      'ok',
      'never',
      'never',
      'never',
      'never',
    ]);
  });

  it('tries every item without stopOnFailure', async () => {
    const results = await settleLimit(
      [1, 2, 3, 4, 5, 6],
      async (n) => {
        if (n % 2 === 0) throw new Error(`no ${n}`);
        return n;
      },
      { stopOnFailure: false },
    );
    expect(results.map((r) => r?.ok)).toEqual([true, false, true, false, true, false]);
  });

  it('answers an empty list at once', async () => {
    expect(await settleLimit([], async () => 1, { stopOnFailure: true })).toEqual([]);
  });
});
