/**
 * Makes a value safe for one audit record, one log line and one CSV cell:
 * control characters (CR, LF, tab, NUL, C1, and the Unicode line and
 * paragraph separators) become visible \uXXXX escapes, so no field can start
 * a forged line; long values are cut.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function oneLine(value: string, max = 500): string {
  const escaped = value.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}
