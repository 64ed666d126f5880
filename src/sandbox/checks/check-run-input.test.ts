import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, type CheckHarness } from '../testing/check-helpers';
import { TEST_API_KEY, TEST_APP_KEY, TEST_NOW_MS } from '../testing/temp-sandbox';
import { CHECK_PAYLOAD_MAX_BYTES, cutMessage, parseCheckRuns } from './check-run-input';

const NOW_S = TEST_NOW_MS / 1000;
const open: CheckHarness[] = [];
function make(): CheckHarness {
  const h = harness();
  open.push(h);
  return h;
}
afterEach(() => {
  while (open.length) open.pop()!.t.dispose();
});

const run = (over: Record<string, unknown> = {}) => ({ check: 'app.ok', host_name: 'app-1', status: 0, tags: ['env:prod'], ...over });

async function latest(h: CheckHarness) {
  return (await h.t.call('GET', '/api/sandbox/check_runs/latest')).body.runs;
}

describe('parseCheckRuns', () => {
  it('keeps a valid run and defaults the timestamp to now (epoch seconds)', () => {
    expect(parseCheckRuns([run({ status: 2, message: 'down' })], TEST_NOW_MS)).toEqual([
      { check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'], timestamp: NOW_S, message: 'down' },
    ]);
  });

  it('drops the message of an OK run, and cuts others at 500 characters', () => {
    expect(parseCheckRuns([run({ status: 0, message: 'fine' })], TEST_NOW_MS)[0]!.message).toBeNull();
    const long = 'x'.repeat(700);
    expect(parseCheckRuns([run({ status: 1, message: long })], TEST_NOW_MS)[0]!.message).toBe('x'.repeat(500));
    expect(parseCheckRuns([run({ status: 3, message: '' })], TEST_NOW_MS)[0]!.message).toBeNull();
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'a'.repeat(499)}😀tail`;
    expect(cutMessage(text)).toBe('a'.repeat(499));
    expect(cutMessage('short')).toBe('short');
  });

  it('accepts 10 minutes in the past and 60 s in the future, refuses beyond', () => {
    expect(parseCheckRuns([run({ timestamp: NOW_S - 600 })], TEST_NOW_MS)[0]!.timestamp).toBe(NOW_S - 600);
    expect(parseCheckRuns([run({ timestamp: NOW_S + 60 })], TEST_NOW_MS)[0]!.timestamp).toBe(NOW_S + 60);
    expect(() => parseCheckRuns([run({ timestamp: NOW_S - 601 })], TEST_NOW_MS)).toThrow(/more than 10 minutes in the past/);
    expect(() => parseCheckRuns([run({ timestamp: NOW_S + 61 })], TEST_NOW_MS)).toThrow(/in the future/);
  });

  it.each([
    ['not an array', { check: 'a' }, /JSON array/],
    ['a non-object item', ['x'], /expected an object/],
    ['a missing check', [run({ check: undefined })], /'check'/],
    ['a check with a space', [run({ check: 'app ok' })], /'check'/],
    ['a missing host_name', [run({ host_name: undefined })], /'host_name'/],
    ['status 4', [run({ status: 4 })], /'status'/],
    ['status "2"', [run({ status: '2' })], /'status'/],
    ['missing tags', [run({ tags: undefined })], /'tags' is required/],
    ['a tag that is not a string', [run({ tags: [1] })], /every tag/],
    ['a fractional timestamp', [run({ timestamp: NOW_S - 0.5 })], /'timestamp' must be an integer/],
    ['a timestamp in ms', [run({ timestamp: TEST_NOW_MS })], /in the future/],
    ['a message that is not a string', [run({ status: 2, message: 5 })], /'message' must be a string/],
  ])('refuses %s', (_what, body, message) => {
    expect(() => parseCheckRuns(body, TEST_NOW_MS)).toThrow(message);
  });

  it('names every bad item, by index', () => {
    try {
      parseCheckRuns([run(), run({ status: 9 }), run({ tags: 'env:prod' })], TEST_NOW_MS);
      expect.unreachable();
    } catch (e) {
      expect((e as { messages: string[] }).messages).toEqual([expect.stringMatching(/^check run 1: /), expect.stringMatching(/^check run 2: /)]);
    }
  });
});

describe('POST /api/v1/check_run', () => {
  it('needs the API key only, and answers 202 {"status":"ok"} as text/json', async () => {
    const h = make();
    const res = await h.t.sandbox.fetch(
      new Request('http://sandbox/api/v1/check_run', {
        method: 'POST',
        headers: { 'DD-API-KEY': TEST_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify([run({ status: 2, message: 'down' })]),
      }),
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe('text/json');
    expect(await res.text()).toBe('{"status":"ok"}');
    await h.t.sandbox.idle();
    expect(await latest(h)).toEqual([{ check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'], message: 'down', timestamp: NOW_S }]);
  });

  it('answers 403 without the API key (an app key alone does not do)', async () => {
    const h = make();
    const res = await h.t.call('POST', '/api/v1/check_run', [run()], { 'DD-API-KEY': 'wrong', 'DD-APPLICATION-KEY': TEST_APP_KEY });
    expect(res.status).toBe(403);
    expect(await latest(h)).toEqual([]);
  });

  it('takes the API key as the api_key query parameter too', async () => {
    const h = make();
    const res = await h.t.sandbox.fetch(
      new Request(`http://sandbox/api/v1/check_run?api_key=${TEST_API_KEY}`, { method: 'POST', body: JSON.stringify([run()]) }),
    );
    expect(res.status).toBe(202);
  });

  it('answers 400 for a timestamp more than 10 minutes old or in the future, and stores nothing', async () => {
    const h = make();
    for (const timestamp of [NOW_S - 11 * 60, NOW_S + 120]) {
      const res = await h.submit({ host_name: 'app-1', status: 2, timestamp });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatch(/check run 0: 'timestamp'/);
    }
    expect(await latest(h)).toEqual([]);
    expect(await h.statuses()).toEqual({ 'host:app-1': 'OK', 'host:app-2': 'OK' });
  });

  it('one bad item refuses the whole payload', async () => {
    const h = make();
    const res = await h.submit({ host_name: 'app-1', status: 2 }, { host_name: 'app-2', status: 7 as 2 });
    expect(res.status).toBe(400);
    expect(await latest(h)).toEqual([]);
  });

  it('cuts a message at 500 characters and drops the message of an OK run', async () => {
    const h = make();
    await h.submit({ host_name: 'app-1', status: 2, message: 'm'.repeat(600) }, { host_name: 'app-2', status: 0, message: 'all good' });
    const runs = await latest(h);
    expect(runs.find((r: { host_name: string }) => r.host_name === 'app-1').message).toBe('m'.repeat(500));
    expect(runs.find((r: { host_name: string }) => r.host_name === 'app-2').message).toBeNull();
  });

  it('answers 400 for malformed JSON or an empty body', async () => {
    const h = make();
    expect((await h.t.call('POST', '/api/v1/check_run', '[{')).status).toBe(400);
    expect((await h.t.call('POST', '/api/v1/check_run', '')).status).toBe(400);
    expect((await h.t.call('POST', '/api/v1/check_run', {})).body.errors).toEqual(['The body must be a JSON array of check runs']);
  });

  it('answers 413 for a payload over 512 KB, by Content-Length and by what actually arrives', async () => {
    const h = make();
    const big = JSON.stringify([run({ status: 2, message: 'x'.repeat(CHECK_PAYLOAD_MAX_BYTES) })]);
    const declared = await h.t.call('POST', '/api/v1/check_run', big, { 'content-length': String(big.length) });
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual({ errors: ['Payload too large'] });

    // The declared length alone is enough to refuse, before anything is read.
    const declaredOnly = await h.t.sandbox.fetch(
      new Request('http://sandbox/api/v1/check_run', {
        method: 'POST',
        headers: { 'DD-API-KEY': TEST_API_KEY, 'content-length': String(CHECK_PAYLOAD_MAX_BYTES + 1) },
        body: JSON.stringify([run()]),
      }),
    );
    expect(declaredOnly.status).toBe(413);

    // A chunked body (no Content-Length) is cut off as soon as it passes the limit.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await h.t.sandbox.fetch(
      new Request('http://sandbox/api/v1/check_run', {
        method: 'POST',
        headers: { 'DD-API-KEY': TEST_API_KEY },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(await latest(h)).toEqual([]);

    // Just under the limit is fine.
    const fits = JSON.stringify([run({ status: 2, message: 'x'.repeat(CHECK_PAYLOAD_MAX_BYTES - 200) })]);
    expect((await h.t.call('POST', '/api/v1/check_run', fits)).status).toBe(202);
  });

  it('keeps at most 100 runs per check and host', async () => {
    const h = make();
    const runs = Array.from({ length: 130 }, (_, i) => run({ status: 0, timestamp: NOW_S - 300 + i }));
    expect((await h.t.call('POST', '/api/v1/check_run', runs)).status).toBe(202);
    await h.t.sandbox.idle();
    const db = new Database(path.join(h.t.dataDir, 'sandbox.sqlite'), { readonly: true });
    const kept = db.prepare("SELECT MIN(timestamp_s) AS oldest, COUNT(*) AS n FROM check_runs WHERE check_name = 'app.ok' AND host_name = 'app-1'").get();
    db.close();
    expect(kept).toEqual({ oldest: NOW_S - 300 + 30, n: 100 });
    const latestRuns = await latest(h);
    expect(latestRuns).toHaveLength(1);
    expect(latestRuns[0].timestamp).toBe(NOW_S - 300 + 129);
  });
});
