import type { GroupRow } from '../store/types';
import type { Prng } from './prng';

const MIN = 60;
const HOUR = 3600;
const DAY = 86400;

/** Plausible timestamps (epoch seconds) for a group in `status`, as of `nowS`. */
export function groupHistory(
  monitorId: number,
  name: string,
  status: string,
  nowS: number,
  rng: Prng,
): GroupRow {
  let last_triggered_ts = 0;
  let last_notified_ts = 0;
  let last_resolved_ts = 0;
  let last_nodata_ts = 0;
  switch (status) {
    case 'Alert':
    case 'Warn': {
      last_triggered_ts = nowS - rng.int(2 * MIN, status === 'Alert' ? 90 * MIN : 2 * HOUR);
      last_notified_ts = last_triggered_ts + (rng.chance(0.3) ? rng.int(0, 30 * MIN) : 0);
      if (last_notified_ts > nowS) last_notified_ts = last_triggered_ts;
      if (rng.chance(0.6)) last_resolved_ts = last_triggered_ts - rng.int(DAY, 20 * DAY);
      break;
    }
    case 'No Data': {
      last_nodata_ts = nowS - rng.int(10 * MIN, 6 * HOUR);
      last_notified_ts = last_nodata_ts;
      if (rng.chance(0.4)) {
        last_triggered_ts = nowS - rng.int(2 * DAY, 30 * DAY);
        last_resolved_ts = last_triggered_ts + rng.int(5 * MIN, HOUR);
      }
      break;
    }
    case 'OK': {
      if (rng.chance(0.5)) {
        last_triggered_ts = nowS - rng.int(DAY, 45 * DAY);
        last_notified_ts = last_triggered_ts;
        last_resolved_ts = last_triggered_ts + rng.int(5 * MIN, 2 * HOUR);
      }
      break;
    }
    default:
      break;
  }
  return { monitor_id: monitorId, name, status, last_triggered_ts, last_notified_ts, last_resolved_ts, last_nodata_ts };
}

/** The latest transition among the groups (epoch microseconds), or null when nothing ever happened. */
export function lastTransitionUs(groups: readonly GroupRow[]): number | null {
  let latest = 0;
  for (const g of groups) latest = Math.max(latest, g.last_triggered_ts, g.last_resolved_ts, g.last_nodata_ts);
  return latest === 0 ? null : latest * 1_000_000;
}
