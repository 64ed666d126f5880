/**
 * What went wrong talking to an upstream (Datadog now, Atlas later), already
 * classified. Messages are redacted by the client that creates the error.
 */
export type UpstreamErrorKind =
  | 'not_found' // 404
  | 'rate_limited' // 429
  | 'auth' // 401/403: the upstream refused OUR key
  | 'rejected' // another 4xx, with the upstream's messages
  | 'server' // 5xx
  | 'timeout' // no answer within the deadline
  | 'network' // connection refused, DNS, reset
  | 'bad_response'; // 2xx we could not parse

export interface UpstreamErrorInit {
  kind: UpstreamErrorKind;
  upstream: string; // "datadog"
  operation: string; // "GET /api/v1/monitor/{id}"
  status?: number;
  retryAfterSeconds?: number;
  /** The upstream's own messages (4xx only), redacted. */
  messages?: string[];
}

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly upstream: string;
  readonly operation: string;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly messages: string[];

  constructor(init: UpstreamErrorInit) {
    super(`${init.upstream} ${init.operation}: ${init.kind}${init.status ? ` (${init.status})` : ''}`);
    this.name = 'UpstreamError';
    this.kind = init.kind;
    this.upstream = init.upstream;
    this.operation = init.operation;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.messages = init.messages ?? [];
  }
}

export function isUpstreamError(err: unknown): err is UpstreamError {
  return err instanceof UpstreamError;
}
