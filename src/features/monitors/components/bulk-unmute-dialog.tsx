import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { MonitorDetail, MonitorSummary } from '../../../contract/monitors';
import { Modal } from '../../../components/ui/modal';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusPill } from '../../../components/ui/status-pill';
import { runWithConcurrency } from '../../../lib/concurrency';
import { plural } from '../../../lib/format-time';
import { monitorQueries } from '../api/monitor-queries';
import { updateListRow } from '../api/optimistic-cache';
import { unmuteMonitor } from '../api/use-unmute-monitor';
import { describeUnmuteResult, splitByMuted } from '../utils/bulk-unmute';
import { unmuteImpact, type UnmuteImpact } from '../utils/mute-preview';
import { applyUnmuteToDetail, applyUnmuteToSummary, type UnmuteInput } from '../utils/optimistic';
import { BULK_CONCURRENCY } from './bulk-mute-dialog';
import { BulkMuteResults, type BulkResult } from './bulk-mute-results';
import { UnmutePlanItem } from './unmute-plan-item';

/** Each monitor is unmuted wholly, as its own unmute dialog's "Everything" does. */
const UNMUTE_ALL: UnmuteInput = { all: true };
const NOT_MUTED = 'not muted';

interface BulkUnmuteDialogProps {
  monitors: MonitorSummary[];
  onClose: () => void;
}

type Phase = 'confirm' | 'running' | 'done';

/** Shows the row as unmuted ("pending") until the refetch, from its cached detail when there is one. */
function markUnmuted(queryClient: QueryClient, id: number) {
  const detail = queryClient.getQueryData<MonitorDetail>(monitorQueries.detail(id).queryKey);
  updateListRow(queryClient, id, (row) =>
    applyUnmuteToSummary(row, UNMUTE_ALL, detail ? applyUnmuteToDetail(detail, UNMUTE_ALL) : undefined),
  );
}

function initialResults(skipped: readonly MonitorSummary[]): ReadonlyMap<number, BulkResult> {
  return new Map(skipped.map((m) => [m.id, { state: 'skipped', note: NOT_MUTED }]));
}

/**
 * The `u` shortcut: unmutes several monitors after a confirmation that lists
 * which are muted (the others are skipped) and, from each one's groups, which
 * groups that are not OK will notify at once. Then 4 at a time, with a result
 * per monitor and a retry for the failed ones.
 */
