import { normalizeOptions } from '../lib/monitor-input';
import type { MonitorsStore } from '../store/monitors-store';
import { TEAMS } from './catalog-types';
import { groupHistory, lastTransitionUs } from './group-history';
import type { Prng } from './prng';
import { DEMO_ORG_ID, DEMO_USERS } from './users';

const DAY_US = 86_400_000_000;
const SERVICES = ['api', 'worker', 'gateway', 'scheduler', 'cache', 'db', 'queue', 'frontend', 'auth', 'reports'];
const METRICS = [
  { what: 'p99 latency above 750ms', query: 'percentile(last_5m):p99:trace.http.request.duration', cmp: '> 0.75' },
  { what: 'CPU above 85%', query: 'avg(last_10m):avg:system.cpu.user', cmp: '> 85' },
  { what: 'memory above 90%', query: 'avg(last_10m):avg:system.mem.pct_usable', cmp: '< 0.1' },
  { what: 'disk space low', query: 'max(last_10m):max:system.disk.in_use', cmp: '> 0.9' },
  { what: 'error rate above 2%', query: 'sum(last_5m):sum:trace.http.request.errors', cmp: '> 2' },
];

function status(rng: Prng): string {
  const r = rng.next();
  if (r < 0.9) return 'OK';
  if (r < 0.94) return 'Alert';
  if (r < 0.97) return 'Warn';
  if (r < 0.99) return 'No Data';
  return rng.pick(['Unknown', 'Ignored', 'Skipped']);
}

/**
 * Generates `count` grouped query alerts with about 20 groups each (for load
 * and paging tests). Call inside a transaction; ids continue the sequence.
 */
export function seedBulkMonitors(monitors: MonitorsStore, count: number, nowUs: number, rng: Prng): void {
  const nowS = Math.floor(nowUs / 1_000_000);
  for (let i = 0; i < count; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const service = `${team}-${SERVICES[Math.floor(i / TEAMS.length) % SERVICES.length]}`;
    const env = i % 5 === 4 ? 'staging' : 'prod';
    const metric = METRICS[i % METRICS.length]!;
    const nGroups = rng.int(16, 24);
    const query = `${metric.query}{env:${env},service:${service}} by {env,host} ${metric.cmp}`;
    const created = nowUs - rng.int(1, 400) * DAY_US;
    const options = normalizeOptions(
      { thresholds: { critical: Number(metric.cmp.slice(2)) }, notify_no_data: false, require_full_window: false, locked: false },
      'query alert',
    );
    const groupNames = Array.from({ length: nGroups }, (_, g) => `env:${env},host:${service}-${i + 1}-${g + 1}`);
    const groups = groupNames.map((name) => groupHistory(0, name, status(rng), nowS, rng));
    const id = monitors.insert({
      org_id: DEMO_ORG_ID,
      type: 'query alert',
      name: `[${env}] ${service} #${i + 1} ${metric.what}`,
      message: `{{#is_alert}}${metric.what} on {{host.name}}.{{/is_alert}}\n@slack-${team}-oncall @pagerduty-${team}`,
      query,
      tags: [`env:${env}`, `service:${service}`, `team:${team}`, 'generated:bulk'],
      options,
      multi: true,
      priority: i % 7 === 0 ? null : (i % 5) + 1,
      restricted_roles: null,
      draft_status: 'published',
      creator_id: DEMO_USERS[i % DEMO_USERS.length]!.id,
      created_us: created,
      modified_us: created,
      overall_state_modified_us: lastTransitionUs(groups),
    });
    for (const g of groups) monitors.insertGroup({ ...g, monitor_id: id });
  }
}
