import type { ReactNode } from 'react';
import type { AuditRecord } from '../../../contract/auth';
import { RelativeTime } from '../../../components/ui/relative-time';
import { formatUtcTime } from '../../../lib/format-time';
import { OutcomePill } from './outcome-pill';

interface AuditTableProps {
  records: AuditRecord[];
  /** Rendered in the body when there are no records. */
  emptyContent: ReactNode;
}

const COLUMNS = 10;

/** Audit records, newest first: when (UTC and relative), who, what, to what, how it ended, and the request id. */
export function AuditTable({ records, emptyContent }: AuditTableProps) {
  return (
    <div className="table-scroll">
      <table className="table audit-table" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Role</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Status</th>
            <th scope="col">Upstream</th>
            <th scope="col">Request id</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {records.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS} className="table__empty">
                {emptyContent}
              </td>
            </tr>
          ) : (
            records.map((r) => (
              <tr key={r.id}>
                <td>
                  <div className="audit-table__time">
                    <span className="mono">{formatUtcTime(r.time)}</span>
                    <span className="muted-text">
                      <RelativeTime at={r.time} />
                    </span>
                  </div>
                </td>
                <th scope="row">{r.actor}</th>
                <td>{r.role ?? <span className="muted-text">—</span>}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td className="audit-table__target">
                  <code>{r.target}</code>
                </td>
                <td>
                  <OutcomePill outcome={r.outcome} />
                </td>
                <td className="num">{r.status}</td>
                <td className="num">{r.upstreamStatus ?? <span className="muted-text">—</span>}</td>
                <td>
                  <code className="audit-table__request">{r.requestId}</code>
                </td>
                <td className="audit-table__detail">{r.detail ?? <span className="muted-text">—</span>}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
