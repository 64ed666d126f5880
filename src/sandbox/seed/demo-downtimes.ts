import { formatWallTime, wallTimeAt } from '../../contract/recurrence';
import { DEFAULT_NOTIFY_END_STATES, DEFAULT_NOTIFY_END_TYPES } from '../lib/downtime-input';
import { recurrencesStartUs } from '../lib/downtime-schedule';
import { msToUs, usToMs } from '../lib/time';
import type { DowntimesStore } from '../store/downtimes-store';
import type { DowntimeRow } from '../store/types';
import { DEMO_ANCHORS } from './anchors';
import { DEMO_USERS } from './users';

const MIN_US = 60_000_000;
const DAY_US = 24 * 60 * MIN_US;

type SeedFields = Partial<DowntimeRow> & Pick<DowntimeRow, 'id' | 'scope' | 'start_us' | 'end_us'>;

/** A demo downtime: defaults as the API gives them; whatever ended before the seeding is history to the engine. */
function demoRow(over: SeedFields, nowUs: number): DowntimeRow {
  return {
    monitor_id: null,
    monitor_tags: null,
    recurrences: null,
    timezone: null,
    message: null,
    display_timezone: 'UTC',
    notify_end_states: DEFAULT_NOTIFY_END_STATES,
    notify_end_types: DEFAULT_NOTIFY_END_TYPES,
    mute_first_recovery_notification: false,
    canceled_us: null,
    created_us: over.start_us,
    modified_us: over.start_us,
    created_by: DEMO_USERS[0]!.id,
    end_handled_us: nowUs,
    ...over,
  };
}

/**
 * The nightly search reindex (DEMO_ANCHORS.recurring): daily 03:00 Europe/Berlin for 30 minutes,
 * first on the Berlin date 14 days before seeding, so the calendar has a recurring window.
 */
export function demoRecurringDowntime(nowUs: number): DowntimeRow {
  const r = DEMO_ANCHORS.recurring;
  const day = wallTimeAt(usToMs(nowUs - r.startsDaysBeforeSeed * DAY_US), r.timezone);
  const [hour, minute] = r.wallTime.split(':').map(Number) as [number, number];
  const recurrences = [{ rrule: r.rrule, duration: r.duration, start: formatWallTime({ ...day, hour, minute, second: 0 }) }];
  const created = nowUs - (r.startsDaysBeforeSeed + 1) * DAY_US;
  return demoRow(
    {
      id: r.downtimeId,
      monitor_tags: [...r.monitorTags],
      scope: r.scope,
      start_us: recurrencesStartUs(recurrences, r.timezone),
      end_us: null,
      recurrences,
      timezone: r.timezone,
      message: r.message,
      display_timezone: r.timezone,
      created_us: created,
      modified_us: created,
      created_by: DEMO_USERS[4]!.id,
    },
    nowUs,
  );
}

/** The demo org's downtimes: full, partial, indefinite, scheduled, one that already ended, and a recurring one. */
export function seedDemoDowntimes(downtimes: DowntimesStore, nowUs: number): void {
  const a = DEMO_ANCHORS;
  const base = (over: SeedFields): DowntimeRow => demoRow(over, nowUs);
  const rows: DowntimeRow[] = [
    base({
      id: a.ended.downtimeId,
      monitor_id: a.ended.monitorId,
      scope: a.ended.scope,
      start_us: nowUs - 22 * 60 * MIN_US,
      end_us: nowUs - 20 * 60 * MIN_US,
      message: 'Deploy window for cart-service 4.18. @slack-checkout-oncall',
      created_by: DEMO_USERS[2]!.id,
    }),
    base({
      id: a.indefinitelyMuted.downtimeId,
      monitor_id: a.indefinitelyMuted.id,
      scope: a.indefinitelyMuted.scope,
      start_us: nowUs - 3 * 24 * 60 * MIN_US,
      end_us: null,
      message: a.indefinitelyMuted.message,
      notify_end_types: ['canceled', 'expired'],
    }),
    base({
      id: a.fullyMuted.downtimeId,
      monitor_id: a.fullyMuted.id,
      scope: a.fullyMuted.scope,
      start_us: nowUs - 40 * MIN_US,
      end_us: nowUs + msToUs(a.fullyMuted.endsAfterSeedMs),
      message: a.fullyMuted.message,
      created_by: DEMO_USERS[3]!.id,
    }),
    base({
      id: a.partiallyMuted.downtimeId,
      monitor_id: a.partiallyMuted.id,
      scope: a.partiallyMuted.scope,
      start_us: nowUs - 15 * MIN_US,
      end_us: nowUs + msToUs(a.partiallyMuted.endsAfterSeedMs),
      message: 'Rebuilding the pay-db-2 replica from a fresh base backup. @slack-payments-oncall',
      created_by: DEMO_USERS[1]!.id,
      mute_first_recovery_notification: true,
    }),
    base({
      id: a.scheduled.downtimeId,
      monitor_tags: [...a.scheduled.monitorTags],
      scope: a.scheduled.scope,
      start_us: nowUs + msToUs(a.scheduled.startsAfterSeedMs),
      end_us: nowUs + msToUs(a.scheduled.startsAfterSeedMs + a.scheduled.durationMs),
      message: a.scheduled.message,
    }),
  ];
  // created is when someone scheduled it, which for the scheduled one is now-ish.
  rows[4]!.created_us = nowUs - 2 * 60 * MIN_US;
  rows[4]!.modified_us = rows[4]!.created_us;
  rows.push(demoRecurringDowntime(nowUs));
  for (const r of rows) downtimes.insert(r);
}
