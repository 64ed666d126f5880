import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Downtime, GroupState } from '../../../contract/monitors';
import { paths } from '../../../config/paths';
import { StaleBanner } from '../../../components/ui/stale-banner';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { useCan } from '../../../lib/session';
import { monitorQueries } from '../api/monitor-queries';
import { CancelDowntimeDialog } from './cancel-downtime-dialog';
import { ChangeErrorNote } from './change-error-note';
import { DowntimesSection } from './downtimes-section';
import { GroupsTable } from './groups-table';
import { MonitorHeader } from './monitor-header';
import { MuteDialog } from './mute-dialog';
import { RefreshStatus } from './refresh-status';
import { StatusHistory } from './status-history';
import { UnmuteDialog } from './unmute-dialog';

type DialogState =
  | { kind: 'none' }
  | { kind: 'mute'; group: GroupState | null }
  | { kind: 'unmute' }
  | { kind: 'cancel'; downtime: Downtime };

function listSearchFrom(state: unknown): string {
  if (state && typeof state === 'object' && 'listSearch' in state && typeof state.listSearch === 'string') {
    return state.listSearch;
  }
  return '';
}

/** One monitor: header, groups (with mute per group), their status history, downtimes, and the mute/unmute/cancel dialogs (responders and admins). */
export function MonitorDetailView({ id }: { id: number }) {
  const canMute = useCan('responder');
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  const { data: monitor, error, isFetching, refetch, dataUpdatedAt } = useSuspenseQuery(monitorQueries.detail(id, config.refreshIntervalMs));
  const location = useLocation();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });

  const somethingMuted =
    monitor.mute.state !== 'none' || monitor.groups.some((g) => g.muted) || monitor.downtimes.some((d) => d.status === 'active');

  return (
    <main className="page">
      <div className="page__head">
        <Link className="back-link" to={paths.monitors.getHref(listSearchFrom(location.state))}>
          ← Monitors
        </Link>
        <RefreshStatus
          fetchedAt={monitor.fetchedAt}
          isFetching={isFetching}
          onRefresh={() => void refetch()}
          refreshIntervalMs={config.refreshIntervalMs}
        />
      </div>
      {(monitor.stale || error !== null) && (
        <StaleBanner fetchedAt={monitor.fetchedAt} error={error} refreshIntervalMs={config.refreshIntervalMs} />
      )}

      <MonitorHeader
        monitor={monitor}
        actions={
          canMute ? (
            <>
              <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'mute', group: null })}>
                Mute…
              </button>
              {somethingMuted && (
                <button type="button" className="btn" onClick={() => setDialog({ kind: 'unmute' })}>
                  Unmute…
                </button>
              )}
              {dialog.kind === 'none' && <ChangeErrorNote monitorId={id} />}
            </>
          ) : null
        }
      />

      <GroupsTable
        groups={monitor.groups}
        onMuteGroup={canMute ? (group) => setDialog({ kind: 'mute', group }) : undefined}
      />
      <StatusHistory id={id} monitorUpdatedAt={dataUpdatedAt} />
      <DowntimesSection
        downtimes={monitor.downtimes}
        onCancel={canMute ? (downtime) => setDialog({ kind: 'cancel', downtime }) : undefined}
      />

      {canMute && dialog.kind === 'mute' && <MuteDialog monitor={monitor} initialGroup={dialog.group} onClose={close} />}
      {canMute && dialog.kind === 'unmute' && <UnmuteDialog monitor={monitor} onClose={close} />}
      {canMute && dialog.kind === 'cancel' && <CancelDowntimeDialog monitor={monitor} downtime={dialog.downtime} onClose={close} />}
    </main>
  );
}
