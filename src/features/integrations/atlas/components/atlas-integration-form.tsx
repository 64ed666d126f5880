import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ATLAS_FIELDS, ATLAS_TYPE_LABELS, type AtlasInput, type AtlasType } from '../../../../contract/atlas';
import { InlineError } from '../../../../components/errors/inline-error';
import { serverFieldErrors, type FieldErrors } from '../../../../lib/field-errors';
import { checkAtlasDraft, initialDraft, type AtlasDraft, type AtlasMode, type StoredValues } from '../utils/atlas-form';
import { AtlasField } from './atlas-field';

interface AtlasIntegrationFormProps {
  type: AtlasType;
  /** create: POST a new configuration; update: PUT only what changed. */
  mode: AtlasMode;
  /** The stored values (secrets masked) in update mode; null in create mode. */
  stored: StoredValues | null;
  pending: boolean;
  /** The last save's error: a 400's field messages go next to their fields, anything else below the form. */
  error: unknown;
  onSubmit: (body: AtlasInput) => void;
  onCancel: () => void;
}

function without(errors: FieldErrors, name: string): FieldErrors {
  const { [name]: _drop, ...rest } = errors;
  return rest;
}

/**
 * The form for one Atlas integration type, generated from ATLAS_FIELDS. Each
 * field is checked with the shared schema (atlasInputSchema) when it is left and
 * on Save; nothing is sent while a field is wrong.
 */
export function AtlasIntegrationForm({ type, mode, stored, pending, error, onSubmit, onCancel }: AtlasIntegrationFormProps) {
  const label = ATLAS_TYPE_LABELS[type];
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<AtlasDraft>(() => initialDraft(type, mode === 'update' ? stored : null));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  // Fields changed since the last Save: their server messages are out of date, and leaving them checks them.
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const [status, setStatus] = useState('');

  // The form replaces the button that opened it: the focus moves to its first control.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([readonly]), select, [data-field] button')?.focus();
  }, []);

  const fieldId = (name: string) => `${baseId}-${name}`;
  const fieldNames = ATLAS_FIELDS[type].map((f) => f.name);
  const serverErrors = serverFieldErrors(error);
  const errors: FieldErrors = { ...clientErrors };
  for (const [name, message] of Object.entries(serverErrors)) {
    if (!edited.has(name)) errors[name] ??= message;
  }
  const explained = fieldNames.some((f) => serverErrors[f]);

  const touch = (name: string) => {
    setEdited((prev) => new Set(prev).add(name));
    setClientErrors((prev) => without(prev, name));
    setStatus('');
  };
  const setValue = (name: string, value: string | boolean | undefined) => {
    setDraft((d) => ({ ...d, values: { ...d.values, [name]: value } }));
    touch(name);
  };
  const setCleared = (name: string, cleared: boolean) => {
    setDraft((d) => ({
      values: { ...d.values, [name]: undefined },
      clear: cleared ? [...d.clear.filter((c) => c !== name), name] : d.clear.filter((c) => c !== name),
    }));
    touch(name);
  };
  const leave = (name: string) => {
    if (!edited.has(name)) return;
    const found = checkAtlasDraft(type, mode, draft, stored).errors[name];
    setClientErrors((prev) => (found ? { ...prev, [name]: found } : without(prev, name)));
  };

  const focusField = (name: string) => {
    const target =
      document.getElementById(fieldId(name)) ?? formRef.current?.querySelector<HTMLElement>(`[data-field="${name}"] button`) ?? null;
    target?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkAtlasDraft(type, mode, draft, stored);
    setEdited(new Set());
    setClientErrors(check.errors);
    if (check.unchanged) {
      setStatus('Nothing to save: no field changed, and no secret was replaced or removed.');
      return;
    }
    if (!check.body) {
      const first = fieldNames.find((f) => check.errors[f]);
      if (first) focusField(first);
      return;
    }
    setStatus('');
    onSubmit(check.body);
  };

  const otherErrors = Object.entries(errors).filter(([k]) => !fieldNames.includes(k));

  return (
    <form ref={formRef} className="form atlas-form" noValidate onSubmit={submit} aria-label={`${label} settings`}>
      <p className="muted-text atlas-form__intro">
        {mode === 'create'
          ? `Keys and tokens are write-only: once saved they read back masked.`
          : 'Stored secrets are kept unless you replace them. Only what you change is sent.'}
      </p>
      <div className="atlas-form__fields">
        {ATLAS_FIELDS[type].map((spec) => (
          <AtlasField
            key={spec.name}
            id={fieldId(spec.name)}
            spec={spec}
            mode={mode}
            stored={stored}
            value={draft.values[spec.name]}
            cleared={draft.clear.includes(spec.name)}
            error={errors[spec.name]}
            onChange={(v) => setValue(spec.name, v)}
            onClearChange={(c) => setCleared(spec.name, c)}
            onLeave={() => leave(spec.name)}
          />
        ))}
      </div>
      {otherErrors.map(([k, message]) => (
        <p key={k} className="field__error">
          {message}
        </p>
      ))}
      {error != null && !explained && <InlineError error={error} prefix={`${label} was not saved`} />}
      {error != null && explained && (
        <p className="visually-hidden" role="alert">
          {label} was not saved: {(error as Error).message}
        </p>
      )}
      <div className="atlas-form__actions">
        <button type="submit" className="btn btn--primary" disabled={pending} aria-label={pending ? `Saving ${label}…` : `Save ${label}`}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" onClick={onCancel} aria-label={`Cancel ${label}`}>
          Cancel
        </button>
        <p className="atlas-form__status" role="status">
          {status}
        </p>
      </div>
    </form>
  );
}
