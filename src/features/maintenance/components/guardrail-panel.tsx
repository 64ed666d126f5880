import { useId, type Ref } from 'react';
import { MUTE_EVERYTHING_CONFIRMATION, type GuardrailProblem } from '../../../contract/maintenance';
import { TextField } from '../../../components/ui/form-field';

interface GuardrailPanelProps {
  /** checkGuardrails' answer for the plan as it stands. */
  problems: readonly GuardrailProblem[];
  admin: boolean;
  maxMuteHours: number;
  /** The window goes past the cap or has no end: an admin says why. */
  overrideNeeded: boolean;
  overrideReason: string;
  onOverrideReason: (value: string) => void;
  mutesEverything: boolean;
  confirm: string;
  onConfirm: (value: string) => void;
  /** Errors to show on the two fields (after a save attempt, or from the server). */
  errors: { overrideReason?: string; confirm?: string };
  /** Focused when a save is refused by a guardrail. */
  panelRef?: Ref<HTMLDivElement>;
}

/** Problems the two fields below explain themselves, or the danger panel does. */
const SHOWN_ELSEWHERE = new Set(['overrideReason', 'confirm']);

/**
 * The guardrails, live: what needs an admin (and why), the admin's override reason, and a danger
 * panel with a typed confirmation for a window that mutes everything.
 */
export function GuardrailPanel({
  problems,
  admin,
  maxMuteHours,
  overrideNeeded,
  overrideReason,
  onOverrideReason,
  mutesEverything,
  confirm,
  onConfirm,
  errors,
  panelRef,
}: GuardrailPanelProps) {
  const overrideId = useId();
  const confirmId = useId();
  const dangerId = useId();
  const listed = problems.filter((p) => !SHOWN_ELSEWHERE.has(p.field) && !(mutesEverything && p.field === 'scope'));
  const needsAdmin = listed.filter((p) => p.status === 403);
  const toFix = listed.filter((p) => p.status !== 403);
  if (!mutesEverything && !overrideNeeded && listed.length === 0) return <div ref={panelRef} tabIndex={-1} />;

  return (
    <div ref={panelRef} tabIndex={-1} className="mw-guardrails">
      {needsAdmin.length > 0 && (
        <div className="notice notice--warn">
          <strong>This needs an admin.</strong>
          <ul>
            {needsAdmin.map((p) => (
              <li key={p.field + p.message}>{p.message}.</li>
            ))}
          </ul>
          <p>Shorten it, or ask an admin to plan it.</p>
        </div>
      )}
      {toFix.length > 0 && (
        <div className="notice notice--warn">
          <strong>Before it can be saved:</strong>
          <ul>
            {toFix.map((p) => (
              <li key={p.field + p.message}>{p.message}.</li>
            ))}
          </ul>
        </div>
      )}
      {admin && overrideNeeded && (
        <TextField
          id={overrideId}
          label="Override reason"
          required
          value={overrideReason}
          onChange={onOverrideReason}
          error={errors.overrideReason}
          hint={`This window goes past the ${maxMuteHours}-hour cap or has no end. As an admin you may plan it: say why (kept in the audit record).`}
        />
      )}
      {mutesEverything && (
        <section className="mw-danger" aria-labelledby={dangerId}>
          <h3 id={dangerId}>
            <span aria-hidden="true">⚠ </span>This mutes everything
          </h3>
          <p>
            No monitor and no tag is picked (or the tag is <code>*</code>), and the scope matches every group: every monitor in the
            organisation goes quiet, and nobody is paged for anything while it lasts.
          </p>
          {admin ? (
            <TextField
              id={confirmId}
              label={`Type “${MUTE_EVERYTHING_CONFIRMATION}” to confirm`}
              value={confirm}
              onChange={onConfirm}
              error={errors.confirm}
              mono
            />
          ) : (
            <p>
              <strong>Only an admin can plan this.</strong> Pick monitors or monitor tags, or narrow the scope.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
