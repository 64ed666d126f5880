import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PlanRequestParsed } from '../../../contract/maintenance-schedule';
import { parseDurationMs } from '../../../contract/zoned-time';
import { InlineError } from '../../../components/errors/inline-error';
import { formatDuration } from '../../../lib/format-time';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { previewQuery } from '../api/preview-query';
import { plannedEnd, previewBodyOf, withEndMovedBy, type PlanForm } from '../utils/plan-form';
import { formatDayTimeIn } from '../utils/zoned-time';
import { ForecastActions, ForecastPanel } from './forecast-panel';
import { PreviewGroups } from './preview-groups';

/** The preview waits until typing pauses this long before asking the BFF. */
export const PREVIEW_DEBOUNCE_MS = 400;

interface PlanPreviewProps {
  form: PlanForm;
  now: number;
  update: (patch: Partial<PlanForm>) => void;
  setForm: (next: PlanForm) => void;
}

/** "when it ends at Sat 7 Jun, 04:00", or for a recurring window "at the end of each occurrence". */
function endPhraseOf(form: PlanForm, now: number): string | null {
  if (form.kind === 'recurring') return 'at the end of each occurrence';
  const end = plannedEnd(form, now);
  if (end === null) return null;
  return end === undefined ? 'when it ends' : `when it ends at ${formatDayTimeIn(end, form.timezone)}`;
}

/** What "+30 m" will do, said on the button. */
function extendDetailOf(form: PlanForm, now: number): string | undefined {
  if (form.kind === 'recurring') {
    const ms = parseDurationMs(form.duration);
    return ms === null ? undefined : `each occurrence lasts ${formatDuration(ms + 30 * 60_000)}`;
  }
  const end = plannedEnd(form, now);
  if (end === null || end === undefined) return undefined;
  return `ends ${formatDayTimeIn(end + 30 * 60_000, form.timezone)} instead of ${formatDayTimeIn(end, form.timezone)}`;
}

/**
 * The planner's live right-hand side: the group-level preview (a debounced POST preview) and the
 * end-of-window forecast with its one-click fixes, which change the form.
 */
export function PlanPreview({ form, now, update, setForm }: PlanPreviewProps) {
  const body = previewBodyOf(form, now);
  const json = body ? JSON.stringify(body) : null;
  const settled = useDebouncedValue(json, PREVIEW_DEBOUNCE_MS);
  const settledBody = useMemo(() => (settled ? (JSON.parse(settled) as PlanRequestParsed) : null), [settled]);
  const query = useQuery(previewQuery(settledBody));
  const byTags = form.monitorTags.length > 0 && !form.monitorTags.includes('*');
  const updating = json !== settled || query.isFetching;
  const end = plannedEnd(form, now);
  const canExtend = form.kind === 'recurring' ? parseDurationMs(form.duration) !== null : end !== null && end !== undefined;

  if (body === null) {
    return <p className="muted-text">The preview appears once the scope and the schedule are valid.</p>;
  }
  if (query.isError && !query.data) {
    return (
      <div className="mw-preview-error">
        <InlineError error={query.error} prefix="Couldn't preview this window" />
        <button type="button" className="btn btn--sm" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (!query.data) {
    return (
      <p className="muted-text" role="status">
        Checking what this window would mute…
      </p>
    );
  }
  const preview = query.data;
  return (
    <div className="mw-plan-preview" aria-busy={updating}>
      <p className="mw-plan-preview__state muted-text" role="status">
        {updating ? 'Updating the preview…' : preview.stale ? 'Preview from the last good copy of the monitor list.' : 'Up to date.'}
      </p>
      {query.isError && <InlineError error={query.error} prefix="The preview could not be refreshed; showing the last one" />}
      <PreviewGroups preview={preview} byTags={byTags} verb="Would mute" label="Groups this window would mute" />
      <ForecastPanel
        headingLevel="h3"
        groups={preview.groups}
        endSettings={form.endSettings}
        endPhrase={endPhraseOf(form, now)}
        note="Based on the states right now."
        actions={
          <ForecastActions
            onExtend={canExtend ? () => setForm(withEndMovedBy(form, 30, now)) : undefined}
            extendDetail={extendDetailOf(form, now)}
            muteFirstRecovery={form.endSettings.muteFirstRecovery}
            onMuteFirstRecovery={() => update({ endSettings: { ...form.endSettings, muteFirstRecovery: true } })}
            untilRecovered={form.untilRecovered}
            untilRecoveredDetail={form.untilRecovered ? 'after saving; click to undo' : 'after saving'}
            onUntilRecovered={form.kind === 'once' && canExtend ? () => update({ untilRecovered: !form.untilRecovered }) : undefined}
          />
        }
      />
    </div>
  );
}
