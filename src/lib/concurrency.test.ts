import { runWithConcurrency } from './concurrency';

describe('runWithConcurrency', () => {
  it('never runs more than the limit at once, keeps result order, and settles failures without rejecting', async () => {
    let running = 0;
    let peak = 0;
    const settled: number[] = [];
    const results = await runWithConcurrency(
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      4,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, (10 - n) * 2));
        running--;
        if (n === 5) throw new Error('five failed');
        return n * 10;
      },
      (n) => settled.push(n),
    );
    expect(peak).toBe(4);
    expect(settled).toHaveLength(9);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      10, 20, 30, 40, 'five failed', 60, 70, 80, 90,
    ]);
  });

  it('handles an empty list', async () => {
    await expect(runWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
  });
});
