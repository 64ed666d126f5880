import { badRequest } from './errors';

/**
 * Messages in the style of Datadog's JSON-schema validation (Python
 * jsonschema), shared by every v2 input parser.
 */

/** Python-ish rendering, as jsonschema prints values in its messages. */
export function repr(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return JSON.stringify(v);
}

export function required(name: string): never {
  throw badRequest(`'${name}' is a required property`);
}

export function notOfType(v: unknown, type: string): never {
  throw badRequest(`${repr(v)} is not of type '${type}'`);
}

export function notOneOf(v: unknown, allowed: readonly string[]): never {
  throw badRequest(`${repr(v)} is not one of [${allowed.map(repr).join(', ')}]`);
}
