import { useState } from 'react';
import { extendedEnd, type MaintenanceWindow, type PreviewGroup } from '../../../contract/maintenance';
import { InlineError } from '../../../components/errors/inline-error';
import { formatShortTime } from '../../../lib/format-time';
import { useExtendWindow } from '../api/use-extend-window';
import { useUntilRecovered } from '../api/use-until-recovered';
import { useUpdateEndSettings } from '../api/use-update-end-settings';
import { currentEnd } from '../utils/window-timing';
import { ForecastActions, ForecastPanel } from './forecast-panel';

interface WindowForecastProps {
  window: MaintenanceWindow;
  groups: readonly PreviewGroup[];
  now: number;
  /** Responders and admins get the one-click actions; viewers read the forecast. */
  canChange: boolean;
}

/**
 * The forecast on a live window, with its three one-click actions done at once: +30 m (POST extend
 * 30), mute the first recovery (PUT end-settings), extend until they recover (POST until-recovered).
 */
export function WindowForecast({ window: w, groups, now, canChange }: WindowForecastProps) {
  const extend = useExtendWindow(w.id);
  const endSettings = useUpdateEndSettings(w.id);
  const untilRecovered = useUntilRecovered();
  const [done, setDone] = useState<string | null>(null);
  const end = currentEnd(w);
  const pending = extend.isPending || endSettings.isPending || untilRecovered.isPending;
  const failed = [
    { m: extend, prefix: 'Not extended' },
    { m: endSettings, prefix: 'First recovery not muted' },
    { m: untilRecovered, prefix: 'Not set to extend until they recover' },
  ].find((x) => x.m.isError);

  const run = (action: () => Promise<unknown>, message: string) => {
    setDone(null);
    [extend, endSettings, untilRecovered].forEach((m) => m.reset());
    action().then(
      () => setDone(message),
      () => undefined, // shown inline from the mutation's error
    );
  };

  const actions = canChange && (
    <ForecastActions
      pending={pending}
      onExtend={end === null ? undefined : () => run(() => extend.mutateAsync({ minutes: 30 }), `Extended: it now ends ${formatShortTime(extendedEnd(end, 30), now)}.`)}
      extendDetail={end === null ? undefined : `ends ${formatShortTime(extendedEnd(end, 30), now)} instead of ${formatShortTime(end, now)}`}
      muteFirstRecovery={w.endSettings.muteFirstRecovery}
      onMuteFirstRecovery={() =>
        run(() => endSettings.mutateAsync({ ...w.endSettings, muteFirstRecovery: true }), 'Each group’s first recovery after the end is now muted.')
      }
      untilRecovered={w.untilRecovered === true}
      onUntilRecovered={
        w.untilRecovered ? undefined : () => run(() => untilRecovered.mutateAsync(w.id), 'It will be extended in 30-minute steps until these groups recover.')
      }
    >
      {w.untilRecovered && <p className="muted-text">Kept alive in 30-minute steps until these groups recover.</p>}
      {pending && (
        <p className="muted-text" role="status">
          Saving…
        </p>
      )}
      {done && !pending && (
        <p className="mw-done" role="status">
          {done}
        </p>
      )}
      {failed && <InlineError error={failed.m.error} prefix={failed.prefix} />}
    </ForecastActions>
  );

  return (
    <div className="card card--padded">
      <ForecastPanel
        groups={groups}
        endSettings={w.endSettings}
        endPhrase={end === null ? null : `when it ends at ${formatShortTime(end, now)}`}
        note={w.status === 'scheduled' ? 'Based on the states right now; they may change before it ends.' : undefined}
        actions={actions || undefined}
      />
    </div>
  );
}
