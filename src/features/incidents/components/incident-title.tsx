import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { INCIDENT_TITLE_MAX, type IncidentSummary } from '../../../contract/incidents';
import { InlineError } from '../../../components/errors/inline-error';
import { useUpdateIncident } from '../api/use-update-incident';
import { publicIdLabel } from '../utils/incident-style';

interface IncidentTitleProps {
  incident: IncidentSummary;
  /** Responders and admins may rename the incident; viewers read the title. */
  canChange: boolean;
}

/** Why a title cannot be saved, or null when it can. */
export function titleProblem(title: string): string | null {
  const trimmed = title.trim();
  if (trimmed === '') return 'A title is required';
  if (trimmed.length > INCIDENT_TITLE_MAX) return `At most ${INCIDENT_TITLE_MAX} characters (${trimmed.length} now)`;
  return null;
}

/**
 * IR-n and the title as the page's heading; for responders and admins, "Rename" turns it into a
 * field (Enter or Save saves, Escape or Cancel leaves it as it was). The new title shows at once;
 * if the BFF refuses it, the old one comes back and the field stays open with the text typed, and
 * why. A rename is recorded on the timeline by the BFF.
 */
export function IncidentTitle({ incident: i, canChange }: IncidentTitleProps) {
  const id = useId();
  const update = useUpdateIncident(i.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  /** The field's text is selected once, when it opens (later clicks place the caret as usual). */
  const selectOnFocus = useRef(false);

  const close = () => {
    setDraft(null);
    setProblem(null);
    refocus.current = true;
  };
  // Back to where the rename started, once the button is there again.
  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    renameButton.current?.focus();
  }, [draft]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    const why = titleProblem(draft);
    setProblem(why);
    if (why) return;
    const title = draft.trim();
    if (title === i.title) {
      close();
      return;
    }
    update.reset();
    update.mutate({ change: { title } }, { onSuccess: close });
  };

  const heading = (
    <h1 id={`${id}-heading`}>
      <span className="incident-head__id">{publicIdLabel(i.publicId)}</span> {i.title}
    </h1>
  );

  if (!canChange) return heading;
  if (draft === null) {
    return (
      <>
        {heading}
        <button
          ref={renameButton}
          type="button"
          className="btn btn--ghost btn--sm"
          aria-describedby={`${id}-heading`}
          onClick={() => {
            update.reset();
            selectOnFocus.current = true;
            setDraft(i.title);
          }}
        >
          Rename
        </button>
        {update.isPending && (
          <span className="pending-chip" role="status">
            Saving…
          </span>
        )}
        {/* A rename sent and then left with Cancel can still be refused: say so here. */}
        {update.error != null && (
          <div className="change-error">
            <InlineError error={update.error} prefix="Title not changed" />
            <button type="button" className="btn btn--ghost btn--sm" onClick={update.reset}>
              Dismiss
            </button>
          </div>
        )}
      </>
    );
  }

  const errorId = `${id}-error`;
  return (
    <>
      {heading}
      <form
        className="incident-title-form"
        aria-label="Rename the incident"
        noValidate
        onSubmit={save}
        onKeyDown={(e) => {
          // Escape anywhere in the form (the field or its buttons) leaves the title as it was.
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <label className="field__label" htmlFor={`${id}-title`}>
          Title
        </label>
        <input
          id={`${id}-title`}
          className="input incident-title-form__input"
          value={draft}
          autoFocus
          onFocus={(e) => {
            if (!selectOnFocus.current) return;
            selectOnFocus.current = false;
            e.currentTarget.select();
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            if (problem) setProblem(null);
          }}
        />
        <button type="submit" className="btn btn--primary btn--sm" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn btn--sm" onClick={close}>
          Cancel
        </button>
        {problem && (
          <p className="field__error" id={errorId} role="alert">
            {problem}
          </p>
        )}
        {update.error != null && <InlineError error={update.error} prefix="Title not changed" />}
      </form>
    </>
  );
}
