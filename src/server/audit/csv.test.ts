import type { AuditRecord } from '../../contract/auth';
import { auditCsv, csvCell } from './csv';

const record = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  id: 1,
  time: Date.UTC(2026, 8, 1, 12),
  actor: 'alice',
  role: 'responder',
  action: 'monitor.mute',
  target: 'monitor:42',
  outcome: 'allowed',
  status: 200,
  upstreamStatus: 200,
  requestId: 'r-1',
  detail: null,
  ...over,
});

describe('audit CSV', () => {
  it('has a header row, ISO UTC times and CRLF line ends', () => {
    expect(auditCsv([record()])).toBe(
      'id,time,actor,role,action,target,outcome,status,upstreamStatus,requestId,detail\r\n' +
        '1,2026-09-01T12:00:00.000Z,alice,responder,monitor.mute,monitor:42,allowed,200,200,r-1,\r\n',
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvCell(null)).toBe('');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises the formula %j', (cell) => {
    const out = csvCell(cell);
    expect(out.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('keeps a formula in the detail from running', () => {
    const line = auditCsv([record({ detail: '=cmd|"/c calc"!A1' })]).split('\r\n')[1] ?? '';
    expect(line.endsWith(`"'=cmd|""/c calc""!A1"`)).toBe(true);
  });
});
