import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which upstream statuses one BFF request saw, for its audit record. The
 * Datadog client reports each answer here; the audit middleware opens the
 * trace around the request. Outside a trace, reports go nowhere.
 */
export interface UpstreamTrace {
  statuses: number[];
}

const storage = new AsyncLocalStorage<UpstreamTrace>();

export function withUpstreamTrace<T>(trace: UpstreamTrace, run: () => Promise<T>): Promise<T> {
  return storage.run(trace, run);
}

export function noteUpstreamStatus(status: number): void {
  storage.getStore()?.statuses.push(status);
}
