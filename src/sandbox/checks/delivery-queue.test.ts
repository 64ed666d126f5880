import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from './delivery-queue';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('DeliveryQueue', () => {
  it('runs jobs one at a time, in order, only after the current turn', async () => {
    const q = new DeliveryQueue();
    const seen: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running += 1;
      expect(running).toBe(1);
      await tick();
      seen.push(name);
      running -= 1;
    };
    q.push(job('a'), job('b'));
    q.push(job('c'));
    expect(seen).toEqual([]);
    await q.idle();
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('idle() waits for jobs queued while it was draining', async () => {
    const q = new DeliveryQueue();
    const seen: number[] = [];
    q.push(async () => {
      await tick();
      seen.push(1);
      q.push(() => {
        seen.push(2);
      });
    });
    await q.idle();
    expect(seen).toEqual([1, 2]);
    await q.idle(); // nothing queued: resolves at once
  });

  it('a failing job is reported and the next ones still run', async () => {
    const errors: unknown[] = [];
    const q = new DeliveryQueue((e) => errors.push(e));
    const seen: string[] = [];
    q.push(
      () => {
        throw new Error('boom');
      },
      () => {
        seen.push('after');
      },
    );
    await q.idle();
    expect(seen).toEqual(['after']);
    expect(errors).toHaveLength(1);
  });

  it('stop() drops what has not started and refuses new jobs', async () => {
    const q = new DeliveryQueue();
    const seen: string[] = [];
    q.push(
      () => {
        seen.push('a');
      },
      () => {
        seen.push('b');
      },
    );
    q.stop();
    q.push(() => {
      seen.push('c');
    });
    await q.idle();
    expect(seen).toEqual([]);
  });
});
