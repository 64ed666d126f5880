import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MonitorHistoryResponse } from '../../../contract/service-checks';
import { SectionErrorBoundary } from '../../../components/errors/section-error-boundary';
import { statusClass, statusIcon } from '../../../components/ui/status-style';
import { formatClock, formatShortTime, plural } from '../../../lib/format-time';
import { monitorQueries } from '../api/monitor-queries';
import { axisTicks, buildGroupHistories, windowPercent, type GroupHistory, type HistorySegment, type MuteBand } from '../utils/history-segments';

/** Groups shown before "Show all N". */
export const HISTORY_GROUPS_SHOWN = 12;

const STRIP_HEIGHT = 16;
/** A change lasting seconds in a 24 h window would be invisible: every segment gets at least this much width. */
const MIN_WIDTH_PERCENT = 0.3;

function groupName(group: string): string {
  return group === '*' || group === '' ? 'Whole monitor (ungrouped)' : group;
}

const shortId = (id: string) => (id.length > 8 ? id.slice(0, 8) : id);

function span(start: number, end: number, to: number): string {
  return `from ${formatShortTime(start, to)} to ${end >= to ? 'now' : formatShortTime(end, to)}`;
}

/** "Alert from 14:02 to 14:10". */
export function segmentTitle(segment: HistorySegment, to: number): string {
  return `${segment.status} ${span(segment.start, segment.end, to)}`;
}

/** "Muted from 13:00 to now by downtime 1a2b3c4d (host:app-1)". */
export function muteTitle(mute: MuteBand, to: number): string {
  return `Muted ${span(mute.start, mute.end, to)} by downtime ${shortId(mute.downtimeId)} (${mute.scope})`;
}

function percent(n: number): string {
  return `${Number(n.toFixed(3))}%`;
}

function Strip({ history, from, to, hatchId }: { history: GroupHistory; from: number; to: number; hatchId: string }) {
  const name = groupName(history.group);
  const bar = (start: number, end: number) => {
    const x = windowPercent(start, from, to);
    const width = Math.max(MIN_WIDTH_PERCENT, windowPercent(end, from, to) - x);
    return { x: percent(Math.min(x, 100 - width)), width: percent(width) };
  };
  return (
    <li className="history-row">
      <span className="history-row__name" title={name}>
        {name}
      </span>
      <svg className="history-strip" width="100%" height={STRIP_HEIGHT} role="group" aria-label={`${name}: ${plural(history.changes, 'change')}`}>
        <rect className="history-strip__empty" x="0" y="0" width="100%" height={STRIP_HEIGHT} />
        {/* The title shows on hover; aria-label names the segment the same way for every screen reader. */}
        {history.segments.map((s) => (
          <rect
            key={`s-${s.start}`}
            role="img"
            aria-label={segmentTitle(s, to)}
            className={`history-seg ${statusClass(s.status)}`}
            y="0"
            height={STRIP_HEIGHT}
            {...bar(s.start, s.end)}
          >
            <title>{segmentTitle(s, to)}</title>
          </rect>
        ))}
        {history.mutes.map((m) => (
          <rect
            key={`m-${m.downtimeId}-${m.start}`}
            role="img"
            aria-label={muteTitle(m, to)}
            className="history-mute"
            y="1"
            height={STRIP_HEIGHT - 2}
            fill={`url(#${hatchId})`}
            {...bar(m.start, m.end)}
          >
            <title>{muteTitle(m, to)}</title>
          </rect>
        ))}
      </svg>
    </li>
  );
}

function Axis({ from, to }: { from: number; to: number }) {
  const ticks = axisTicks(from, to, 5);
  return (
    <div className="history-row history-row--axis" aria-hidden="true">
      <span />
      <svg className="history-axis" width="100%" height="18">
        {ticks.map((t, i) => (
          <text
            key={t}
            x={percent(windowPercent(t, from, to))}
            y="13"
            textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
            className="history-axis__label"
          >
            {i === ticks.length - 1 ? 'now' : formatClock(t).slice(0, 5)}
          </text>
        ))}
      </svg>
    </div>
  );
}

