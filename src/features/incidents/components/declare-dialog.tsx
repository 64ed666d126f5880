import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { SEVERITIES } from '../../../contract/incidents';
import { paths } from '../../../config/paths';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { PeoplePicker } from '../../../components/ui/people-picker';
import { serverFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { toDateTimeLocalValue } from '../../../lib/format-time';
import { useDeclareIncident } from '../api/use-declare-incident';
import { checkDeclareDraft, type DeclareDraft } from '../utils/declare-form';
import { HandlesInput } from './handles-input';
import { TypedTeamChoices, type TeamChoicesComponent } from './team-choices';

/** Fields in the order they appear, so the first one in error gets the focus. */
const FIELD_ORDER = ['title', 'severity', 'customerImpacted', 'customerImpactScope', 'customerImpactStart', 'commanderId', 'teams', 'notificationHandles'];

interface DeclareIncidentDialogProps {
  onClose: () => void;
  teamChoices?: TeamChoicesComponent;
}

/**
 * Declare an incident. The browser checks it with DeclareIncidentRequestSchema
 * (the BFF's own schema) and sends nothing while a field is wrong; a 400's field
 * errors show next to their fields too. On success, the new incident opens.
 */
export function DeclareIncidentDialog({ onClose, teamChoices: TeamChoices = TypedTeamChoices }: DeclareIncidentDialogProps) {
  const declare = useDeclareIncident();
  const navigate = useNavigate();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DeclareDraft>(() => ({
    title: '',
    severity: 'UNKNOWN',
    customerImpacted: false,
    customerImpactScope: '',
    customerImpactStart: toDateTimeLocalValue(Date.now()),
    commanderId: null,
    teams: [],
    notificationHandles: [],
  }));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = serverFieldErrors(declare.error);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const explained = FIELD_ORDER.some((f) => serverErrors[f]);

  const set = <K extends keyof DeclareDraft>(key: K, value: DeclareDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setClientErrors(({ [key]: _drop, ...rest }) => rest);
  };

  const focusFirstError = (found: FieldErrors) => {
    const first = FIELD_ORDER.find((f) => found[f]);
    if (!first) return;
    formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDeclareDraft(draft);
    if (!checked.ok) {
      setClientErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setClientErrors({});
    declare.mutate(checked.request, {
      onSuccess: (incident) => {
        onClose();
        void navigate(paths.incident.getHref(incident.id));
      },
      onError: (error) => focusFirstError(serverFieldErrors(error)),
    });
  };

  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field__error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const invalid = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
    'data-field': name,
  });

  return (
    <Modal
      title="Declare an incident"
      onClose={onClose}
      size="lg"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="btn btn--primary" disabled={declare.isPending}>
            {declare.isPending ? 'Declaring…' : 'Declare incident'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} ref={formRef} className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            Title <span className="field__req">(required)</span>
          </label>
          <input
            id={`${id}-title`}
            className="input"
            value={draft.title}
            maxLength={256}
            placeholder="e.g. Checkout errors after deploy"
            onChange={(e) => set('title', e.target.value)}
            {...invalid('title')}
          />
          {fieldError('title')}
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-severity`}>
            Severity
          </label>
          <select
            id={`${id}-severity`}
            className="input declare__severity"
            value={draft.severity}
            onChange={(e) => set('severity', e.target.value)}
            {...invalid('severity')}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s === 'UNKNOWN' ? 'UNKNOWN (decide later)' : s}
              </option>
            ))}
          </select>
          {fieldError('severity')}
        </div>

        <fieldset className="field">
          <legend className="field__label">Customer impact</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.customerImpacted}
              onChange={(e) => set('customerImpacted', e.target.checked)}
              {...invalid('customerImpacted')}
            />
            Customers are affected
          </label>
          {fieldError('customerImpacted')}
          {draft.customerImpacted && (
            <div className="field__sub">
              <label htmlFor={`${id}-scope`}>Impact scope</label>
              <textarea
                id={`${id}-scope`}
                className="input"
                rows={2}
                maxLength={1000}
                value={draft.customerImpactScope}
                placeholder="Who is affected, and how: e.g. EU customers cannot pay by card"
                onChange={(e) => set('customerImpactScope', e.target.value)}
                {...invalid('customerImpactScope')}
              />
              {fieldError('customerImpactScope')}
              <label htmlFor={`${id}-start`}>Impact started (your local time)</label>
              <input
                id={`${id}-start`}
                type="datetime-local"
                className="input declare__start"
                value={draft.customerImpactStart}
                onChange={(e) => set('customerImpactStart', e.target.value)}
                {...invalid('customerImpactStart')}
              />
              {fieldError('customerImpactStart')}
            </div>
          )}
        </fieldset>

        <PeoplePicker
          label="Commander"
          value={draft.commanderId}
          onChange={(personId) => set('commanderId', personId)}
          noneLabel="No commander yet"
          error={errors.commanderId}
        />

        <div data-field="teams" tabIndex={-1}>
          <TeamChoices legend="Teams" selected={draft.teams} onChange={(teams) => set('teams', teams)} />
          {fieldError('teams')}
        </div>

        <HandlesInput
          value={draft.notificationHandles}
          onChange={(handles) => set('notificationHandles', handles)}
          error={errors.notificationHandles}
        />

        {declare.error != null && !explained && <InlineError error={declare.error} prefix="The incident was not declared" />}
        {declare.error != null && explained && (
          <p className="visually-hidden" role="alert">
            The incident was not declared: {declare.error.message}
          </p>
        )}
      </form>
    </Modal>
  );
}
