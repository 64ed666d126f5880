import { DEMO_CATALOG, demoMonitorId, FIRST_MONITOR_ID } from './catalog';
import { demoIncidentId } from './catalog-incident-types';
import { DEMO_INCIDENT_COUNTS, DEMO_INCIDENTS, demoIncidentPublicId, demoIncidentSpec } from './catalog-incidents';
import { DEMO_TEAMS } from './catalog-teams';
import { TEAMS } from './catalog-types';
import { API_KEY_OWNER_ID, DEMO_ORG_ID, DEMO_ORG_UUID, DEMO_USERS, demoUserIndex } from './users';

function person(first: string) {
  const u = DEMO_USERS[demoUserIndex(first)]!;
  return { id: u.id, uuid: u.uuid, name: u.name, handle: u.handle };
}

function incident(n: number) {
  const id = demoIncidentId(n);
  const s = demoIncidentSpec(id);
  return { id, publicId: demoIncidentPublicId(id), title: s.title, teams: s.teams, todoCount: s.todos?.length ?? 0 };
}

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

  /**
   * Recurring (issue 7): "Nightly search reindex", daily at 03:00 Europe/Berlin for 30 minutes, on
   * monitor_tags ["team:search"] with scope "env:prod" (the search monitors' env:prod host groups).
   * Its first occurrence is at 03:00 Berlin time 14 days before the seeding day. Active only
   * between 03:00 and 03:30 Berlin time, so at the tests' noon clock it is "scheduled".
   */
  recurring: {
    downtimeId: '7e1d2c3b-4a59-4b68-8c77-d6e5f4a3b206',
    message: 'Nightly search reindex: the catalog index is rebuilt and search runs hot. @slack-search-oncall',
    monitorTags: ['team:search'],
    scope: 'env:prod',
    rrule: 'FREQ=DAILY',
    duration: '30m',
    wallTime: '03:00',
    timezone: 'Europe/Berlin',
    startsDaysBeforeSeed: 14,
  },

  /** A team with no one-off downtimes, with groups in Alert and Warn: the one to bulk-mute. */
  bulkMuteTeam: {
    team: 'search',
    monitorIds: DEMO_CATALOG.filter((s) => s.team === 'search').map((s) => demoMonitorId(s.key)),
  },

  /** A composite built from checkoutLatency and the checkout error-rate monitor (deleting those needs force=true). */
  composite: {
    id: demoMonitorId('checkout-composite'),
    references: [demoMonitorId('checkout-latency'), demoMonitorId('checkout-error-rate')],
  },

  /**
   * Issue 6: the service check monitor evaluated live. Runs of "app.ok" tagged env:prod drive its groups
   * (host:app-1 and host:app-2, both OK when seeded); transitions notify @webhook-ops-bridge and @slack-ops-alerts.
   */
  appOkCheck: {
    id: demoMonitorId('platform-app-ok'),
    name: '[prod] app.ok service check',
    type: 'service check',
    check: 'app.ok',
    query: '"app.ok".over("env:prod").by("host").last(1).count_by_status()',
    tags: ['env:prod', 'service:app', 'team:platform'],
    groups: ['host:app-1', 'host:app-2'],
    hosts: ['app-1', 'app-2'],
    /** Runs need this tag to count. */
    runTag: 'env:prod',
    handles: ['@webhook-ops-bridge', '@slack-ops-alerts'],
    webhook: 'ops-bridge',
  },

  /** Ungrouped monitors have exactly one group, named "total". */
  ungrouped: {
    id: demoMonitorId('checkout-error-rate'),
    group: 'total',
  },

  orgUuid: DEMO_ORG_UUID,
  /** 12 users; ids are UUIDs in the v2 APIs. */
  userCount: DEMO_USERS.length,
  /** A person in no team (to add as a member); the terraform service user is in none either. */
  userWithoutTeam: person('noor'),

  /** The six teams, served by /api/v2/team and /api/v2/teams alike; handles are the monitors' team tags. */
  teamList: DEMO_TEAMS.map((t) => ({
    id: t.id,
    handle: t.handle,
    name: t.name,
    memberCount: t.members.length,
    admin: person(t.members[0]!).uuid,
  })),
  teamIds: Object.fromEntries(DEMO_TEAMS.map((t) => [t.handle, t.id])) as Record<(typeof TEAMS)[number], string>,
  /** A team with 5 members (the most) and one with 2 (the fewest). */
  biggestTeam: { handle: 'platform', memberCount: 5 },
  smallestTeam: { handle: 'data', memberCount: 2 },

  /** 25 incidents over the last 90 days; IR-1 is the oldest, IR-25 the newest. New ones get IR-26 onwards. */
  incidents: {
    count: DEMO_INCIDENTS.length,
    byState: DEMO_INCIDENT_COUNTS.byState,
    bySeverity: DEMO_INCIDENT_COUNTS.bySeverity,
    nextPublicId: DEMO_INCIDENTS.length + 1,
    /** Active SEV-2 (declared SEV-3, raised 15 min later), checkout, commander Lucas, customer impact ongoing, 2 todos (1 done). Ties to checkoutLatency. */
    activeSev2: {
      ...incident(1),
      commander: person('lucas'),
      declaredAgoMs: 45 * MINUTE_MS,
      /** Transitions, oldest first: state and severity at declaration, then SEV-3 -> SEV-2. */
      transitions: [
        { field: 'state', from: null, to: 'active' },
        { field: 'severity', from: null, to: 'SEV-3' },
        { field: 'severity', from: 'SEV-3', to: 'SEV-2' },
      ],
    },
    /** The other active SEV-2 (search); the search query state:active AND severity:SEV-2 finds exactly these two. */
    activeSev2Count: 2,
    /** Active, UNKNOWN severity, no commander, declared 12 min ago (the newest, IR-25). */
    unassigned: incident(5),
    /** Stable SEV-3 on payments-db (ties to partiallyMuted). */
    stable: incident(6),
    /** The one SEV-0: completed, 3 todos, three teams, customer impact of 38 minutes. */
    sev0: { ...incident(17), customerImpactDurationS: 38 * 60 },
    /** Resolved 6 days ago, 2 todos (one done, one open). */
    resolvedWithTodos: incident(9),
    /** Incidents with todos. */
    withTodos: [1, 4, 7, 9, 17].map(demoIncidentId),
  },
} as const;
