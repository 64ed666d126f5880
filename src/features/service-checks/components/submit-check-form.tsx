import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CheckStatus } from '../../../contract/service-checks';
import { InlineError } from '../../../components/errors/inline-error';
import { ChipInput } from '../../../components/ui/chip-input';
import { explainedByFields, serverFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { useSubmitCheck } from '../api/use-submit-check';
import { useSuccessToast } from '../hooks/use-success-toast';
import {
  CHECK_FIELDS,
  EMPTY_CHECK_DRAFT,
  fieldError,
  nextDraft,
  submittedMessage,
  tagError,
  validateCheckDraft,
  type CheckDraft,
  type CheckField,
} from '../utils/check-form';
import { MessageField } from './message-field';
import { StatusField } from './status-field';
import { TimeField } from './time-field';

/** Which field a change to a draft key belongs to (the time is two keys, one field). */
const FIELD_OF: Record<keyof CheckDraft, CheckField> = {
  check: 'check',
  host: 'host',
  status: 'status',
  tags: 'tags',
  message: 'message',
  when: 'timestamp',
  at: 'timestamp',
};

const PENDING_TAG = 'Add or remove the tag you are typing first';

function without(errors: FieldErrors, field: string): FieldErrors {
  const { [field]: _drop, ...rest } = errors;
  return rest;
}

/**
 * Responders and admins: one service check result (check, host, status, tags,
 * message, time). Each field is checked with the contract's schema when focus
 * leaves it, and all of them on submit; nothing is sent while one is wrong. A
 * 400 from the BFF shows on its fields. After a success, the check, host and
 * tags stay for the next result.
 */
export function SubmitCheckForm() {
  const id = useId();
  const submit = useSubmitCheck();
  const toast = useSuccessToast();
  const [draft, setDraft] = useState<CheckDraft>(EMPTY_CHECK_DRAFT);
  const draftRef = useRef(draft);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const dirty = useRef(new Set<CheckField>());
  const pendingTag = useRef('');
  const targets = useRef<Partial<Record<CheckField, HTMLElement | null>>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = CHECK_FIELDS.find((f) => errors[f]);
    if (first) targets.current[first]?.focus();
    // Only a new request moves the focus, not every change of the errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const setField = (field: CheckField, message: string | undefined) =>
    setClientErrors((prev) => (message ? { ...prev, [field]: message } : without(prev, field)));

  const update = (change: Partial<CheckDraft>) => {
    const next = { ...draftRef.current, ...change };
    draftRef.current = next;
    setDraft(next);
    const fields = new Set((Object.keys(change) as (keyof CheckDraft)[]).map((k) => FIELD_OF[k]));
    for (const field of fields) {
      dirty.current.add(field);
      setServerErrors((prev) => without(prev, field));
      // An error goes as soon as it is fixed; a new one waits for blur or submit.
      if (clientErrors[field]) setField(field, fieldError(next, field, Date.now()));
    }
  };

  const blur = (field: CheckField) => {
    if (field === 'tags' && pendingTag.current.trim()) return; // the chip input shows why its text was refused
    if (dirty.current.has(field) || clientErrors[field]) setField(field, fieldError(draftRef.current, field, Date.now()));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    const result = validateCheckDraft(draftRef.current, Date.now());
    const found: FieldErrors = result.ok ? {} : { ...result.errors };
    if (pendingTag.current.trim()) found.tags ??= PENDING_TAG;
    setClientErrors(found);
    setServerErrors({});
    if (!result.ok || Object.keys(found).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    submit.mutate(result.data, {
      onSuccess: (answer, body) => {
        toast(submittedMessage(body), answer.messageDropped ? 'Datadog dropped its message: an OK check keeps none.' : undefined);
        // From the draft as it is now: anything typed into check, host or tags meanwhile stays.
        const next = nextDraft(draftRef.current);
        draftRef.current = next;
        setDraft(next);
        dirty.current.clear();
      },
      onError: (error) => {
        const fields = serverFieldErrors(error);
        setServerErrors(fields);
        if (explainedByFields(fields, CHECK_FIELDS)) setFocusRequest((n) => n + 1);
      },
    });
  };

  const explained = explainedByFields(serverErrors, CHECK_FIELDS);
  const text = (field: 'check' | 'host', label: string, hint: string, placeholder: string) => {
    const inputId = `${id}-${field}`;
    const error = errors[field];
    return (
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        <input
          ref={(el) => {
            targets.current[field] = el;
          }}
          id={inputId}
          className="input input--mono"
          value={draft[field]}
          placeholder={placeholder}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(' ')}
          onChange={(e) => update({ [field]: e.target.value })}
          onBlur={() => blur(field)}
        />
        <p className="field__hint" id={`${inputId}-hint`}>
          {hint}
        </p>
        {error && (
          <p className="field__error" id={`${inputId}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="card card--padded check-form">
      <h2 id={`${id}-title`}>Submit a service check</h2>
      <form className="form" aria-labelledby={`${id}-title`} noValidate onSubmit={onSubmit}>
        <div className="check-form__names">
          {text('check', 'Check', 'The service check name, e.g. app.ok.', 'app.ok')}
          {text('host', 'Host', 'The host the result is for, e.g. app-1.', 'app-1')}
        </div>
        <StatusField
          id={`${id}-status`}
          value={draft.status}
          onChange={(status: CheckStatus) => update({ status })}
          onBlur={() => blur('status')}
          error={errors.status}
          firstRef={(el) => {
            targets.current.status = el;
          }}
        />
        <ChipInput
          id={`${id}-tags`}
          label="Tags"
          optional
          value={draft.tags}
          onChange={(tags) => update({ tags })}
          validate={tagError}
          error={errors.tags}
          hint="key:value, e.g. env:prod. Press Enter or comma to add one; a monitor's scope matches them."
          placeholder="env:prod"
          onBlur={() => blur('tags')}
          onPendingChange={(pending) => {
            pendingTag.current = pending;
            if (!pending.trim() && clientErrors.tags === PENDING_TAG) setField('tags', undefined);
          }}
          inputRef={(el) => {
            targets.current.tags = el;
          }}
        />
        <MessageField
          id={`${id}-message`}
          value={draft.message}
          onChange={(message) => update({ message })}
          onBlur={() => blur('message')}
          error={errors.message}
          okStatus={draft.status === 0}
          textareaRef={(el) => {
            targets.current.message = el;
          }}
        />
        <TimeField
          id={`${id}-time`}
          when={draft.when}
          at={draft.at}
          onChange={(change) => update(change)}
          onBlur={() => blur('timestamp')}
          error={errors.timestamp}
          inputRef={(el) => {
            targets.current.timestamp = el;
          }}
        />
        {errors.form && <p className="field__error">{errors.form}</p>}
        {submit.error != null && !explained && <InlineError error={submit.error} prefix="The check was not submitted" />}
        {submit.error != null && explained && (
          <p className="visually-hidden" role="alert">
            The check was not submitted: {submit.error.message}
          </p>
        )}
        <div className="check-form__actions">
          <button type="submit" className="btn btn--primary" disabled={submit.isPending}>
            Submit check
          </button>
          {submit.isPending && (
            <span className="muted-text" role="status">
              Submitting…
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
