/**
 * A small in-order job queue: jobs run one at a time, after the current
 * request has answered (the first runs on a later turn of the event loop).
 * `idle()` resolves once nothing is queued or running. A failing job is logged
 * and does not stop the ones after it.
 */
export type Job = () => Promise<void> | void;

export class DeliveryQueue {
  private readonly jobs: Job[] = [];
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly onError: (err: unknown) => void = (err) => console.error('[sandbox] notification job failed:', err)) {}

  push(...jobs: Job[]): void {
    if (this.stopped) return;
    this.jobs.push(...jobs);
    if (!this.draining) this.draining = this.drain();
  }

  get size(): number {
    return this.jobs.length;
  }

  private async drain(): Promise<void> {
    // Let the request that queued these jobs answer first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      for (let job = this.jobs.shift(); job && !this.stopped; job = this.jobs.shift()) {
        try {
          await job();
        } catch (err) {
          this.onError(err);
        }
      }
    } finally {
      this.draining = null;
    }
  }

  /** Resolves when the queue is empty and no job is running. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Drops the jobs not yet started. */
  clear(): void {
    this.jobs.length = 0;
  }

  /** Drops pending jobs and refuses new ones (the running one finishes). */
  stop(): void {
    this.stopped = true;
    this.clear();
  }
}
