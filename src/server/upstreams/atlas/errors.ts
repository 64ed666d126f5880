import { fromUpstreamError, HttpError } from '../../lib/errors';
import type { UpstreamError } from '../upstream-error';
import { ATLAS_UPSTREAM } from './http';

/**
 * What the browser sees when Atlas fails: the Datadog client's codes (404
 * stays 404, other 4xx `upstream_rejected` with Atlas's `detail`, 5xx 502,
 * timeout 504, 429 with Retry-After), except that Atlas's 409 is our 409
 * `conflict`, and a refused key names the Atlas variables (502
 * `upstream_auth`: the BFF's key, never the user's session).
 */
export const ATLAS_NOT_CONFIGURED = 'Atlas is not configured: set ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY';

export const isAtlasError = (err: UpstreamError): boolean => err.upstream === ATLAS_UPSTREAM;

export function fromAtlasError(err: UpstreamError, options: { mutation?: boolean } = {}): HttpError {
  if (err.kind === 'auth') {
    return new HttpError(
      502,
      'upstream_auth',
      `Atlas refused the BFF's API key (status ${err.status ?? 'unknown'}); check ATLAS_PUBLIC_KEY, ATLAS_PRIVATE_KEY and the key's project access`,
    );
  }
  if (err.kind === 'rejected' && err.status === 409) {
    return new HttpError(409, 'conflict', err.messages[0] ?? 'Atlas reported a conflict', { upstream: err.messages });
  }
  return fromUpstreamError(err, options);
}

/** 503 for the Atlas routes when the BFF has no Atlas keys (real or pointed mode without ATLAS_*). */
export const atlasNotConfigured = (): HttpError => new HttpError(503, 'upstream_error', ATLAS_NOT_CONFIGURED);