export function BulkUnmuteDialog({ monitors, onClose }: BulkUnmuteDialogProps) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const { muted, skipped } = useMemo(() => splitByMuted(monitors), [monitors]);
  const details = useQueries({ queries: muted.map((m) => monitorQueries.detail(m.id)) });
  const impacts: (UnmuteImpact | null)[] = details.map((q) => (q.data ? unmuteImpact(q.data, UNMUTE_ALL) : null));
  const [phase, setPhase] = useState<Phase>('confirm');
  const [results, setResults] = useState(() => initialResults(skipped));
  const [run, setRun] = useState({ total: 0, done: 0 });

  const checking = details.some((q) => q.isPending);
  const unknown = details.filter((q) => q.isError && !q.data).length;
  const loudTotal = impacts.reduce((n, i) => n + (i ? i.loud.length : 0), 0);
  const failed = muted.filter((m) => results.get(m.id)?.state === 'failed');
  const okCount = muted.filter((m) => results.get(m.id)?.state === 'ok').length;

  const execute = async (targets: MonitorSummary[]) => {
    setPhase('running');
    setRun({ total: targets.length, done: 0 });
    setResults((prev) => new Map([...prev, ...targets.map((m): [number, BulkResult] => [m.id, { state: 'queued' }])]));
    await runWithConcurrency(
      targets,
      BULK_CONCURRENCY,
      (m) => unmuteMonitor(m.id, UNMUTE_ALL),
      (m, result) => {
        setRun((r) => ({ ...r, done: r.done + 1 }));
        setResults((prev) =>
          new Map(prev).set(
            m.id,
            result.status === 'fulfilled'
              ? { state: 'ok', note: describeUnmuteResult(result.value) }
              : { state: 'failed', error: result.reason },
          ),
        );
        if (result.status === 'fulfilled') markUnmuted(queryClient, m.id);
      },
    );
    setPhase('done');
  };

  const close = () => {
    if (phase === 'running') return;
    if (phase === 'done') {
      void queryClient.invalidateQueries({ queryKey: monitorQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: monitorQueries.details() });
    }
    onClose();
  };

  const title =
    phase === 'running'
      ? 'Unmuting…'
      : phase === 'done'
        ? 'Bulk unmute results'
        : muted.length === 0
          ? 'Nothing to unmute'
          : `Unmute ${plural(muted.length, 'monitor')}`;

  const footer =
    phase === 'confirm' ? (
      <>
        <button type="button" className="btn" onClick={close} data-autofocus>
          {muted.length === 0 ? 'Close' : 'Cancel'}
        </button>
        {muted.length > 0 && (
          <button
            type="button"
            className={`btn ${loudTotal > 0 || unknown > 0 ? 'btn--danger' : 'btn--primary'}`}
            onClick={() => void execute(muted)}
            disabled={checking}
          >
            {checking ? 'Checking groups…' : `Unmute ${plural(muted.length, 'monitor')}`}
          </button>
        )}
      </>
    ) : (
      <>
        {phase === 'done' && failed.length > 0 && (
          <button type="button" className="btn btn--primary" onClick={() => void execute(failed)}>
            Retry failed ({failed.length})
          </button>
        )}
        <button type="button" className="btn" onClick={close} disabled={phase === 'running'}>
          Close
        </button>
      </>
    );

  if (phase !== 'confirm') {
    return (
      <Modal title={title} onClose={close} footer={footer} size="lg">
        <div className="bulk-run">
          <p className={`bulk-run__summary${failed.length ? ' has-failures' : ''}`} role={phase === 'done' ? 'alert' : 'status'}>
            {phase === 'running'
              ? `Unmuting ${run.done} of ${run.total}…`
              : `${failed.length ? `${okCount} unmuted, ${failed.length} failed` : `All ${plural(okCount, 'monitor')} unmuted`}${
                  skipped.length ? `; ${skipped.length} skipped (${NOT_MUTED})` : ''
                }`}
          </p>
          <ProgressBar value={run.done} max={run.total} label="Bulk unmute progress" />
          <BulkMuteResults monitors={monitors} results={results} okLabel="Unmuted" />
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={title} onClose={close} footer={footer} size="lg">
      {muted.length > 0 && <UnmuteWarning checking={checking} loudTotal={loudTotal} unknown={unknown} />}
      {muted.length > 0 && (
        <section aria-labelledby={`${headingId}-muted`}>
          <h3 id={`${headingId}-muted`} className="section-title">
            Muted: will be unmuted ({muted.length})
          </h3>
          <ul className="unmute-plan" aria-labelledby={`${headingId}-muted`}>
            {muted.map((m, i) => (
              <UnmutePlanItem key={m.id} monitor={m} detail={details[i]!} impact={impacts[i] ?? null} />
            ))}
          </ul>
        </section>
      )}
      {skipped.length > 0 && (
        <section aria-labelledby={`${headingId}-skipped`}>
          <h3 id={`${headingId}-skipped`} className="section-title">
            Skipped: {NOT_MUTED} ({skipped.length})
          </h3>
          <ul className="target-list" aria-labelledby={`${headingId}-skipped`}>
            {skipped.map((m) => (
              <li key={m.id}>
                <StatusPill status={m.overallState} size="sm" /> <span>{m.name}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  );
}

/** The headline before confirming: how many groups would notify, across every monitor. */
function UnmuteWarning({ checking, loudTotal, unknown }: { checking: boolean; loudTotal: number; unknown: number }) {
  if (checking) {
    return (
      <p className="notice" role="status">
        Checking which groups would notify…
      </p>
    );
  }
  if (loudTotal === 0 && unknown === 0) {
    return <p className="notice">No group that is not OK will be unmuted; nothing should notify at once.</p>;
  }
  return (
    <p className="notice notice--danger" role="alert">
      {loudTotal > 0 && `${plural(loudTotal, 'group')} not OK will notify at once.`}
      {loudTotal > 0 && unknown > 0 && ' '}
      {unknown > 0 && `The groups of ${plural(unknown, 'monitor')} could not be checked.`}
    </p>
  );
}
