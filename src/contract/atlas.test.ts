import { describe, expect, it } from 'vitest';
import { ATLAS_FIELDS, ATLAS_TYPES, atlasInputSchema, clearableFields, isClearableField } from './atlas';

describe('clear in an Atlas update', () => {
  it('names every optional text or secret, never an enum, a switch, a required or a response-only field', () => {
    expect(Object.fromEntries(ATLAS_TYPES.map((t) => [t, clearableFields(t)] as const).filter(([, f]) => f.length > 0))).toEqual({
      SLACK: ['channelName'],
      VICTOR_OPS: ['routingKey'],
      WEBHOOK: ['secret'],
    });
    const prometheus = ATLAS_FIELDS.PROMETHEUS;
    expect(prometheus.filter(isClearableField)).toEqual([]);
  });

  it('accepts clear for an optional text on update, and nothing else outside the list', () => {
    const slack = atlasInputSchema('SLACK', 'update');
    expect(slack.parse({ clear: ['channelName'] })).toEqual({ clear: ['channelName'] });
    expect(slack.safeParse({ clear: ['teamName'] }).success).toBe(false);
    expect(slack.safeParse({ clear: ['apiToken'] }).success).toBe(false);
    expect(atlasInputSchema('VICTOR_OPS', 'update').parse({ clear: ['routingKey'] })).toEqual({ clear: ['routingKey'] });
    expect(atlasInputSchema('DATADOG', 'update').safeParse({ clear: ['region'] }).success).toBe(false);
  });

  it('has no clear on create, and an optional text is still never empty', () => {
    expect(atlasInputSchema('SLACK', 'create').safeParse({ apiToken: 'xoxb-12345678', teamName: 'a', clear: ['channelName'] }).success).toBe(false);
    expect(atlasInputSchema('SLACK', 'update').safeParse({ channelName: '' }).success).toBe(false);
  });
});
