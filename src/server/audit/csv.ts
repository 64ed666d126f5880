import type { AuditRecord } from '../../contract/auth';

/**
 * The audit log as CSV (RFC 4180: CRLF rows, fields with a comma, quote, CR
 * or LF quoted, quotes doubled). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or CR) gets a leading ' (OWASP CSV
 * injection).
 */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'time',
  'actor',
  'role',
  'action',
  'target',
  'outcome',
  'status',
  'upstreamStatus',
  'requestId',
  'detail',
] as const;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(records: readonly AuditRecord[]): string {
  const rows = [AUDIT_CSV_COLUMNS.join(',')];
  for (const r of records) {
    const row = { ...r, time: new Date(r.time).toISOString() } as Record<string, unknown>;
    rows.push(AUDIT_CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
