import {
  CHECK_MAX_AGE_MS,
  CHECK_MESSAGE_MAX,
  CHECK_STATUS_LABELS,
  checkTimestampError,
  ServiceCheckSubmitSchema,
  type CheckStatus,
  type ServiceCheckSubmit,
} from '../../../contract/service-checks';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { parseDateTimeLocalValue, toDateTimeLocalValue } from '../../../lib/format-time';

/** What the submit form holds; `at` is a datetime-local value, used when `when` is "at". */
export interface CheckDraft {
  check: string;
  host: string;
  status: CheckStatus | null;
  tags: string[];
  message: string;
  when: 'now' | 'at';
  at: string;
}

/** The form's fields, in the order they appear (the first in error gets the focus). */
export const CHECK_FIELDS = ['check', 'host', 'status', 'tags', 'message', 'timestamp'] as const;
export type CheckField = (typeof CHECK_FIELDS)[number];

export const EMPTY_CHECK_DRAFT: CheckDraft = { check: '', host: '', status: null, tags: [], message: '', when: 'now', at: '' };

/** The count turns to a warning this many characters before Datadog's cut. */
export const MESSAGE_NEAR_LIMIT = 50;

export type MessageCount = 'ok' | 'near' | 'over';

export function messageCountState(length: number): MessageCount {
  if (length > CHECK_MESSAGE_MAX) return 'over';
  if (length >= CHECK_MESSAGE_MAX - MESSAGE_NEAR_LIMIT) return 'near';
  return 'ok';
}

const MINUTE = 60_000;

/**
 * The datetime-local bounds for a result's time: from 10 minutes ago (rounded up to the
 * minute the picker can show, so the earliest choice is still accepted) to now.
 */
export function timestampBounds(now: number): { min: string; max: string } {
  const earliest = Math.ceil((now - CHECK_MAX_AGE_MS) / MINUTE) * MINUTE;
  return { min: toDateTimeLocalValue(earliest), max: toDateTimeLocalValue(now) };
}

export type CheckValidation = { ok: true; data: ServiceCheckSubmit } | { ok: false; errors: FieldErrors };

/**
 * The request body for a draft, checked with the contract's schema (the BFF runs the same one),
 * and the time with checkTimestampError at `now`; or the first error per field.
 * An empty message is left out, and "Now" sends no timestamp (Datadog uses its own clock).
 */
export function validateCheckDraft(draft: CheckDraft, now: number): CheckValidation {
  const errors: FieldErrors = {};
  let timestamp: number | undefined;
  if (draft.when === 'at') {
    const at = parseDateTimeLocalValue(draft.at);
    if (at === null) errors.timestamp = 'Choose a date and time, or send the result as of now';
    else {
      timestamp = at;
      const problem = checkTimestampError(at, now);
      if (problem) errors.timestamp = problem;
    }
  }
  if (draft.status === null) errors.status = 'Choose a status';

  const parsed = ServiceCheckSubmitSchema.safeParse({
    check: draft.check,
    host: draft.host,
    status: draft.status ?? undefined,
    tags: draft.tags,
    ...(draft.message.trim() ? { message: draft.message } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
  });
  if (!parsed.success) {
    for (const [key, message] of Object.entries(zodFieldErrors(parsed.error))) errors[key] ??= message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

/** One field's error for a draft (checked when focus leaves it), or undefined. */
export function fieldError(draft: CheckDraft, field: CheckField, now: number): string | undefined {
  const result = validateCheckDraft(draft, now);
  return result.ok ? undefined : result.errors[field];
}

/** Why one tag chip is refused, in the schema's words, or null. */
export function tagError(tag: string): string | null {
  const result = ServiceCheckSubmitSchema.shape.tags.unwrap().element.safeParse(tag);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Not a valid tag');
}

export function statusLabel(status: number): string {
  return CHECK_STATUS_LABELS[status as CheckStatus] ?? `Status ${status}`;
}

/** "CRITICAL for app.ok on app-1 submitted". */
export function submittedMessage(body: Pick<ServiceCheckSubmit, 'check' | 'host' | 'status'>): string {
  return `${statusLabel(body.status)} for ${body.check.trim()} on ${body.host.trim()} submitted`;
}

/** After a submit: the same check, host and tags for the next result; status, message and time start again. */
export function nextDraft(draft: CheckDraft): CheckDraft {
  return { ...EMPTY_CHECK_DRAFT, check: draft.check, host: draft.host, tags: draft.tags };
}
