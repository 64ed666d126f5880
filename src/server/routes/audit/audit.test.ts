import { AuditListResponseSchema } from '../../../contract/auth';
import { NOW } from '../../testing/fixtures';
import { apiError, setup } from '../../testing/test-app';

function withRecords() {
  const t = setup({ as: 'admin' });
  const base = { role: 'responder', status: 200, upstreamStatus: 200, requestId: 'r', detail: null };
  const rows = [
    { actor: 'alice', action: 'monitor.mute', target: 'monitor:1', outcome: 'allowed', time: NOW - 5000 },
    { actor: 'bob', action: 'monitor.unmute', target: 'monitor:1', outcome: 'allowed', time: NOW - 4000 },
    { actor: 'alice', action: 'downtime.cancel', target: 'downtime:x', outcome: 'denied', time: NOW - 3000 },
    { actor: 'carol', action: 'monitor.mute', target: 'monitor:2', outcome: 'failed', time: NOW - 2000, detail: '=HYPERLINK("http://evil")' },
    { actor: 'alice', action: 'user.create', target: 'user:dave', outcome: 'allowed', time: NOW - 1000, detail: 'a, "quoted"\r\nline' },
  ];
  for (const r of rows) t.store.audit.append({ ...base, ...r });
  return t;
}

const ids = (json: unknown) => AuditListResponseSchema.parse(json).records.map((r) => r.id);

describe('GET /api/audit', () => {
  it('lists newest first with a cursor for the next page', async () => {
    const { call } = withRecords();
    const first = await call('GET', '/api/audit?limit=2');
    expect(first.status).toBe(200);
    expect(AuditListResponseSchema.parse(first.json)).toMatchObject({ nextBefore: 4 });
    expect(ids(first.json)).toEqual([5, 4]);
    const second = await call('GET', '/api/audit?limit=2&before=4');
    expect(ids(second.json)).toEqual([3, 2]);
    const last = await call('GET', '/api/audit?limit=2&before=2');
    expect([ids(last.json), (last.json as { nextBefore: unknown }).nextBefore]).toEqual([[1], null]);
  });

  it('filters by actor, action, target, outcome and time', async () => {
    const { call } = withRecords();
    expect(ids((await call('GET', '/api/audit?actor=alice')).json)).toEqual([5, 3, 1]);
    expect(ids((await call('GET', '/api/audit?action=monitor.mute')).json)).toEqual([4, 1]);
    expect(ids((await call('GET', '/api/audit?target=monitor:1')).json)).toEqual([2, 1]);
    expect(ids((await call('GET', '/api/audit?outcome=denied')).json)).toEqual([3]);
    expect(ids((await call('GET', `/api/audit?from=${NOW - 4000}&to=${NOW - 2000}`)).json)).toEqual([4, 3, 2]);
    expect(ids((await call('GET', '/api/audit?actor=alice&action=user')).json)).toEqual([5]);
  });

  it('rejects unknown, repeated or out-of-range parameters with 400', async () => {
    const { call } = withRecords();
    for (const q of ['?limit=0', '?limit=501', '?who=alice', '?actor=a&actor=b', '?from=yesterday', '?__proto__=x']) {
      const answer = await call('GET', `/api/audit${q}`);
      expect([q, answer.status, apiError(answer).code]).toEqual([q, 400, 'validation_failed']);
    }
  });
});

describe('GET /api/audit.csv', () => {
  it('downloads the filtered log as CSV: attachment, RFC 4180 quoting, formulas neutralised', async () => {
    const { call } = withRecords();
    const answer = await call('GET', '/api/audit.csv?actor=a');
    expect(answer.status).toBe(200);
    expect(answer.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.res.headers.get('content-disposition')).toBe('attachment; filename="watchdeck-audit.csv"');
    expect(answer.res.headers.get('cache-control')).toBe('no-store');
    expect(answer.res.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = answer.text.split('\r\n');
    expect(rows[0]).toBe('id,time,actor,role,action,target,outcome,status,upstreamStatus,requestId,detail');
    expect(rows[1]).toBe(`5,${new Date(NOW - 1000).toISOString()},alice,responder,user.create,user:dave,allowed,200,200,r,"a, ""quoted""`);
    expect(rows[2]).toBe('line"');
    expect(answer.text).toContain(`carol,responder,monitor.mute,monitor:2,failed,200,200,r,"'=HYPERLINK(""http://evil"")"`);
    expect(answer.text.endsWith('\r\n')).toBe(true);
  });

  it('applies the same filters and refuses unknown ones', async () => {
    const { call } = withRecords();
    const answer = await call('GET', '/api/audit.csv?outcome=denied');
    expect(answer.text.trim().split('\r\n')).toHaveLength(2);
    expect((await call('GET', '/api/audit.csv?before=3')).status).toBe(400);
  });
});
