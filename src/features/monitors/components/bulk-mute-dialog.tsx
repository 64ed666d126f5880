import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MonitorSummary } from '../../../contract/monitors';
import { parseScope } from '../../../contract/scope';
import { Modal } from '../../../components/ui/modal';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusPill } from '../../../components/ui/status-pill';
import { runWithConcurrency } from '../../../lib/concurrency';
import { plural, toDateTimeLocalValue } from '../../../lib/format-time';
import { monitorQueries } from '../api/monitor-queries';
import { updateListRow } from '../api/optimistic-cache';
import { muteMonitor, type MuteVariables } from '../api/use-mute-monitor';
import { useMuteLimits } from '../hooks/use-mute-limits';
import { readLastMuteEnd, rememberMuteEnd } from '../utils/last-mute-end';
import { DEFAULT_END, describeEnd, reasonError, resolveEnd, type EndChoice } from '../utils/mute-end';
import { applyMuteToSummary } from '../utils/optimistic';
import { BulkMuteResults, type BulkResult } from './bulk-mute-results';
import { EndField } from './end-field';
import { ReasonField } from './reason-field';
import { ScopeInput } from './scope-input';

/** At most this many mute requests run at once. */
export const BULK_CONCURRENCY = 4;

interface BulkMuteDialogProps {
  monitors: MonitorSummary[];
  onClose: () => void;
  /** Preselect the end of the last mute (the `m` shortcut), when the limits still allow it; else 1 hour. */
  lastEnd?: boolean;
  /** Focus the reason first, the one field left to fill when the rest is preset. */
  focusReason?: boolean;
}

type Phase = 'form' | 'running' | 'done';

/**
 * Mutes several monitors with one scope, end and reason: lists them first,
 * runs 4 at a time with a progress bar, then shows every result and lets
 * the failed ones be retried alone.
 */
export function BulkMuteDialog({ monitors, onClose, lastEnd = false, focusReason = false }: BulkMuteDialogProps) {
  const queryClient = useQueryClient();
  const limits = useMuteLimits();
  const [scope, setScope] = useState('*');
  const [end, setEnd] = useState<EndChoice>(() => (lastEnd ? readLastMuteEnd(limits) : DEFAULT_END));
  const [reason, setReason] = useState('');
  const [phase, setPhase] = useState<Phase>('form');
  const [results, setResults] = useState<ReadonlyMap<number, BulkResult>>(new Map());
  const [run, setRun] = useState({ total: 0, done: 0 });
  const [attempted, setAttempted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const now = Date.now();
  const scopeOk = parseScope(scope).ok;
  const resolved = resolveEnd(end, now, limits);
  const missingReason = reasonError(reason, end);
  const showEndError = !resolved.ok && (attempted || (end.mode === 'until' && end.until !== ''));

  const failedIds = monitors.filter((m) => results.get(m.id)?.state === 'failed').map((m) => m.id);
  const okCount = monitors.filter((m) => results.get(m.id)?.state === 'ok').length;

  const execute = async (targets: MonitorSummary[]) => {
    const endAt = resolveEnd(end, Date.now(), limits);
    if (!endAt.ok) {
      setFormError(endAt.error);
      return;
    }
    const vars: MuteVariables = { scope: scope.trim(), end: endAt.end, reason: reason.trim() };
    setFormError(null);
    setPhase('running');
    setRun({ total: targets.length, done: 0 });
    setResults((prev) => {
      const next = new Map(prev);
      targets.forEach((m) => next.set(m.id, { state: 'queued' }));
      return next;
    });
    const settled = await runWithConcurrency(
      targets,
      BULK_CONCURRENCY,
      (m) => muteMonitor(m.id, vars),
      (m, result) => {
        setRun((r) => ({ ...r, done: r.done + 1 }));
        setResults((prev) =>
          new Map(prev).set(m.id, result.status === 'fulfilled' ? { state: 'ok' } : { state: 'failed', error: result.reason }),
        );
        if (result.status === 'fulfilled') updateListRow(queryClient, m.id, (row) => applyMuteToSummary(row, vars));
      },
    );
    if (settled.some((r) => r.status === 'fulfilled')) rememberMuteEnd(end);
    setPhase('done');
  };

  const submit = () => {
    setAttempted(true);
    if (!scopeOk || !resolved.ok || missingReason) return;
    void execute(monitors);
  };

  const close = () => {
    if (phase === 'running') return;
    if (phase !== 'form') void queryClient.invalidateQueries({ queryKey: monitorQueries.lists() });
    onClose();
  };

  const n = monitors.length;
  const title = phase === 'form' ? `Mute ${plural(n, 'monitor')}` : phase === 'running' ? 'Muting…' : 'Bulk mute results';

  const footer =
    phase === 'form' ? (
      <>
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn btn--primary" onClick={submit}>
          Mute {plural(n, 'monitor')} {describeEnd(end, now)}
        </button>
      </>
    ) : (
      <>
        {phase === 'done' && failedIds.length > 0 && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void execute(monitors.filter((m) => failedIds.includes(m.id)))}
          >
            Retry failed ({failedIds.length})
          </button>
        )}
        <button type="button" className="btn" onClick={close} disabled={phase === 'running'}>
          Close
        </button>
      </>
    );

  return (
    <Modal title={title} onClose={close} footer={footer} size="lg">
      {phase === 'form' ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <ScopeInput value={scope} onChange={setScope} label="Scope (applied to each monitor)" />
          <EndField
            value={end}
            onChange={setEnd}
            error={showEndError && !resolved.ok ? resolved.error : formError}
            minUntil={toDateTimeLocalValue(now)}
            limits={limits}
          />
          <ReasonField value={reason} onChange={setReason} error={attempted ? missingReason : null} autoFocus={focusReason} />
          <section aria-labelledby="bulk-targets">
            <h3 id="bulk-targets" className="section-title">
              These {plural(n, 'monitor')} will be muted
            </h3>
            <ul className="target-list">
              {monitors.map((m) => (
                <li key={m.id}>
                  <StatusPill status={m.overallState} size="sm" /> <span>{m.name}</span>
                </li>
              ))}
            </ul>
          </section>
        </form>
      ) : (
        <div className="bulk-run">
          <p className={`bulk-run__summary${failedIds.length ? ' has-failures' : ''}`} role={phase === 'done' ? 'alert' : 'status'}>
            {phase === 'running'
              ? `Muting ${run.done} of ${run.total}…`
              : failedIds.length
                ? `${okCount} muted, ${failedIds.length} failed`
                : `All ${plural(okCount, 'monitor')} muted`}
          </p>
          <ProgressBar value={run.done} max={run.total} label="Bulk mute progress" />
          {formError && (
            <p className="field__error" role="alert">
              {formError}
            </p>
          )}
          <BulkMuteResults monitors={monitors} results={results} />
        </div>
      )}
    </Modal>
  );
}
