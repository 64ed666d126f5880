import type { ReactNode } from 'react';
import type { IncidentSummary } from '../../../contract/incidents';
import { RelativeTime } from '../../../components/ui/relative-time';
import { CommanderControl, commanderText, ReadOnlyField, SeverityControl, StateControl } from './incident-controls';
import { IncidentTitle } from './incident-title';
import { SeverityPill, StatePill } from './severity-pill';
import { TeamsControl, TeamsReadOnly } from './teams-control';
import type { TeamChoicesComponent } from './team-choices';

interface IncidentHeaderProps {
  incident: IncidentSummary;
  /** Responders and admins change severity, state, commander and teams here; viewers read them. */
  canChange: boolean;
  teamChoices?: TeamChoicesComponent;
  actions: ReactNode;
}

/** IR-n and title (responders and admins can rename it), then severity, state, commander and teams (one-click changes), and when it was declared and resolved. */
export function IncidentHeader({ incident: i, canChange, teamChoices, actions }: IncidentHeaderProps) {
  return (
    <header className="detail-head incident-head">
      <div className="detail-head__title">
        <IncidentTitle incident={i} canChange={canChange} />
      </div>
      <div className="incident-head__controls">
        {canChange ? (
          <>
            <SeverityControl incident={i} />
            <StateControl incident={i} />
            <CommanderControl incident={i} />
            <TeamsControl incident={i} teamChoices={teamChoices} />
          </>
        ) : (
          <>
            <ReadOnlyField label="Severity">
              <SeverityPill severity={i.severity} size="md" />
            </ReadOnlyField>
            <ReadOnlyField label="State">
              <StatePill state={i.state} size="md" />
            </ReadOnlyField>
            <ReadOnlyField label="Commander">{commanderText(i)}</ReadOnlyField>
            <TeamsReadOnly teams={i.teams} />
          </>
        )}
        <ReadOnlyField label="Declared">
          <RelativeTime at={i.createdAt} />
        </ReadOnlyField>
        {i.resolvedAt !== null && (
          <ReadOnlyField label="Resolved">
            <RelativeTime at={i.resolvedAt} />
          </ReadOnlyField>
        )}
      </div>
      {actions && <div className="detail-head__actions">{actions}</div>}
    </header>
  );
}
