import { describe, expect, it } from 'vitest';
import { WEBHOOK_SAMPLE_VALUES } from '../../contract/webhook-template';
import { alertTransition, eventTitle, transitionText, webhookValues, type NotificationEvent } from './notification-event';

const event: NotificationEvent = {
  monitor: { id: 1000065, name: '[prod] app.ok service check', message: 'm', query: 'q', tags: ['env:prod', 'team:platform'], priority: 4, type: 'service check' },
  group: 'host:app-1,instance:api',
  from: 'OK',
  to: 'Alert',
  renotify: false,
  atMs: 1_741_608_000_000,
  value: 'refused',
  hostName: 'app-1',
  check: 'app.ok',
};
const ORG = { orgId: 7, orgName: 'Acme', linkBase: 'https://app.datadoghq.eu/' };

describe('notification event texts', () => {
  it('transition text: "OK → Alert", "(new) → Warn", "Alert (renotify)"', () => {
    expect(transitionText(event)).toBe('OK → Alert');
    expect(transitionText({ from: null, to: 'Warn', renotify: false })).toBe('(new) → Warn');
    expect(transitionText({ from: 'Alert', to: 'Alert', renotify: true })).toBe('Alert (renotify)');
  });

  it.each([
    ['Alert', false, 'Triggered'],
    ['OK', false, 'Recovered'],
    ['Warn', false, 'Warn'],
    ['No Data', false, 'No Data'],
    ['Unknown', false, 'Unknown'],
    ['Alert', true, 'Re-Triggered'],
    ['Warn', true, 'Re-Warn'],
    ['No Data', true, 'Re-No Data'],
  ])('$ALERT_TRANSITION of %s (renotify %s) is %s', (to, renotify, expected) => {
    expect(alertTransition({ to, renotify })).toBe(expected);
  });

  it('titles name the group, except for an ungrouped monitor', () => {
    expect(eventTitle(event)).toBe('[Triggered on {host:app-1,instance:api}] [prod] app.ok service check');
    expect(eventTitle({ ...event, to: 'OK', group: 'total' })).toBe('[Recovered] [prod] app.ok service check');
  });
});

describe('webhookValues', () => {
  const v = webhookValues(event, 'app.ok is CRITICAL on app-1: refused @webhook-ops-bridge @slack-ops', ORG);

  it('covers every documented variable, so no sample leaks into a real delivery', () => {
    expect(Object.keys(v).sort()).toEqual(Object.keys(WEBHOOK_SAMPLE_VALUES).sort());
    const sameByNature = new Set(['ALERT_TRANSITION', 'ALERT_TYPE', 'PRIORITY']);
    for (const [k, sample] of Object.entries(WEBHOOK_SAMPLE_VALUES)) if (sample !== '' && !sameByNature.has(k)) expect(v[k], k).not.toBe(sample);
  });

  it('fills them from the event', () => {
    expect(v).toMatchObject({
      EVENT_TITLE: '[Triggered on {host:app-1,instance:api}] [prod] app.ok service check',
      EVENT_MSG: 'app.ok is CRITICAL on app-1: refused @webhook-ops-bridge @slack-ops',
      TEXT_ONLY_MSG: 'app.ok is CRITICAL on app-1: refused',
      ALERT_TRANSITION: 'Triggered',
      ALERT_ID: '1000065',
      ALERT_SCOPE: 'host:app-1,instance:api',
      ALERT_STATUS: 'app.ok over host:app-1,instance:api was CRITICAL',
      ALERT_TYPE: 'error',
      ALERT_PRIORITY: 'P4',
      HOSTNAME: 'app-1',
      DATE: '1741608000000',
      LAST_UPDATED: '1741608000000',
      ORG_ID: '7',
      ORG_NAME: 'Acme',
      LINK: 'https://app.datadoghq.eu/monitors/1000065',
      TAGS: 'env:prod,team:platform,host:app-1,instance:api',
      EVENT_TYPE: 'service_check',
    });
    expect(v.ID).toMatch(/^\d{19}$/);
  });

  it('$ID differs per event; the cycle key stays per group', () => {
    const later = webhookValues({ ...event, atMs: event.atMs + 1000, to: 'OK' }, '', ORG);
    expect(later.ID).not.toBe(v.ID);
    expect(later.ALERT_CYCLE_KEY).toBe(v.ALERT_CYCLE_KEY);
    expect(later.ALERT_TYPE).toBe('success');
  });

  it('$HOSTNAME falls back to the group host tag', () => {
    expect(webhookValues({ ...event, hostName: '', group: 'host:db-9' }, '', ORG).HOSTNAME).toBe('db-9');
  });
});
