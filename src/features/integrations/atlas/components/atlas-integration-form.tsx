import { useEffect, useId, useState, type FormEvent } from 'react';
import { ATLAS_FIELDS, ATLAS_TYPE_LABELS, type AtlasInput, type AtlasType } from '../../../../contract/atlas';
import { serverFieldErrors } from '../../../../lib/field-errors';
import { FormSendError } from '../../components/form-send-error';
import { useDraftForm } from '../../hooks/use-draft-form';
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

/**
 * The form for one Atlas integration type, generated from ATLAS_FIELDS. Each
 * field is checked with the shared schema (atlasInputSchema) when it is left and
 * on Save; nothing is sent while a field is wrong.
 */
export function AtlasIntegrationForm({ type, mode, stored, pending, error, onSubmit, onCancel }: AtlasIntegrationFormProps) {
  const label = ATLAS_TYPE_LABELS[type];
  const baseId = useId();
  const fieldNames = ATLAS_FIELDS[type].map((f) => f.name);
  const serverErrors = serverFieldErrors(error);
  const form = useDraftForm({
    initial: () => initialDraft(type, mode === 'update' ? stored : null),
    validate: (draft: AtlasDraft) => checkAtlasDraft(type, mode, draft, stored),
    serverErrors,
  });
  const { draft, errors, formRef } = form;
  const [status, setStatus] = useState('');

  // The form replaces the button that opened it: the focus moves to its first control.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([readonly]), select, [data-field] button')?.focus();
  }, [formRef]);

  const change = (name: string, next: (d: AtlasDraft) => AtlasDraft) => {
    form.update(name, next);
    setStatus('');
  };
  const setValue = (name: string, value: string | boolean | undefined) => change(name, (d) => ({ ...d, values: { ...d.values, [name]: value } }));
  const setCleared = (name: string, cleared: boolean) =>
    change(name, (d) => ({
      values: { ...d.values, [name]: undefined },
      clear: cleared ? [...d.clear.filter((c) => c !== name), name] : d.clear.filter((c) => c !== name),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const save = form.submit();
    if (!save) return;
    if (save.unchanged) {
      setStatus('Nothing to save: no field changed, and no secret was replaced or removed.');
      return;
    }
    setStatus('');
    onSubmit(save.body);
  };

  // A check about no field on screen (the schema's `clear`, say); the BFF's own say so below, in FormSendError.
  const otherErrors = Object.entries(errors).filter(([k]) => !fieldNames.includes(k) && !(k in serverErrors));

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
            id={`${baseId}-${spec.name}`}
            spec={spec}
            mode={mode}
            stored={stored}
            value={draft.values[spec.name]}
            cleared={draft.clear.includes(spec.name)}
            error={errors[spec.name]}
            onChange={(v) => setValue(spec.name, v)}
            onClearChange={(c) => setCleared(spec.name, c)}
            onLeave={() => form.blur(spec.name)}
          />
        ))}
      </div>
      {otherErrors.map(([k, message]) => (
        <p key={k} className="field__error">
          {message}
        </p>
      ))}
      <FormSendError error={error} prefix={`${label} was not saved`} fields={fieldNames} />
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
