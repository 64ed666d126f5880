import { useId, useState, type FormEvent } from 'react';
import type { IncidentSummary } from '../../../contract/incidents';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { serverFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { useUpdateIncident } from '../api/use-update-incident';
import { checkImpactDraft, impactDraftFrom, type ImpactDraft } from '../utils/impact-form';
import { publicIdLabel } from '../utils/incident-style';

const FIELDS = ['customerImpacted', 'customerImpactScope', 'customerImpactStart', 'customerImpactEnd'];

/** Customer impact: on or off, its scope, start and end; checked with UpdateIncidentRequestSchema (no end before its start). */
export function ImpactDialog({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const update = useUpdateIncident(incident.id);
  const id = useId();
  const [draft, setDraft] = useState<ImpactDraft>(() => impactDraftFrom(incident, Date.now()));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = serverFieldErrors(update.error);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const explained = FIELDS.some((f) => serverErrors[f]);

  const set = <K extends keyof ImpactDraft>(key: K, value: ImpactDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setClientErrors(({ [key]: _drop, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkImpactDraft(draft);
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors({});
    update.mutate({ change: checked.change }, { onSuccess: () => onClose() });
  };

  const described = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field__error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <Modal
      title={`Customer impact on ${publicIdLabel(incident.publicId)}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="btn btn--primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save customer impact'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form" noValidate onSubmit={submit}>
        <label className="checkbox">
          <input type="checkbox" checked={draft.customerImpacted} onChange={(e) => set('customerImpacted', e.target.checked)} />
          Customers are affected
        </label>
        {draft.customerImpacted && (
          <>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-scope`}>
                Impact scope
              </label>
              <textarea
                id={`${id}-scope`}
                className="input"
                rows={2}
                maxLength={1000}
                value={draft.customerImpactScope}
                onChange={(e) => set('customerImpactScope', e.target.value)}
                {...described('customerImpactScope')}
              />
              {fieldError('customerImpactScope')}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-start`}>
                Impact started (your local time)
              </label>
              <input
                id={`${id}-start`}
                type="datetime-local"
                className="input"
                value={draft.customerImpactStart}
                onChange={(e) => set('customerImpactStart', e.target.value)}
                {...described('customerImpactStart')}
              />
              {fieldError('customerImpactStart')}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-end`}>
                Impact ended <span className="field__opt">(empty while it goes on)</span>
              </label>
              <input
                id={`${id}-end`}
                type="datetime-local"
                className="input"
                value={draft.customerImpactEnd}
                min={draft.customerImpactStart || undefined}
                onChange={(e) => set('customerImpactEnd', e.target.value)}
                {...described('customerImpactEnd')}
              />
              {fieldError('customerImpactEnd')}
            </div>
          </>
        )}
        {update.error != null && !explained && <InlineError error={update.error} prefix="Customer impact not changed" />}
      </form>
    </Modal>
  );
}
