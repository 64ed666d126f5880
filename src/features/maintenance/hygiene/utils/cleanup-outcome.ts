import type { CleanupResponse } from '../../../../contract/maintenance';

export type CleanupOutcome = { state: 'canceled' } | { state: 'failed'; error: string } | { state: 'unknown' };

/** One window's outcome from the BFF's answer; a window it does not mention is unknown, never assumed done. */
export function outcomeOf(result: CleanupResponse, id: string): CleanupOutcome {
  if (result.canceled.includes(id)) return { state: 'canceled' };
  const failure = result.failed.find((f) => f.id === id);
  return failure ? { state: 'failed', error: failure.error } : { state: 'unknown' };
}

/** "2 windows canceled.", "1 canceled, 1 failed.", "None canceled: 2 windows failed." */
export function outcomeSummary(canceled: number, failed: number): string {
  const windows = (n: number) => `${n} ${n === 1 ? 'window' : 'windows'}`;
  if (failed === 0) return `${windows(canceled)} canceled.`;
  if (canceled === 0) return `None canceled: ${windows(failed)} failed.`;
  return `${canceled} canceled, ${failed} failed.`;
}
