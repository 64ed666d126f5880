import { toDateTimeLocalValue } from '../../../lib/format-time';
import {
  EMPTY_CHECK_DRAFT,
  messageCountState,
  nextDraft,
  submittedMessage,
  tagError,
  timestampBounds,
  validateCheckDraft,
  type CheckDraft,
} from './check-form';

const NOW = Date.UTC(2025, 5, 3, 12, 0, 30);
const MINUTE = 60_000;

const draft = (overrides: Partial<CheckDraft> = {}): CheckDraft => ({
  ...EMPTY_CHECK_DRAFT,
  check: 'app.ok',
  host: 'app-1',
  status: 2,
  ...overrides,
});

describe('validateCheckDraft', () => {
  it('turns a good draft into the body: no timestamp for "now", no empty message', () => {
    expect(validateCheckDraft(draft({ tags: ['env:prod'], message: '  ' }), NOW)).toEqual({
      ok: true,
      data: { check: 'app.ok', host: 'app-1', status: 2, tags: ['env:prod'] },
    });
    expect(validateCheckDraft(draft({ check: ' app.ok ', message: 'down' }), NOW)).toEqual({
      ok: true,
      data: { check: 'app.ok', host: 'app-1', status: 2, tags: [], message: 'down' },
    });
  });

  it('sends a picked time as epoch ms when it is within the last 10 minutes', () => {
    const at = NOW - 5 * MINUTE;
    const result = validateCheckDraft(draft({ when: 'at', at: toDateTimeLocalValue(at) }), NOW);
    expect(result.ok && result.data.timestamp).toBe(Math.floor(at / MINUTE) * MINUTE);
  });

  it('refuses a time more than 10 minutes old, in the future, or not given', () => {
    const old = validateCheckDraft(draft({ when: 'at', at: toDateTimeLocalValue(NOW - 11 * MINUTE) }), NOW);
    expect(old).toEqual({ ok: false, errors: { timestamp: 'Datadog refuses a result more than 10 minutes old' } });
    const future = validateCheckDraft(draft({ when: 'at', at: toDateTimeLocalValue(NOW + 5 * MINUTE) }), NOW);
    expect(future).toEqual({ ok: false, errors: { timestamp: 'The time is in the future' } });
    const empty = validateCheckDraft(draft({ when: 'at', at: '' }), NOW);
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.errors.timestamp).toMatch(/Choose a date and time/);
  });

  it("reports each field in the schema's words, and a missing status plainly", () => {
    const result = validateCheckDraft({ ...EMPTY_CHECK_DRAFT, check: '1bad', host: 'bad host', message: 'x'.repeat(501) }, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        status: 'Choose a status',
        check: 'A check name starts with a letter: letters, digits, . _ or - (at most 200)',
        host: 'A host name is letters, digits, . _ : or - (at most 255)',
        message: 'At most 500 characters',
      },
    });
  });

  it('accepts a message of exactly 500 characters', () => {
    expect(validateCheckDraft(draft({ message: 'x'.repeat(500) }), NOW).ok).toBe(true);
  });
});

describe('the form helpers', () => {
  it('offers picker bounds from 10 minutes ago (rounded up to a whole minute) to now', () => {
    expect(timestampBounds(NOW)).toEqual({
      min: toDateTimeLocalValue(Date.UTC(2025, 5, 3, 11, 51, 0)),
      max: toDateTimeLocalValue(NOW),
    });
  });

  it('warns near the 500-character cut and errs past it', () => {
    expect(messageCountState(0)).toBe('ok');
    expect(messageCountState(449)).toBe('ok');
    expect(messageCountState(450)).toBe('near');
    expect(messageCountState(500)).toBe('near');
    expect(messageCountState(501)).toBe('over');
  });

  it('names what was submitted, and keeps check, host and tags for the next one', () => {
    expect(submittedMessage({ check: 'app.ok', host: 'app-1', status: 2 })).toBe('CRITICAL for app.ok on app-1 submitted');
    expect(submittedMessage({ check: 'app.ok', host: 'app-1', status: 0 })).toBe('OK for app.ok on app-1 submitted');
    const sent = draft({ tags: ['env:prod'], message: 'down', when: 'at', at: '2025-06-03T11:55' });
    expect(nextDraft(sent)).toEqual({ ...EMPTY_CHECK_DRAFT, check: 'app.ok', host: 'app-1', tags: ['env:prod'] });
  });

  it('checks one tag with the schema', () => {
    expect(tagError('env:prod')).toBeNull();
    expect(tagError('has space')).toBe('Tags have no spaces or commas, at most 200 characters');
  });
});
