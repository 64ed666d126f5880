import { JsonArrayError, JsonArraySplitter, readJsonArrayItems } from './json-array-items';

/** Every item the splitter hands over when `text` arrives in chunks of `size` bytes. */
function split(text: string | Uint8Array, size: number): unknown[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const items: unknown[] = [];
  const splitter = new JsonArraySplitter((v) => items.push(v));
  for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size));
  splitter.end();
  return items;
}

const SIZES = [1, 2, 3, 5, 7, 64, 100_000];

/** A stream of these chunks; `cancelled` says whether the reader gave up on it. */
function streamOf(chunks: (string | Error)[]) {
  const state = { cancelled: false };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[i++];
      if (next === undefined) controller.close();
      else if (next instanceof Error) controller.error(next);
      else controller.enqueue(new TextEncoder().encode(next));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

describe('JsonArraySplitter', () => {
  it('hands over every item of an array, whatever the chunking', () => {
    const value = [
      { id: 1, name: 'plain', tags: ['a:b', 'c'], nested: { deep: [1, [2, [3, {}]]], empty: [] } },
      { s: 'commas, brackets ] } [ { and "quotes"', back: 'a\\', two: 'b\\\\', quoteAfter: '\\"', uni: 'é ü ✓ 😀 \u2028' },
      { escapes: '\u0000\n\t\r\b\f\\/', n: -1.5e-7, big: 12345678901234, t: true, f: false, z: null },
      'a string item',
      42,
      null,
      [],
      [[], [{}]],
      {},
    ];
    const text = JSON.stringify(value);
    for (const size of SIZES) expect(split(text, size)).toEqual(value);
    // The same, spread out with whitespace and a byte order mark.
    const spaced = `\uFEFF \n\t[ ${value.map((v) => JSON.stringify(v, null, 2)).join(' ,\r\n ')} ]\n  `;
    for (const size of [3, 4, 100_000]) expect(split(spaced, size)).toEqual(value);
  });

  it('reads empty arrays', () => {
    for (const text of ['[]', '  [ \n ]  ']) for (const size of SIZES) expect(split(text, size)).toEqual([]);
  });

  it('keeps a multi-byte character split between chunks whole', () => {
    const text = JSON.stringify([{ name: '😀😀😀 ééé 中文' }]);
    for (const size of [1, 2, 3]) expect(split(text, size)).toEqual([{ name: '😀😀😀 ééé 中文' }]);
  });

  it.each([
    ['an object', '{"a":1}'],
    ['a string', '"x"'],
    ['nothing', ''],
    ['only space', '   '],
    ['a trailing comma', '[1,]'],
    ['a leading comma', '[,1]'],
    ['two commas', '[1,,2]'],
    ['two values without a comma', '[1 2]'],
    ['a bad item', '[{"a":}]'],
    ['an unquoted word', '[nope]'],
    ['an unclosed string', '["abc]'],
    ['a cut-off array', '[{"a":1},{"b":'],
    ['a cut-off array after an item', '[{"a":1}'],
    ['text after the array', '[1]x'],
    ['a second array', '[1][2]'],
    ['a stray }', '[}]'],
    ['an extra ]', '[1]]'],
  ])('refuses %s', (_, text) => {
    for (const size of [1, 3, 100]) expect(() => split(text, size)).toThrow(JsonArrayError);
  });

  it('passes on what the item handler throws, and stops there', () => {
    const seen: unknown[] = [];
    const splitter = new JsonArraySplitter((v) => {
      seen.push(v);
      if (v === 2) throw new RangeError('no twos');
    });
    expect(() => splitter.push(new TextEncoder().encode('[1,2,3]'))).toThrow(RangeError);
    expect(seen).toEqual([1, 2]);
  });
});

describe('readJsonArrayItems', () => {
  it('reads a stream to the end', async () => {
    const items: unknown[] = [];
    const { body } = streamOf(['[{"a":', '1},{"b"', ':[2]}', ']']);
    await readJsonArrayItems(body, (v) => items.push(v));
    expect(items).toEqual([{ a: 1 }, { b: [2] }]);
  });

  it('fails, and gives up on the stream, when the array is malformed', async () => {
    const { body, state } = streamOf(['[1,', '}', ',3]']);
    await expect(readJsonArrayItems(body, () => {})).rejects.toThrow(JsonArrayError);
    expect(state.cancelled).toBe(true);
  });

  it('fails with the stream error when the body breaks off', async () => {
    const { body } = streamOf(['[1,2', new Error('socket hang up')]);
    await expect(readJsonArrayItems(body, () => {})).rejects.toThrow('socket hang up');
  });

  it('fails with what the handler throws, and gives up on the stream', async () => {
    const { body, state } = streamOf(['[1,', '2,', '3]']);
    await expect(
      readJsonArrayItems(body, () => {
        throw new TypeError('handler');
      }),
    ).rejects.toThrow(TypeError);
    expect(state.cancelled).toBe(true);
  });

  it('fails when there is no body', async () => {
    await expect(readJsonArrayItems(null, () => {})).rejects.toThrow(JsonArrayError);
  });
});
