import { PAGE_CONCURRENCY } from '../monitors/monitors.load';
import { HygieneResponseSchema, WindowListResponseSchema } from '../../../contract/maintenance';
import { formatWindowMessage } from '../../lib/maintenance-message';
import { iso, NOW, rawDowntime, rawGroup, rawMonitor } from '../../testing/fixtures';
import { maintenanceSetup } from './maintenance-test-kit';

/**
 * Issue 8's size: 10,000 monitors × 20 groups and a few hundred windows. The reads go through the
 * paged loaders (one call per page, never one per monitor or per window) and answer in time.
 */
const MONITORS = 10_000;
const GROUPS = 20;
const WINDOWS = 300;

function bigOrg() {
  const monitors = Array.from({ length: MONITORS }, (_, i) =>
    rawMonitor(i + 1, {
      tags: [`team:t${i % 50}`, `service:s${i % 400}`],
      state: {
        groups: Object.fromEntries(
          Array.from({ length: GROUPS }, (_, g) => {
            const name = `env:${g % 2 ? 'prod' : 'dev'},host:h${g}`;
            return [name, rawGroup(name, g === 3 ? 'Alert' : 'OK')];
          }),
        ),
      },
    }),
  );
  const downtimes = Array.from({ length: WINDOWS }, (_, w) => {
    const windowId = `00000000-0000-4000-9000-${String(w).padStart(12, '0')}`;
    const message = formatWindowMessage({ reason: `Window ${w}`, ticket: null, overrideReason: null, username: 'ana', windowId });
    return rawDowntime(`dt-${w}`, {
      message,
      scope: w % 3 === 0 ? 'env:prod' : 'env:nowhere',
      monitor_identifier: w % 2 === 0 ? { monitor_id: w + 1 } : { monitor_tags: [`service:s${w % 400}`] },
      schedule: { start: iso(NOW - (w % 20) * 86_400_000), end: iso(NOW + 3_600_000) },
    });
  });
  return { monitors, downtimes };
}

describe('maintenance reads at 10,000 monitors × 20 groups', () => {
  it('lists the windows and reports hygiene with paged reads only', async () => {
    const { call, fake } = maintenanceSetup(bigOrg());
    const started = performance.now();
    const list = WindowListResponseSchema.parse((await call('GET', '/api/maintenance/windows')).json);
    const hygiene = HygieneResponseSchema.parse((await call('GET', '/api/maintenance/hygiene')).json);
    const ms = performance.now() - started;
    expect(list.windows).toHaveLength(WINDOWS);
    // Two scopes in three match no group; windows that started over 7 days ago are long-active.
    expect(hygiene.findings.filter((f) => f.kinds.includes('matches_nothing'))).toHaveLength(WINDOWS - WINDOWS / 3);
    expect(hygiene.findings.filter((f) => f.kinds.includes('long_active')).length).toBeGreaterThan(0);
    // 10 full pages of monitors and an empty one, plus at most PAGE_CONCURRENCY - 1 asked for
    // concurrently before the empty one came back (the v1 list has no total); 3 pages of
    // downtimes (their total says how many); the hygiene read is served from the cache.
    const monitorPages = fake.calls('GET', '/api/v1/monitor').length;
    expect(monitorPages).toBeGreaterThanOrEqual(11);
    expect(monitorPages).toBeLessThanOrEqual(11 + PAGE_CONCURRENCY - 1);
    expect(fake.calls('GET', '/api/v2/downtime')).toHaveLength(3);
    expect(fake.requests).toHaveLength(monitorPages + 3);
    expect(ms).toBeLessThan(15_000);
  });
});
