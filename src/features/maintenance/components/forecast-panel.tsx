import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { forecastEnd, type EndSettings, type ForecastGroup } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { StatusPill } from '../../../components/ui/status-pill';
import { plural } from '../../../lib/format-time';
import { byStateThenName } from './preview-groups';

interface ForecastPanelProps {
  /** The groups the window covers now, with their states. */
  groups: readonly ForecastGroup[];
  endSettings: EndSettings;
  /** "when it ends at 14:30"; null for a window with no end. */
  endPhrase: string | null;
  /** Shown under the heading, e.g. "Based on the states right now". */
  note?: ReactNode;
  /** The one-click fixes (ForecastActions), shown when something would notify. */
  actions?: ReactNode;
  headingLevel?: 'h2' | 'h3';
}

/** Why nothing notifies, in the user's terms. */
function quietReason(groups: readonly ForecastGroup[], settings: EndSettings): string {
  if (!settings.notifyEndTypes.includes('expired')) return 'its end settings do not notify when it expires.';
  if (groups.every((g) => g.state === 'OK')) return groups.length === 0 ? 'it covers no group right now.' : 'every group it covers is OK now.';
  return 'the groups that are not OK now are in states its end settings leave quiet.';
}

/**
 * The end-of-window forecast: the groups not OK now that would notify when the window expires
 * under its end settings (forecastEnd with "expired"), or a plain "nothing would notify".
 */
export function ForecastPanel({ groups, endSettings, endPhrase, note, actions, headingLevel: H = 'h2' }: ForecastPanelProps) {
  const headingId = useId();
  const forecast = forecastEnd(groups, endSettings, 'expired');
  const notify = [...forecast.notify].sort(byStateThenName);
  return (
    <section className={`mw-forecast${notify.length > 0 && endPhrase ? ' mw-forecast--notify' : ''}`} aria-labelledby={headingId}>
      <H id={headingId} className="mw-forecast__title">
        When it ends
      </H>
      {note && <p className="muted-text mw-forecast__note">{note}</p>}
      {endPhrase === null ? (
        <p>It has no end: nothing notifies until someone ends it.</p>
      ) : notify.length === 0 ? (
        <p className="mw-forecast__quiet">
          <span aria-hidden="true">✓ </span>
          Nothing would notify {endPhrase}: {quietReason(groups, endSettings)}
        </p>
      ) : (
        <>
          <p>
            <strong>
              {plural(notify.length, 'group')} would notify {endPhrase}
            </strong>
            : {notify.length === 1 ? 'it is' : 'they are'} not OK now.
          </p>
          <ul className="mw-forecast__list" aria-label="Groups that would notify">
            {notify.map((g) => (
              <li key={`${g.monitorId}|${g.group}`}>
                <StatusPill status={g.state} size="sm" /> <Link to={paths.monitor.getHref(g.monitorId)}>{g.monitorName}</Link>{' '}
                <span className="mono">{g.group}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {forecast.recoveryMuted && endPhrase !== null && <p className="muted-text">Each group&rsquo;s first recovery after the end is muted.</p>}
      {notify.length > 0 && endPhrase !== null && actions}
    </section>
  );
}

interface ForecastActionsProps {
  /** "+30 m": the end moves 30 minutes later. */
  onExtend?: () => void;
  /** Says what the end becomes, e.g. "ends 15:00 instead of 14:30". */
  extendDetail?: string;
  onMuteFirstRecovery: () => void;
  muteFirstRecovery: boolean;
  onUntilRecovered?: () => void;
  untilRecovered: boolean;
  /** What "extend until they recover" does here ("after saving"). */
  untilRecoveredDetail?: string;
  pending?: boolean;
  children?: ReactNode;
}

/** The three one-click answers to a forecast: +30 m, mute the first recovery, extend until they recover. */
export function ForecastActions({
  onExtend,
  extendDetail,
  onMuteFirstRecovery,
  muteFirstRecovery,
  onUntilRecovered,
  untilRecovered,
  untilRecoveredDetail,
  pending = false,
  children,
}: ForecastActionsProps) {
  const untilLabel = untilRecovered ? 'Extending until they recover' : 'Extend until they recover';
  return (
    <div className="mw-forecast__actions">
      <div className="mw-actions" role="group" aria-label="Avoid these notifications">
        {onExtend && (
          <button
            type="button"
            className="btn btn--sm"
            onClick={onExtend}
            disabled={pending}
            // The second line joins the name with a comma (a line break alone would run the words together).
            aria-label={extendDetail ? `+30 m, ${extendDetail}` : undefined}
          >
            +30 m{extendDetail && <span className="mw-btn-detail">{extendDetail}</span>}
          </button>
        )}
        <button type="button" className="btn btn--sm" onClick={onMuteFirstRecovery} disabled={pending || muteFirstRecovery} aria-pressed={muteFirstRecovery}>
          {muteFirstRecovery ? 'First recovery muted' : 'Mute first recovery'}
        </button>
        {onUntilRecovered && (
          <button
            type="button"
            className="btn btn--sm"
            onClick={onUntilRecovered}
            disabled={pending}
            aria-pressed={untilRecovered}
            aria-label={untilRecoveredDetail ? `${untilLabel}, ${untilRecoveredDetail}` : undefined}
          >
            {untilLabel}
            {untilRecoveredDetail && <span className="mw-btn-detail">{untilRecoveredDetail}</span>}
          </button>
        )}
      </div>
      {children}
    </div>
  );
}
