import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DowntimeSchema, MonitorDetailSchema, MonitorSummarySchema } from '../../../contract/monitors';
import { includedUsers, toDowntime, toMonitorDetail, toMonitorSummary } from './map';
import {
  RawDowntimeListSchema,
  RawDowntimeMatchListSchema,
  RawDowntimeOneSchema,
  RawMonitorSchema,
} from './schemas';

/**
 * Every recorded Datadog monitor and downtime body goes through the raw
 * schema, the mapping and the contract schema (DESIGN.md: "The contract must
 * parse every recorded body in that folder").
 */
const DIR = path.resolve(process.cwd(), '../shared/conformance/datadog');
const NOW = Date.parse('2023-06-03T00:00:00Z');

const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
const files = readdirSync(DIR).filter((f) => f.endsWith('.response.json'));

const isMonitorLike = (x: unknown) =>
  typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'number' && 'query' in x;

const monitorFiles = files
  .filter((f) => f.startsWith('monitors.'))
  .filter((f) => {
    const body = read(f);
    return Array.isArray(body) ? body.length > 0 && body.every(isMonitorLike) : isMonitorLike(body);
  });
const downtimeFiles = files.filter(
  (f) => f.startsWith('downtimes.') && typeof read(f) === 'object' && read(f) !== null && 'data' in (read(f) as object),
);

function checkMonitor(raw: unknown, now = NOW) {
  const parsed = RawMonitorSchema.parse(raw);
  const summary = MonitorSummarySchema.parse(toMonitorSummary(parsed, now));
  const detail = MonitorDetailSchema.parse(
    toMonitorDetail(parsed, { data: [], users: new Map() }, { now, fetchedAt: now, stale: false }),
  );
  return { parsed, summary, detail };
}

describe('recorded Datadog bodies', () => {
  it('finds the recordings', () => {
    expect(monitorFiles).toEqual(
      expect.arrayContaining([
        'monitors.list.page0.response.json',
        'monitors.get.with_matching_downtimes.response.json',
        'monitors.get.synthetics.response.json',
      ]),
    );
    expect(monitorFiles.length).toBeGreaterThanOrEqual(10);
    expect(downtimeFiles).toEqual(
      expect.arrayContaining(['downtimes.list.response.json', 'downtimes.monitor_downtime_matches.response.json']),
    );
  });

  describe.each(monitorFiles)('%s', (file) => {
    it('parses, maps and satisfies the contract', () => {
      const body = read(file);
      const list = Array.isArray(body) ? body : [body];
      for (const raw of list) {
        const { summary, detail } = checkMonitor(raw);
        const r = raw as { id: number; name: string; type: string; overall_state?: string; options?: object };
        expect(summary.id).toBe(r.id);
        expect(summary.name).toBe(r.name);
        expect(summary.type).toBe(r.type);
        expect(summary.overallState).toBe(r.overall_state ?? 'Unknown');
        expect(detail.options).toEqual(r.options ?? {});
      }
    });
  });

  describe.each(downtimeFiles)('%s', (file) => {
    it('parses, maps and satisfies the contract', () => {
      const body = read(file) as { data: unknown };
      if (file.includes('downtime_matches')) {
        const matches = RawDowntimeMatchListSchema.parse(body);
        expect(matches.data.length).toBeGreaterThan(0);
        expect(matches.data[0]?.attributes?.scope).toBeTypeOf('string');
        return;
      }
      const list = Array.isArray(body.data)
        ? RawDowntimeListSchema.parse(body)
        : (() => {
            const one = RawDowntimeOneSchema.parse(body);
            return { data: [one.data], included: one.included };
          })();
      const users = includedUsers(list.included);
      for (const raw of list.data) {
        const d = DowntimeSchema.parse(toDowntime(raw, users));
        expect(d.id).toBe(raw.id);
        expect(d.scope).toBe(raw.attributes?.scope);
        expect(d.status).toBe(raw.attributes?.status);
        if (raw.relationships?.created_by?.data) expect(d.creator).not.toBeNull();
      }
    });
  });

  it('maps the recorded v1 matching downtime (scope ["*"]) as a whole-monitor mute', () => {
    const raw = read('monitors.get.with_matching_downtimes.response.json');
    // Recorded 2023-05-22, muted until 2023-05-29: active in between, over afterwards.
    expect(checkMonitor(raw, Date.parse('2023-05-23T00:00:00Z')).summary.mute).toEqual({
      state: 'all',
      endsAt: 1685394919000,
      mutedGroups: 1,
      downtimes: 1,
    });
    expect(checkMonitor(raw, Date.parse('2023-06-01T00:00:00Z')).summary.mute.state).toBe('none');
  });

  it('keeps unknown statuses, types and fields as data', () => {
    const base = read('monitors.get.with_downtimes.response.json') as Record<string, unknown>;
    const raw = {
      ...base,
      type: 'quantum alert',
      overall_state: 'Exploded',
      brand_new_field: { x: 1 },
      options: { ...(base.options as object), future_option: true },
      state: { groups: { 'host:a': { name: 'host:a', status: 'Exploded', last_triggered_ts: 1685700000 } } },
    };
    const { parsed, summary, detail } = checkMonitor(raw);
    expect((parsed as Record<string, unknown>).brand_new_field).toEqual({ x: 1 });
    expect(summary.type).toBe('quantum alert');
    expect(summary.overallState).toBe('Exploded');
    expect(summary.groupCounts).toEqual({ Exploded: 1 });
    expect(detail.groups[0]).toMatchObject({ name: 'host:a', status: 'Exploded', lastTriggeredAt: 1685700000000 });
    expect(detail.options).toMatchObject({ future_option: true });

    const dt = read('downtimes.get.response.json') as { data: { attributes: object } };
    const odd = { data: { ...dt.data, attributes: { ...dt.data.attributes, status: 'paused', extra: 1 } } };
    expect(DowntimeSchema.parse(toDowntime(RawDowntimeOneSchema.parse(odd).data)).status).toBe('paused');
  });

  it('survives fields of the wrong type instead of failing the whole monitor', () => {
    const raw = { id: 5, name: 42, tags: 'not-a-list', creator: 'nobody', priority: 'high', state: { groups: 7 } };
    const { summary } = checkMonitor(raw);
    expect(summary).toMatchObject({ id: 5, name: '', tags: [], creator: null, priority: null, groupCounts: {} });
  });
});
