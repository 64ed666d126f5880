import {
  CheckResultSchema,
  MonitorHistoryResponseSchema,
  NotificationListResponseSchema,
  NotificationSchema,
  ServiceCheckSubmitSchema,
} from '../../../contract/service-checks';
import {
  checkRunWrite,
  keptMessage,
  latestRuns,
  messageDropped,
  toCheckResult,
  toMonitorHistory,
  toNotification,
  toNotificationList,
  toSeconds,
  unavailableHistory,
} from './check-map';
import {
  RawLatestCheckRunsSchema,
  RawMonitorTransitionsSchema,
  RawNotificationListSchema,
  RawNotificationSchema,
} from './check-schemas';

const NOW = Date.parse('2026-09-01T12:00:00.000Z');
const submit = (input: unknown) => ServiceCheckSubmitSchema.parse(input);

describe('checkRunWrite', () => {
  it('renames host, sends seconds, and keeps a non-OK message', () => {
    expect(checkRunWrite(submit({ check: 'app.ok', host: 'app-1', status: 2, tags: ['env:prod'], message: 'down', timestamp: NOW - 1 }), NOW)).toEqual({
      check: 'app.ok',
      host_name: 'app-1',
      status: 2,
      tags: ['env:prod'],
      timestamp: NOW / 1000 - 1,
      message: 'down',
    });
  });

  it('sends the current time when none is given, and no message for an OK run or an empty one', () => {
    expect(checkRunWrite(submit({ check: 'a', host: 'h', status: 0, message: 'fine' }), NOW + 999)).toEqual({
      check: 'a',
      host_name: 'h',
      status: 0,
      tags: [],
      timestamp: NOW / 1000,
    });
    expect(checkRunWrite(submit({ check: 'a', host: 'h', status: 3, message: '' }), NOW)).not.toHaveProperty('message');
  });

  it('says when a message is dropped', () => {
    expect(messageDropped({ status: 0, message: 'x' })).toBe(true);
    expect(messageDropped({ status: 0, message: '' })).toBe(false);
    expect(messageDropped({ status: 0, message: undefined })).toBe(false);
    expect(messageDropped({ status: 1, message: 'x' })).toBe(false);
    expect([keptMessage(0, 'x'), keptMessage(1, ''), keptMessage(2, 'y')]).toEqual([null, null, 'y']);
    expect([toSeconds(1999), toSeconds(2000)]).toEqual([1, 2]);
  });
});

describe('latest runs', () => {
  it('maps seconds to ms, keeps unknown fields out, and drops runs it cannot read', () => {
    const raw = RawLatestCheckRunsSchema.parse({
      runs: [
        { check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'], message: 'down', timestamp: 1_700_000_000, received_us: 5 },
        { check: 'app.ok', host_name: 'app-2', status: 0, tags: 'nope', message: 7, timestamp: 1_700_000_001 },
        { check: 'no-host', status: 0, timestamp: 1 },
      ],
    });
    const results = latestRuns(raw).map((r, i) => toCheckResult(r, i === 0 ? 'alice' : null));
    expect(results).toEqual([
      { check: 'app.ok', host: 'app-1', status: 2, tags: ['env:prod'], message: 'down', at: 1_700_000_000_000, by: 'alice' },
      { check: 'app.ok', host: 'app-2', status: 0, tags: [], message: null, at: 1_700_000_001_000, by: null },
    ]);
    for (const r of results) CheckResultSchema.parse(r);
  });
});

describe('notifications', () => {
  it('reads the long or the short status names, and fills what is missing', () => {
    const long = RawNotificationSchema.parse({ id: 1, at: NOW, monitor_id: 5, from_status: 'OK', to_status: 'Alert', from: 'x', to: 'y' });
    expect(NotificationSchema.parse(toNotification(long))).toEqual({
      id: 1,
      at: NOW,
      monitorId: 5,
      monitorName: '',
      group: '',
      transition: 'OK → Alert',
      fromStatus: 'OK',
      toStatus: 'Alert',
      handle: '',
      outcome: '',
      downtimeId: null,
      receiverStatus: null,
      message: '',
      detail: null,
    });
    const short = RawNotificationSchema.parse({ id: 2, at: NOW, monitor_id: 5, from: 'Alert', to: 'OK', transition: 'Alert → OK', receiver_status: 500 });
    expect(toNotification(short)).toMatchObject({ fromStatus: 'Alert', toStatus: 'OK', transition: 'Alert → OK', receiverStatus: 500 });
  });

  it('counts the readable rows when the total is missing', () => {
    const raw = RawNotificationListSchema.parse({ notifications: [{ id: 1, at: NOW, monitor_id: 5, to: 'Alert' }, { id: 'bad' }] });
    const list = NotificationListResponseSchema.parse(toNotificationList(raw, { page: 0, size: 50 }));
    expect([list.notifications.map((n) => n.id), list.total, list.page, list.size]).toEqual([[1], 1, 0, 50]);
  });
});

describe('monitor history', () => {
  it('orders transitions by time, defaults missing parts, and drops what it cannot read', () => {
    const raw = RawMonitorTransitionsSchema.parse({
      initial: { 'host:a': 'OK', 'host:b': 5 },
      transitions: [
        { group: 'host:a', from: 'Alert', to: 'OK', at: NOW },
        { group: 'host:a', from: 'OK', to: 'Alert', at: NOW - 10 },
        { group: 'host:b', to: 'Alert' },
      ],
      mutes: [{ downtime_id: 'd', start: NOW - 5, end: null, groups: null }, { scope: '*' }],
    });
    const history = MonitorHistoryResponseSchema.parse(toMonitorHistory(raw, { from: NOW - 100, to: NOW + 1 }));
    expect(history).toEqual({
      from: NOW - 100,
      to: NOW + 1,
      available: true,
      initial: { 'host:a': 'OK', 'host:b': null },
      transitions: [
        { group: 'host:a', at: NOW - 10, fromStatus: 'OK', toStatus: 'Alert' },
        { group: 'host:a', at: NOW, fromStatus: 'Alert', toStatus: 'OK' },
      ],
      mutes: [{ downtimeId: 'd', scope: '*', start: NOW - 5, end: null, groups: [] }],
    });
  });

  it('reads an answer with no lists at all, and says when history is not available', () => {
    const raw = RawMonitorTransitionsSchema.parse({ from_ms: 1, to_ms: 2 });
    expect(toMonitorHistory(raw, { from: 5, to: 6 })).toEqual({ from: 1, to: 2, initial: {}, transitions: [], mutes: [], available: true });
    expect(MonitorHistoryResponseSchema.parse(unavailableHistory({ from: 5, to: 6 }))).toEqual({
      from: 5,
      to: 6,
      initial: {},
      transitions: [],
      mutes: [],
      available: false,
    });
  });
});
