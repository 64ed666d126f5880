import { describe, expect, it } from 'vitest';
import { extractHandles, groupVariables, renderMonitorMessage, templateFlags } from './monitor-message';

const TEMPLATE =
  '{{#is_alert}}CRITICAL on {{host.name}}: {{value}}{{/is_alert}}{{#is_recovery}}Recovered on {{host.name}}{{/is_recovery}}' +
  '{{^is_alert}} (not alerting){{/is_alert}} @webhook-ops-bridge';

describe('monitor message templates', () => {
  it('renders the alert section with the group and value', () => {
    expect(renderMonitorMessage(TEMPLATE, { status: 'Alert', previous: 'OK', group: 'host:app-1', value: 'refused' })).toBe(
      'CRITICAL on app-1: refused @webhook-ops-bridge',
    );
  });

  it('renders the recovery section only when leaving a non-OK status', () => {
    expect(renderMonitorMessage(TEMPLATE, { status: 'OK', previous: 'Alert', group: 'host:app-1' })).toBe(
      'Recovered on app-1 (not alerting) @webhook-ops-bridge',
    );
    expect(renderMonitorMessage(TEMPLATE, { status: 'OK', previous: null, group: 'host:app-1' })).toBe(' (not alerting) @webhook-ops-bridge');
  });

  it('knows the transition flags', () => {
    const f = templateFlags({ status: 'Warn', previous: 'Alert', group: 'host:a' });
    expect(f.is_warning).toBe(true);
    expect(f.is_alert_to_warning).toBe(true);
    expect(f.is_alert).toBe(false);
    expect(templateFlags({ status: 'OK', previous: 'No Data', group: '*' }).is_no_data_recovery).toBe(true);
  });

  it('reads tag variables from the group name and leaves unknown ones', () => {
    expect(groupVariables('host:web-2,instance:checkout-web,bare')).toEqual({ host: 'web-2', instance: 'checkout-web' });
    expect(renderMonitorMessage('{{instance.name}} {{zone.name}} {{other}}', { status: 'Alert', previous: 'OK', group: 'instance:x' })).toBe(
      'x  {{other}}',
    );
  });
});

describe('@-handles', () => {
  it('finds each distinct handle of the known kinds, without trailing punctuation', () => {
    const handles = extractHandles('Page @pagerduty-payments-primary. Tell @slack-ops-alerts, @webhook-ops-bridge and @webhook-ops-bridge; mail @ana@example.com');
    expect(handles.map((h) => h.text)).toEqual(['@pagerduty-payments-primary', '@slack-ops-alerts', '@webhook-ops-bridge']);
    expect(handles[2]).toEqual({ kind: 'webhook', target: 'ops-bridge', text: '@webhook-ops-bridge' });
  });

  it('ignores handles inside words and unknown kinds', () => {
    expect(extractHandles('foo@webhook-x @email-me @teams-sre')).toEqual([{ kind: 'teams', target: 'sre', text: '@teams-sre' }]);
  });
});
