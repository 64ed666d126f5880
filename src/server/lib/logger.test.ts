import { createLogger } from './logger';
import { createRedactor, REDACTED } from './redact';

const KEY = 'k3y+with/odd=chars&0123456789';

describe('createRedactor', () => {
  const redact = createRedactor([KEY, '']);

  it.each([
    ['raw', KEY],
    ['URL-encoded', encodeURIComponent(KEY)],
    ['base64', Buffer.from(KEY).toString('base64')],
    ['base64url', Buffer.from(KEY).toString('base64url')],
  ])('removes the %s form', (_name, form) => {
    expect(redact(`before ${form} after`)).toBe(`before ${REDACTED} after`);
  });

  it('leaves other text alone and ignores empty secrets', () => {
    expect(redact('nothing secret here')).toBe('nothing secret here');
    expect(createRedactor(['', ''])('text')).toBe('text');
  });
});

describe('createLogger', () => {
  function capture(level?: 'debug' | 'info') {
    const lines: string[] = [];
    const logger = createLogger({
      redact: createRedactor([KEY]),
      write: (l) => lines.push(l),
      level,
      now: () => Date.parse('2026-01-02T03:04:05Z'),
    });
    return { lines, logger };
  }

  it('writes one JSON object per line with time, level and message', () => {
    const { lines, logger } = capture();
    logger.info('hello', { requestId: 'r1', n: 2 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      msg: 'hello',
      requestId: 'r1',
      n: 2,
    });
  });

  it('drops lines below its level', () => {
    const { lines, logger } = capture('info');
    logger.debug('quiet');
    logger.warn('loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });

  it('redacts keys in messages, fields and errors, in every form', () => {
    const { lines, logger } = capture('debug');
    logger.debug(`raw ${KEY}`, {
      url: `https://x/?k=${encodeURIComponent(KEY)}`,
      auth: `Basic ${Buffer.from(KEY).toString('base64')}`,
      error: new Error(`failed with ${KEY}`),
      nested: { deep: [KEY] },
    });
    const text = lines.join('\n');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(encodeURIComponent(KEY));
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(text.split(REDACTED).length - 1).toBe(5);
  });

  it('keeps a CR/LF inside a value on one line', () => {
    const { lines, logger } = capture();
    logger.info('note', { comment: 'a\n{"level":"error","msg":"forged"}' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
  });
});
