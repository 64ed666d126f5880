import { useState } from 'react';
import type { IncidentSummary } from '../../../contract/incidents';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { useUpdateIncident } from '../api/use-update-incident';
import { publicIdLabel } from '../utils/incident-style';
import { TypedTeamChoices, type TeamChoicesComponent } from './team-choices';

function TeamChips({ teams }: { teams: string[] }) {
  if (teams.length === 0) return <span className="muted-text">None</span>;
  return (
    <span className="chips chips--inline">
      {teams.map((t) => (
        <span key={t} className="chip">
          {t}
        </span>
      ))}
    </span>
  );
}

/** The incident's teams: read-only for viewers. */
export function TeamsReadOnly({ teams }: { teams: string[] }) {
  return (
    <div className="incident-control">
      <span className="incident-control__label">Teams</span>
      <div className="incident-control__value">
        <TeamChips teams={teams} />
      </div>
    </div>
  );
}

interface TeamsControlProps {
  incident: IncidentSummary;
  teamChoices?: TeamChoicesComponent;
}

/** The teams on the incident; the button opens a checkbox list of teams, saved with one PATCH {teams}. */
export function TeamsControl({ incident, teamChoices: TeamChoices = TypedTeamChoices }: TeamsControlProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(incident.teams);
  const update = useUpdateIncident(incident.id);
  const ir = publicIdLabel(incident.publicId);
  const list = incident.teams.join(', ') || 'none';

  return (
    <div className="incident-control">
      <span className="incident-control__label" aria-hidden="true">
        Teams
      </span>
      <div className="incident-control__value">
        <button
          type="button"
          className="btn btn--sm teams-button"
          aria-label={`Teams: ${list}. Change`}
          onClick={() => {
            setChosen(incident.teams);
            update.reset();
            setOpen(true);
          }}
        >
          <TeamChips teams={incident.teams} />
          <span aria-hidden="true" className="teams-button__edit">
            ✎
          </span>
        </button>
        {update.isPending && !open && (
          <span className="pending-chip" role="status">
            Saving…
          </span>
        )}
      </div>
      {open && (
        <Modal
          title={`Teams on ${ir}`}
          onClose={() => setOpen(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn--primary"
                disabled={update.isPending}
                onClick={() => update.mutate({ change: { teams: chosen } }, { onSuccess: () => setOpen(false) })}
              >
                {update.isPending ? 'Saving…' : 'Save teams'}
              </button>
            </>
          }
        >
          <TeamChoices legend="Teams working on this incident" selected={chosen} onChange={setChosen} />
          {update.error != null && <InlineError error={update.error} prefix="Teams not changed" />}
        </Modal>
      )}
    </div>
  );
}
