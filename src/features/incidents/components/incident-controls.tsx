import { useId, type ReactNode } from 'react';
import { SEVERITIES, STATES, type IncidentSummary, type IncidentState, type Severity } from '../../../contract/incidents';
import { InlineError } from '../../../components/errors/inline-error';
import { PeoplePicker, personLabel } from '../../../components/ui/people-picker';
import { useUpdateIncident } from '../api/use-update-incident';
import { SeverityPill, StatePill } from './severity-pill';

interface ControlFieldProps {
  label: string;
  /** The control's id, for the label; omit when the control labels itself. */
  htmlFor?: string;
  pending: boolean;
  error: unknown;
  onDismiss: () => void;
  children: ReactNode;
}

/** One header value: its caption, the control, "Saving…" while the change is sent, and why it failed. */
function ControlField({ label, htmlFor, pending, error, onDismiss, children }: ControlFieldProps) {
  return (
    <div className="incident-control" aria-busy={pending || undefined}>
      {htmlFor ? (
        <label className="incident-control__label" htmlFor={htmlFor}>
          {label}
        </label>
      ) : null}
      <div className="incident-control__value">
        {children}
        {pending && (
          <span className="pending-chip" role="status">
            Saving…
          </span>
        )}
      </div>
      {error != null && (
        <div className="change-error">
          <InlineError error={error} prefix={`${label} not changed`} />
          <button type="button" className="btn btn--ghost btn--sm" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

/** Read-only: the caption and the value (viewers). */
export function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="incident-control">
      <span className="incident-control__label">{label}</span>
      <div className="incident-control__value">{children}</div>
    </div>
  );
}

/** Values the select offers: the known ones, plus the current one if Datadog sent another. */
function withCurrent(known: readonly string[], current: string): string[] {
  return known.includes(current) ? [...known] : [current, ...known];
}

/** Severity, changed with one pick (PATCH {severity}); shows at once, rolled back if refused. */
export function SeverityControl({ incident }: { incident: IncidentSummary }) {
  const update = useUpdateIncident(incident.id);
  const id = useId();
  return (
    <ControlField label="Severity" htmlFor={id} pending={update.isPending} error={update.error} onDismiss={update.reset}>
      <select
        id={id}
        className={`input input--sm incident-select`}
        value={incident.severity}
        onChange={(e) => {
          update.reset();
          update.mutate({ change: { severity: e.target.value as Severity } });
        }}
      >
        {withCurrent(SEVERITIES, incident.severity).map((s) => (
          <option key={s} value={s} disabled={!(SEVERITIES as readonly string[]).includes(s)}>
            {s}
          </option>
        ))}
      </select>
      <SeverityPill severity={incident.severity} />
    </ControlField>
  );
}

/** State, changed with one pick (PATCH {state}). Resolve… is the way that also records the time and ends impact. */
export function StateControl({ incident }: { incident: IncidentSummary }) {
  const update = useUpdateIncident(incident.id);
  const id = useId();
  return (
    <ControlField label="State" htmlFor={id} pending={update.isPending} error={update.error} onDismiss={update.reset}>
      <select
        id={id}
        className="input input--sm incident-select"
        value={incident.state}
        onChange={(e) => {
          update.reset();
          update.mutate({ change: { state: e.target.value as IncidentState } });
        }}
      >
        {withCurrent(STATES, incident.state).map((s) => (
          <option key={s} value={s} disabled={!(STATES as readonly string[]).includes(s)}>
            {s}
          </option>
        ))}
      </select>
      <StatePill state={incident.state} />
    </ControlField>
  );
}

/** Commander, picked from Datadog's users (PATCH {commanderId}); "No commander" removes them. */
export function CommanderControl({ incident }: { incident: IncidentSummary }) {
  const update = useUpdateIncident(incident.id);
  return (
    <ControlField label="Commander" pending={update.isPending} error={update.error} onDismiss={update.reset}>
      <PeoplePicker
        label="Commander"
        value={incident.commander?.id ?? null}
        current={incident.commander}
        noneLabel="No commander"
        searchable={false}
        onChange={(personId, person) => {
          update.reset();
          update.mutate({ change: { commanderId: personId }, preview: { commander: person } });
        }}
      />
    </ControlField>
  );
}

export function commanderText(incident: IncidentSummary): string {
  return incident.commander ? personLabel(incident.commander) : 'None';
}
