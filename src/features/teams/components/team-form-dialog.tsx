import { useId, useRef, useState, type FormEvent } from 'react';
import { CreateTeamRequestSchema, UpdateTeamRequestSchema, type Team, type UpdateTeamRequest } from '../../../contract/teams';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { isApiError } from '../../../lib/api-client';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { useCreateTeam } from '../api/use-create-team';
import { useUpdateTeam } from '../api/use-update-team';
import { suggestHandle } from '../utils/list-params';

const FIELDS = ['name', 'handle', 'description'] as const;

interface Draft {
  name: string;
  handle: string;
  description: string;
}

interface TeamFormProps {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  initial: Draft;
  /** Suggest the handle from the name until the handle is typed in (new teams). */
  suggest: boolean;
  pending: boolean;
  error: unknown;
  errorPrefix: string;
  /** Checks the draft with the contract's schema; returns field errors, or null when it was sent. */
  onSubmit: (draft: Draft) => FieldErrors | null;
  onClose: () => void;
  handleHint: string;
}

/** Name, handle and description, with errors next to each field: the schema's in the browser, the BFF's after a 400 or 409. */
function TeamForm({ title, submitLabel, pendingLabel, initial, suggest, pending, error, errorPrefix, onSubmit, onClose, handleHint }: TeamFormProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(initial);
  const [handleTouched, setHandleTouched] = useState(!suggest);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const conflict = isApiError(error) && error.status === 409;
  const serverErrors: FieldErrors = { ...serverFieldErrors(error), ...(conflict ? { handle: (error as Error).message } : {}) };
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const explained = FIELDS.some((f) => serverErrors[f]);

  const set = (key: keyof Draft, value: string) => {
    setDraft((d) => {
      const next = { ...d, [key]: value };
      if (key === 'name' && !handleTouched) next.handle = suggestHandle(value);
      return next;
    });
    // A suggested handle replaces the one an error was about.
    setClientErrors(({ [key]: _drop, ...rest }) => (key === 'name' && !handleTouched ? (({ handle: _h, ...r }) => r)(rest) : rest));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = onSubmit(draft);
    setClientErrors(found ?? {});
    const first = FIELDS.find((f) => found?.[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const described = (name: (typeof FIELDS)[number], hint = false) => ({
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [hint ? `${id}-${name}-hint` : null, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field__error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="btn btn--primary" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} ref={formRef} className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name <span className="field__req">(required)</span>
          </label>
          <input id={`${id}-name`} className="input" value={draft.name} maxLength={200} onChange={(e) => set('name', e.target.value)} {...described('name')} />
          {fieldError('name')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-handle`}>
            Handle <span className="field__req">(required)</span>
          </label>
          <input
            id={`${id}-handle`}
            className="input input--mono"
            value={draft.handle}
            maxLength={195}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => {
              setHandleTouched(true);
              set('handle', e.target.value);
            }}
            {...described('handle', true)}
          />
          <p className="field__hint" id={`${id}-handle-hint`}>
            {handleHint}
          </p>
          {fieldError('handle')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            Description <span className="field__opt">(optional)</span>
          </label>
          <textarea
            id={`${id}-description`}
            className="input"
            rows={3}
            maxLength={2000}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            {...described('description')}
          />
          {fieldError('description')}
        </div>
        {errors.form && <p className="field__error">{errors.form}</p>}
        {error != null && !explained && <InlineError error={error} prefix={errorPrefix} />}
        {error != null && explained && (
          <p className="visually-hidden" role="alert">
            {errorPrefix}: {(error as Error).message}
          </p>
        )}
      </form>
    </Modal>
  );
}

/** Admins: a new team. The handle follows the name until it is typed in; on success, the caller opens the team. */
export function CreateTeamDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (team: Team) => void }) {
  const create = useCreateTeam();
  return (
    <TeamForm
      title="New team"
      submitLabel="Create team"
      pendingLabel="Creating…"
      initial={{ name: '', handle: '', description: '' }}
      suggest
      pending={create.isPending}
      error={create.error}
      errorPrefix="The team was not created"
      handleHint="Lower-case letters, digits, dash and underscore. Monitors name it in their team:<handle> tag."
      onClose={onClose}
      onSubmit={(draft) => {
        const parsed = CreateTeamRequestSchema.safeParse({
          name: draft.name,
          handle: draft.handle,
          ...(draft.description.trim() ? { description: draft.description } : {}),
        });
        if (!parsed.success) return zodFieldErrors(parsed.error);
        create.mutate(parsed.data, { onSuccess: (team) => onCreated(team) });
        return null;
      }}
    />
  );
}

/** Admins: rename the team, change its handle or description; only what changed is sent. */
export function EditTeamDialog({ team, onClose }: { team: Team; onClose: () => void }) {
  const update = useUpdateTeam();
  return (
    <TeamForm
      title={`Edit ${team.name}`}
      submitLabel="Save changes"
      pendingLabel="Saving…"
      initial={{ name: team.name, handle: team.handle, description: team.description ?? '' }}
      suggest={false}
      pending={update.isPending}
      error={update.error}
      errorPrefix="The team was not changed"
      handleHint="Incidents and monitor tags that use the old handle keep it: change them too."
      onClose={onClose}
      onSubmit={(draft) => {
        const change: UpdateTeamRequest = {};
        if (draft.name !== team.name) change.name = draft.name;
        if (draft.handle !== team.handle) change.handle = draft.handle;
        if (draft.description !== (team.description ?? '')) change.description = draft.description.trim() ? draft.description : null;
        if (Object.keys(change).length === 0) {
          onClose();
          return null;
        }
        const parsed = UpdateTeamRequestSchema.safeParse(change);
        if (!parsed.success) return zodFieldErrors(parsed.error);
        update.mutate({ id: team.id, change: parsed.data }, { onSuccess: () => onClose() });
        return null;
      }}
    />
  );
}
