import type { DemoMonitorSpec } from './catalog-types';

/**
 * Issue 6: the service check monitor that the local Datadog evaluates live in
 * the demo. Submit `app.ok` runs for host app-1 or app-2 (with the tag
 * env:prod) to drive its groups; transitions notify @webhook-ops-bridge
 * (a real POST) and @slack-ops-alerts (recorded). Last in the catalog, so the
 * ids of the monitors before it never move.
 */
export const SERVICE_CHECKS: DemoMonitorSpec[] = [
  {
    key: 'platform-app-ok',
    team: 'platform',
    service: 'app',
    env: 'prod',
    name: '[prod] app.ok service check',
    type: 'service check',
    query: '"app.ok".over("env:prod").by("host").last(1).count_by_status()',
    message:
      '{{#is_alert}}app.ok is CRITICAL on {{host.name}}: {{value}}{{/is_alert}}{{#is_warning}}app.ok is WARNING on {{host.name}}{{/is_warning}}{{#is_recovery}}app.ok recovered on {{host.name}}{{/is_recovery}} @webhook-ops-bridge @slack-ops-alerts',
    priority: 3,
    groups: ['host:app-1', 'host:app-2'],
    creator: 0,
    options: { thresholds: { critical: 1, warning: 1, ok: 1 }, notify_no_data: false, renotify_interval: 0 },
  },
];
