import type { FetchLike } from '../upstreams/http-common';
import { abortable, readRequest, whenAborted, type ReadRequest } from './read-request';

/**
 * A recording stand-in for Datadog: a fetch function that writes down every
 * request it gets and answers from a queue of replies, then from handlers
 * matched by method and path. Unmatched requests get a 404 and are listed in
 * `unhandled`, so a test can assert it made only the calls it expected.
 */
export interface RecordedRequest extends ReadRequest {
  signal: AbortSignal;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (aborts still win). */
  delayMs?: number;
  /** Never answer; only an abort ends the request. */
  stall?: boolean;
  /** Send the first half of the body, then break the connection (the body stream errors). */
  truncate?: boolean;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: FakeHandler;
}

function toResponse(reply: FakeReply): Response {
  const status = reply.status ?? 200;
  if (reply.body === undefined || status === 204) return new Response(null, { status, headers: reply.headers });
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const headers = { 'Content-Type': 'application/json', ...reply.headers };
  if (reply.truncate) {
    const half = new TextEncoder().encode(text.slice(0, Math.floor(text.length / 2)));
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
        controller.error(new Error('socket hang up'));
      },
    });
    return new Response(broken, { status, headers });
  }
  return new Response(text, { status, headers });
}

export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  readonly unhandled: RecordedRequest[] = [];
  /** Requests whose signal was aborted while they were in flight. */
  readonly aborted: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly queue: FakeReply[] = [];

  /** Answer matching requests with this reply or handler (later registrations win). */
  on(method: string, path: string | RegExp, reply: FakeReply | FakeHandler): this {
    const handler = typeof reply === 'function' ? reply : () => reply;
    this.routes.unshift({ method: method.toUpperCase(), path, handler });
    return this;
  }

  /** The next requests, whatever they are, get these replies in order. */
  enqueue(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.unhandled.length = 0;
    this.aborted.length = 0;
    this.routes.length = 0;
    this.queue.length = 0;
  }

  /** Requests to this method and path (exact path, or a RegExp). */
  calls(method: string, path?: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && (path === undefined || matches(path, r.path)));
  }

  readonly fetch: FetchLike = async (request) => {
    // Listen before reading (the record is filled in once read): the caller's timeout can fire
    // while the request is still being read, and the abort must be on record when it gives up.
    const recorded = { signal: request.signal } as RecordedRequest;
    whenAborted(request.signal, () => this.aborted.push(recorded));
    Object.assign(recorded, await readRequest(request));
    this.requests.push(recorded);

    let reply = this.queue.shift();
    if (!reply) {
      const route = this.routes.find((r) => r.method === recorded.method && matches(r.path, recorded.path));
      if (route) {
        reply = await route.handler(recorded);
      } else {
        this.unhandled.push(recorded);
        reply = { status: 404, body: { errors: [`fake upstream: no handler for ${recorded.method} ${recorded.path}`] } };
      }
    }
    if (reply.stall) await abortable(request.signal, null);
    if (reply.delayMs) await abortable(request.signal, reply.delayMs);
    return toResponse(reply);
  };
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}
