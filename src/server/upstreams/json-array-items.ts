/**
 * Reads a JSON array from a byte stream one item at a time, as the bytes arrive: each item is
 * cut out, parsed on its own and handed over, then dropped. Datadog's monitor list comes as
 * pages of 1,000 monitors, about 4.5 MB of JSON each: read whole, each page was a 4.5 MB string
 * plus its whole object graph at once (both large enough to go straight to the old generation),
 * 48 MB of strings and about 70 MB of objects per list load, which is what the BFF's memory
 * grew by under load. Item by item, only one network chunk and one item's objects live at a
 * time, and they die young.
 *
 * The splitter only finds where items start and end (strings, escapes and nesting); each item is
 * then checked by JSON.parse, so a malformed answer still fails. Anything that is not exactly
 * one array (after an optional byte order mark and whitespace) fails too.
 */
export class JsonArrayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonArrayError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The bytes that matter inside an item outside strings (quotes, brackets, braces, commas); the rest are skipped in a tight loop. */
const STRUCTURAL = new Uint8Array(256);
for (const b of [QUOTE, COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]) STRUCTURAL[b] = 1;

type Phase = 'start' | 'first' | 'next' | 'item' | 'done';

/** Feeds chunks in; calls `onItem` with each item's parsed value, in order. */
export class JsonArraySplitter {
  private phase: Phase = 'start';
  private atStart = true;
  private inString = false;
  /** The last chunk ended inside a string on an unpaired backslash: the next byte is escaped. */
  private escapePending = false;
  private depth = 0;
  /** Bytes of the current item from earlier chunks. */
  private carry: Uint8Array[] = [];
  private readonly decoder = new TextDecoder();

  /** `parse` turns one item's text into its value (JSON.parse unless the caller reads its items its own way). */
  constructor(
    private readonly onItem: (value: unknown) => void,
    private readonly parse: (text: string) => unknown = JSON.parse,
  ) {}

  push(chunk: Uint8Array): void {
    let i = 0;
    const n = chunk.length;
    if (this.atStart) {
      // A UTF-8 byte order mark, as response.text() would drop it (only when the first chunk holds all three bytes).
      if (n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
      if (n > 0) this.atStart = false;
    }
    let itemStart = this.phase === 'item' ? 0 : -1;
    while (i < n) {
      const phase = this.phase;
      if (phase === 'item') {
        if (this.inString) {
          i = this.skipString(chunk, i);
          continue;
        }
        // Numbers, literals and spaces: nothing to do but move on.
        while (i < n && STRUCTURAL[chunk[i] as number] === 0) i++;
        if (i === n) break;
        const b = chunk[i] as number;
        if (b === QUOTE) {
          this.inString = true;
        } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
          this.depth++;
        } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET || b === COMMA) {
          if (this.depth > 0 && b !== COMMA) {
            this.depth--;
          } else if (this.depth === 0) {
            if (b === CLOSE_BRACE) throw new JsonArrayError('unbalanced }');
            this.emit(chunk, itemStart, i);
            itemStart = -1;
            this.phase = b === COMMA ? 'next' : 'done';
          }
        }
        i++;
        continue;
      }
      const b = chunk[i] as number;
      if (isSpace(b)) {
        i++;
        continue;
      }
      if (phase === 'start') {
        if (b !== OPEN_BRACKET) throw new JsonArrayError('not an array');
        this.phase = 'first';
        i++;
      } else if (phase === 'done') {
        throw new JsonArrayError('text after the array');
      } else if (b === CLOSE_BRACKET && phase === 'first') {
        this.phase = 'done';
        i++;
      } else if (b === CLOSE_BRACKET || b === COMMA) {
        throw new JsonArrayError('missing item');
      } else {
        // An item starts here; this byte is read again as its first.
        this.phase = 'item';
        this.depth = 0;
        itemStart = i;
      }
    }
    if (this.phase === 'item' && itemStart !== -1 && itemStart < n) this.carry.push(chunk.subarray(itemStart));
  }

  /** The stream ended: the array must have been closed. */
  end(): void {
    if (this.phase !== 'done') throw new JsonArrayError('the array was cut short');
  }

  /** Moves past string content from `from`; returns where to go on (after the closing quote, or the chunk's end). */
  private skipString(chunk: Uint8Array, from: number): number {
    let start = from;
    if (this.escapePending) {
      this.escapePending = false;
      start++;
    }
    let at = start;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, at);
      if (quote === -1) {
        this.escapePending = trailingBackslashes(chunk, start, chunk.length) % 2 === 1;
        return chunk.length;
      }
      // A quote after an odd run of backslashes is escaped; `start` never falls inside a run.
      if (trailingBackslashes(chunk, start, quote) % 2 === 0) {
        this.inString = false;
        return quote + 1;
      }
      at = quote + 1;
    }
  }

  private emit(chunk: Uint8Array, start: number, end: number): void {
    const tail = chunk.subarray(start === -1 ? 0 : start, end);
    let bytes = tail;
    if (this.carry.length > 0) {
      this.carry.push(tail);
      bytes = Buffer.concat(this.carry);
      this.carry = [];
    }
    let value: unknown;
    try {
      value = this.parse(this.decoder.decode(bytes));
    } catch {
      throw new JsonArrayError('an item is not valid JSON');
    }
    this.onItem(value);
  }
}

/** How many backslashes end chunk[from, to). */
function trailingBackslashes(chunk: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let k = to - 1; k >= from && chunk[k] === BACKSLASH; k--) count++;
  return count;
}

/**
 * Reads the whole stream through a splitter. A failure (a stream error, a malformed array, or
 * `onItem` throwing) cancels the rest of the stream and is thrown as it came.
 */
export async function readJsonArrayItems(
  body: ReadableStream<Uint8Array> | null,
  onItem: (value: unknown) => void,
  parse: (text: string) => unknown = JSON.parse,
): Promise<void> {
  if (body === null) throw new JsonArrayError('no body');
  const splitter = new JsonArraySplitter(onItem, parse);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      splitter.push(value);
    }
    splitter.end();
  } catch (err) {
    await reader.cancel().catch(() => {});
    throw err;
  } finally {
    reader.releaseLock();
  }
}