function Legend({ statuses, muted, hatchId }: { statuses: string[]; muted: boolean; hatchId: string }) {
  return (
    <ul className="history-legend" aria-label="Legend">
      {statuses.map((s) => (
        <li key={s} className={statusClass(s)}>
          <span className="history-legend__swatch" aria-hidden="true">
            {statusIcon(s)}
          </span>
          {s}
        </li>
      ))}
      {muted && (
        <li>
          <svg width="14" height="12" aria-hidden="true" className="history-legend__hatch">
            <rect x="0" y="0" width="14" height="12" fill={`url(#${hatchId})`} className="history-mute" />
          </svg>
          Muted
        </li>
      )}
    </ul>
  );
}

function HistoryStrips({ history }: { history: MonitorHistoryResponse }) {
  const rawId = useId();
  const hatchId = `hatch-${rawId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const groups = useMemo(() => buildGroupHistories(history), [history]);
  const [showAll, setShowAll] = useState(false);

  if (!history.available) {
    return (
      <p className="card__empty">
        No status history here: Datadog offers no group transitions through the API watchdeck uses (the local Datadog in embedded mode keeps them).
      </p>
    );
  }
  if (groups.length === 0) return <p className="card__empty">No group existed or changed state in this window.</p>;

  const shown = showAll ? groups : groups.slice(0, HISTORY_GROUPS_SHOWN);
  const statuses = [...new Set(groups.flatMap((g) => g.segments.map((s) => s.status)))];
  const muted = groups.some((g) => g.mutes.length > 0);
  return (
    <div className="history">
      <svg className="history__defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect className="history-hatch__bg" x="0" y="0" width="6" height="6" />
            <line className="history-hatch__line" x1="0" y1="0" x2="0" y2="6" />
          </pattern>
        </defs>
      </svg>
      <Legend statuses={statuses} muted={muted} hatchId={hatchId} />
      <ul className="history-rows" aria-label="Status history by group">
        {shown.map((g) => (
          <Strip key={g.group} history={g} from={history.from} to={history.to} hatchId={hatchId} />
        ))}
      </ul>
      <Axis from={history.from} to={history.to} />
      {groups.length > HISTORY_GROUPS_SHOWN && (
        <button type="button" className="btn btn--sm history__more" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the first ${HISTORY_GROUPS_SHOWN}` : `Show all ${groups.length} groups`}
        </button>
      )}
    </div>
  );
}

/** The history, fetched again whenever the monitor was (same interval, manual refresh, after a mute). */
function LoadedHistory({ id, monitorUpdatedAt }: { id: number; monitorUpdatedAt: number }) {
  const { data, refetch } = useSuspenseQuery(monitorQueries.history(id));
  const seen = useRef(monitorUpdatedAt);
  useEffect(() => {
    if (monitorUpdatedAt === seen.current) return;
    seen.current = monitorUpdatedAt;
    void refetch();
  }, [monitorUpdatedAt, refetch]);
  return <HistoryStrips history={data} />;
}

interface StatusHistoryProps {
  id: number;
  /** When the monitor's detail was last fetched (TanStack's dataUpdatedAt): the history follows it. */
  monitorUpdatedAt: number;
}

/**
 * "Status history (last 24 h)": one strip per group, coloured by status over
 * the window, with mute periods hatched over it. Loads on its own: a failure
 * here leaves the rest of the monitor page usable.
 */
export function StatusHistory({ id, monitorUpdatedAt }: StatusHistoryProps) {
  const labelId = useId();
  return (
    <section className="card card--padded status-history" aria-labelledby={labelId}>
      <h2>
        <span id={labelId}>Status history</span> <span className="muted-text">(last 24 h)</span>
      </h2>
      <SectionErrorBoundary title="Couldn't load the status history">
        <Suspense
          fallback={
            <p className="muted-text" role="status">
              Loading the status history…
            </p>
          }
        >
          <LoadedHistory id={id} monitorUpdatedAt={monitorUpdatedAt} />
        </Suspense>
      </SectionErrorBoundary>
    </section>
  );
}
