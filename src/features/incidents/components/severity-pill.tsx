import { severityStyle, stateStyle } from '../utils/incident-style';

/** A severity as colour, shape and text; SEV-0 and SEV-1 stand out most. */
export function SeverityPill({ severity, size = 'sm' }: { severity: string; size?: 'sm' | 'md' }) {
  const { cls, icon } = severityStyle(severity);
  return (
    <span className={`pill pill--${size} ${cls}`}>
      <span className="pill__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="pill__text">{severity}</span>
    </span>
  );
}

/** An incident state (active, stable, resolved, completed, or whatever Datadog adds) as colour, shape and text. */
export function StatePill({ state, size = 'sm' }: { state: string; size?: 'sm' | 'md' }) {
  const { cls, icon } = stateStyle(state);
  return (
    <span className={`pill pill--${size} ${cls}`}>
      <span className="pill__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="pill__text">{state}</span>
    </span>
  );
}
