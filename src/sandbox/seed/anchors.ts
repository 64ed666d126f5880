import { DEMO_CATALOG, demoMonitorId, FIRST_MONITOR_ID } from './catalog';
import { TEAMS } from './catalog-types';
import { API_KEY_OWNER_ID, DEMO_ORG_ID, DEMO_USERS } from './users';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Stable facts about the demo org (seed "demo") that tests can rely on. Every
 * id here is fixed: monitors get ids in catalog order from 1000001, and the
 * seeded downtimes have fixed UUIDs. Times are relative to the moment of seeding.
 */
export const DEMO_ANCHORS = {
  orgId: DEMO_ORG_ID,
  firstMonitorId: FIRST_MONITOR_ID,
  monitorCount: DEMO_CATALOG.length,
  teams: TEAMS,
  /** The user who owns the sandbox API key: creator of everything made through the API. */
  apiKeyOwner: {
    id: API_KEY_OWNER_ID,
    uuid: DEMO_USERS[0]!.uuid,
    name: DEMO_USERS[0]!.name,
    handle: DEMO_USERS[0]!.handle,
  },

  /** Grouped query alert, 4 groups, exactly one Alert (web-2), the rest OK, no downtime. */
  checkoutLatency: {
    id: demoMonitorId('checkout-latency'),
    name: '[prod] checkout-api p99 latency above 800ms',
    type: 'query alert',
    team: 'checkout',
    groups: ['env:prod,host:web-1', 'env:prod,host:web-2', 'env:prod,host:web-3', 'env:prod,host:web-4'],
    alertGroup: 'env:prod,host:web-2',
    okGroups: ['env:prod,host:web-1', 'env:prod,host:web-3', 'env:prod,host:web-4'],
    overallState: 'Alert',
    priority: 1,
    muted: false,
  },

  /** Muted as a whole: one downtime by monitor_id with scope "*", ending 3 h after seeding. */
  fullyMuted: {
    id: demoMonitorId('data-warehouse-load-late'),
    name: '[prod] nightly warehouse load is late',
    downtimeId: '7e1d2c3b-4a59-4b68-8c77-d6e5f4a3b201',
    scope: '*',
    endsAfterSeedMs: 3 * HOUR_MS,
    message: 'Backfill running after the orders schema migration. @slack-data-oncall',
  },

  /** One group of three muted: scope "host:pay-db-2" (which is in Alert), ending 45 min after seeding. */
  partiallyMuted: {
    id: demoMonitorId('payments-db-replication'),
    name: '[prod] payments-db replication lag above 30s',
    downtimeId: '7e1d2c3b-4a59-4b68-8c77-d6e5f4a3b202',
    scope: 'host:pay-db-2',
    mutedGroup: 'env:prod,host:pay-db-2',
    unmutedGroups: ['env:prod,host:pay-db-1', 'env:prod,host:pay-db-3'],
    endsAfterSeedMs: 45 * MINUTE_MS,
  },

  /** Muted indefinitely (end null) with a message; scope "env:staging" covers every group. */
  indefinitelyMuted: {
    id: demoMonitorId('platform-ingress-5xx-staging'),
    name: '[staging] ingress-nginx 5xx rate high',
    downtimeId: '7e1d2c3b-4a59-4b68-8c77-d6e5f4a3b203',
    scope: 'env:staging',
    message: 'Staging ingress is being rebuilt on the new cluster; muted until the platform team says otherwise. @slack-platform-dev',
  },

  /** Scheduled: starts 24 h after seeding for 2 h; targets monitor_tags ["team:platform"] on k8s nodes. */
  scheduled: {
    downtimeId: '7e1d2c3b-4a59-4b68-8c77-d6e5f4a3b204',
    monitorTags: ['team:platform'],
    scope: 'env:prod AND host:k8s-node-*',
    startsAfterSeedMs: 24 * HOUR_MS,
    durationMs: 2 * HOUR_MS,
    message: 'Kubernetes node pool upgrade (CHG-2291). @slack-platform-oncall',
    /** Monitors it will cover when it starts. */
    monitorIds: [demoMonitorId('platform-k8s-node-cpu'), demoMonitorId('platform-k8s-node-ready')],
  },

  /** Ended 20 h before seeding (status "ended"): history only, mutes nothing. */
  ended: {
    downtimeId: '7e1d2c3b-4a59-4b68-8c77-d6e5f4a3b205',
    monitorId: demoMonitorId('checkout-cart-memory'),
    scope: '*',
  },

  /** A team with no downtimes at all, with groups in Alert and Warn: the one to bulk-mute. */
  bulkMuteTeam: {
    team: 'search',
    monitorIds: DEMO_CATALOG.filter((s) => s.team === 'search').map((s) => demoMonitorId(s.key)),
  },

  /** A composite built from checkoutLatency and the checkout error-rate monitor (deleting those needs force=true). */
  composite: {
    id: demoMonitorId('checkout-composite'),
    references: [demoMonitorId('checkout-latency'), demoMonitorId('checkout-error-rate')],
  },

  /** Ungrouped monitors have exactly one group, named "total". */
  ungrouped: {
    id: demoMonitorId('checkout-error-rate'),
    group: 'total',
  },
} as const;
