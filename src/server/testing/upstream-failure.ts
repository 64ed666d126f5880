import { expect } from 'vitest';
import { UpstreamError } from '../upstreams/upstream-error';

/** The UpstreamError a client call failed with (fails the test if it succeeded or threw anything else). */
export async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(UpstreamError);
    return err as UpstreamError;
  }
  throw new Error('expected the call to fail');
}
