import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { TimelineEntry } from '../../../contract/incidents';
import { RelativeTime } from '../../../components/ui/relative-time';
import { formatShortTime, plural } from '../../../lib/format-time';
import { incidentQueries } from '../api/incident-queries';
import { useTimelineKinds } from '../hooks/use-timeline-kinds';
import { groupOf, kindIcon, kindLabel, matchesKinds, safeEntryLink, sortEntries } from '../utils/timeline-kinds';
import { TimelineFilter } from './timeline-filter';

function linkText(entry: TimelineEntry): string {
  return entry.kind === 'mute' || entry.kind === 'unmute' ? 'Go to the monitor' : 'Open';
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const summaryId = useId();
  const link = safeEntryLink(entry.link);
  const label = kindLabel(entry.kind);
  return (
    <li className={`tl-entry tl-entry--${groupOf(entry.kind).id}`} data-kind={entry.kind}>
      <span className="tl-entry__icon" aria-hidden="true" title={label}>
        {kindIcon(entry.kind)}
      </span>
      <div className="tl-entry__body">
        <p className="tl-entry__summary" id={summaryId}>
          <span className="visually-hidden">{label}: </span>
          {entry.summary}
        </p>
        {entry.detail && <p className={`tl-entry__detail${entry.kind === 'note' ? ' tl-entry__detail--note' : ''}`}>{entry.detail}</p>}
        {link && (
          <p className="tl-entry__link">
            <Link to={link} aria-describedby={summaryId}>
              {linkText(entry)}
            </Link>
          </p>
        )}
        <p className="tl-entry__meta">
          <span className="mono">{formatShortTime(entry.at)}</span>
          {' · '}
          <RelativeTime at={entry.at} />
          {entry.actor && <> · by {entry.actor}</>}
        </p>
      </div>
    </li>
  );
}

/**
 * The incident's timeline, oldest first: milestones, changes, notes, todos and
 * mutes, each with its icon, summary, who, and when (relative, with the exact
 * time in the title). A kind filter in the URL narrows it; unknown kinds show as they are.
 */
export function Timeline({ incidentId }: { incidentId: string }) {
  const { data } = useSuspenseQuery(incidentQueries.timeline(incidentId));
  const { tokens, setTokens } = useTimelineKinds();
  const sorted = useMemo(() => sortEntries(data.entries), [data.entries]);
  const shown = sorted.filter((e) => matchesKinds(e, tokens));

  return (
    <div className="timeline-wrap">
      <TimelineFilter entries={sorted} tokens={tokens} onChange={setTokens} />
      <p className="list-count" role="status">
        {tokens.length > 0 ? `${shown.length} of ${plural(sorted.length, 'entry', 'entries')} shown` : plural(sorted.length, 'entry', 'entries')}
      </p>
      {shown.length === 0 ? (
        <div className="empty timeline__empty">
          <p className="empty__title">{sorted.length === 0 ? 'Nothing on the timeline yet' : 'No entries of the kinds chosen'}</p>
          {sorted.length > 0 && (
            <button type="button" className="btn" onClick={() => setTokens([])}>
              Show all entries
            </button>
          )}
        </div>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {shown.map((e) => (
            <TimelineItem key={e.id} entry={e} />
          ))}
        </ol>
      )}
    </div>
  );
}
