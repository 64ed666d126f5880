import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Datadog's usual error body: {"errors": ["..."]}. */
export function errorJson(c: Context, status: ContentfulStatusCode, ...messages: string[]): Response {
  return c.json({ errors: messages }, status);
}

/** Thrown by handlers and input parsers; the app's error handler turns it into an error body. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly messages: string[],
  ) {
    super(messages.join('; '));
  }
}

export function badRequest(...messages: string[]): HttpError {
  return new HttpError(400, messages);
}

export function notFound(...messages: string[]): HttpError {
  return new HttpError(404, messages);
}

/** The message Datadog's JSON-schema validation gives for an unknown property. */
export function additionalPropertyMessage(key: string): string {
  return `Additional properties are not allowed ('${key}' was unexpected)`;
}
