import { ATLAS_FIELDS, ATLAS_TYPES, atlasInputSchema, isSecretKind, type AtlasType } from '../../../../contract/atlas';
import { ATLAS_SAMPLE_VALUES } from '../../../../testing/atlas-fixtures';
import type { Validation } from '../../utils/validation';
import { buildAtlasBody, checkAtlasDraft, displayValue, editableFields, initialDraft, type AtlasDraft, type AtlasSave } from './atlas-form';

const bodyOf = (check: Validation<AtlasSave>) => (check.ok ? check.data.body : null);
const errorsOf = (check: Validation<AtlasSave>) => (check.ok ? {} : check.errors);

/** A draft with every field filled with a valid value (enums at their default or first option, switches on). */
function filledDraft(type: AtlasType): AtlasDraft {
  const draft = initialDraft(type, null);
  for (const spec of editableFields(type)) {
    if (spec.kind === 'boolean') draft.values[spec.name] = true;
    else if (spec.kind === 'enum') draft.values[spec.name] = (spec.default as string | undefined) ?? spec.options![0]!;
    else draft.values[spec.name] = ATLAS_SAMPLE_VALUES[spec.name]!;
  }
  return draft;
}

describe('initialDraft', () => {
  it('starts a new integration empty, enums at their default, switches off', () => {
    expect(initialDraft('DATADOG', null)).toEqual({ values: { apiKey: '', region: 'US' }, clear: [] });
    expect(initialDraft('PROMETHEUS', null)).toEqual({
      values: { username: '', password: '', serviceDiscovery: '', enabled: false },
      clear: [],
    });
  });

  it('starts an existing one from what is stored, every secret kept (undefined), never its mask', () => {
    const draft = initialDraft('PROMETHEUS', { username: 'prom', password: '******', serviceDiscovery: 'http', enabled: true, scheme: 'https' });
    expect(draft).toEqual({ values: { username: 'prom', password: undefined, serviceDiscovery: 'http', enabled: true }, clear: [] });
  });
});

describe.each(ATLAS_TYPES)('%s', (type) => {
  it('create: a fully filled draft passes the shared schema and sends every field', () => {
    const check = checkAtlasDraft(type, 'create', filledDraft(type), null);
    expect(errorsOf(check)).toEqual({});
    const expected: Record<string, unknown> = {};
    for (const spec of editableFields(type)) {
      expected[spec.name] =
        spec.kind === 'boolean' ? true : spec.kind === 'enum' ? ((spec.default as string | undefined) ?? spec.options![0]) : ATLAS_SAMPLE_VALUES[spec.name];
    }
    expect(bodyOf(check)).toEqual(expected);
    expect(atlasInputSchema(type, 'create').safeParse(bodyOf(check)).success).toBe(true);
  });

  it('create: an empty draft names every required field and sends nothing', () => {
    const check = checkAtlasDraft(type, 'create', initialDraft(type, null), null);
    expect(bodyOf(check)).toBeNull();
    const required = editableFields(type).filter((f) => f.required && f.kind !== 'boolean');
    expect(Object.keys(errorsOf(check)).sort()).toEqual(required.map((f) => f.name).sort());
  });

  it('update: nothing edited sends nothing, and keeps every secret', () => {
    const stored = Object.fromEntries(ATLAS_FIELDS[type].map((f) => [f.name, isSecretKind(f.kind) ? '******1234' : f.kind === 'boolean' ? true : 'x']));
    const draft = initialDraft(type, stored);
    expect(buildAtlasBody(type, 'update', draft, stored)).toEqual({});
    expect(checkAtlasDraft(type, 'update', draft, stored)).toEqual({ ok: true, data: { body: {}, unchanged: true } });
  });
});

describe('checkAtlasDraft: field errors from the shared schema', () => {
  it('a malformed URL', () => {
    const draft = initialDraft('MICROSOFT_TEAMS', null);
    draft.values.microsoftTeamsWebhookUrl = 'teams.example.com/hook';
    const check = checkAtlasDraft('MICROSOFT_TEAMS', 'create', draft, null);
    expect(bodyOf(check)).toBeNull();
    expect(errorsOf(check)).toEqual({ microsoftTeamsWebhookUrl: 'Incoming webhook URL must be a full http:// or https:// URL' });
  });

  it('an unknown region', () => {
    const draft = filledDraft('DATADOG');
    draft.values.region = 'AP9';
    expect(errorsOf(checkAtlasDraft('DATADOG', 'create', draft, null))).toEqual({ region: 'Region must be one of US, US3, US5, EU' });
    // On update too, when the region is what changed.
    const stored = { apiKey: '******3344', region: 'EU' };
    const edit = initialDraft('DATADOG', stored);
    edit.values.region = 'AP9';
    expect(checkAtlasDraft('DATADOG', 'update', edit, stored)).toMatchObject({ ok: false, errors: { region: 'Region must be one of US, US3, US5, EU' } });
  });

  it('a mask typed in as a new secret on create', () => {
    const draft = initialDraft('PAGER_DUTY', null);
    draft.values.serviceKey = '******7890';
    expect(errorsOf(checkAtlasDraft('PAGER_DUTY', 'create', draft, null))).toEqual({ serviceKey: 'Enter the Service key itself, not its mask' });
  });
});

describe('buildAtlasBody on update', () => {
  const stored = { url: 'https://hooks.example.com/******7777', secret: '******' };

  it('sends a replaced secret, nothing for a kept one, and `clear` for a removed one', () => {
    const draft = initialDraft('WEBHOOK', stored);
    expect(buildAtlasBody('WEBHOOK', 'update', draft, stored)).toEqual({});
    draft.values.url = 'https://hooks.example.com/new/1234';
    expect(buildAtlasBody('WEBHOOK', 'update', draft, stored)).toEqual({ url: 'https://hooks.example.com/new/1234' });
    draft.clear = ['secret'];
    expect(bodyOf(checkAtlasDraft('WEBHOOK', 'update', draft, stored))).toEqual({ url: 'https://hooks.example.com/new/1234', clear: ['secret'] });
  });

  it('a secret opened for replacing but left empty is an error, not "keep"', () => {
    const draft = initialDraft('WEBHOOK', stored);
    draft.values.url = '';
    expect(checkAtlasDraft('WEBHOOK', 'update', draft, stored)).toMatchObject({
      ok: false,
      errors: { url: 'Enter the new URL, or choose Keep current' },
    });
  });

  it('sends only the text, enum and switch values that changed', () => {
    const prom = { username: 'prom', password: '******', serviceDiscovery: 'file', enabled: true, scheme: 'https' };
    const draft = initialDraft('PROMETHEUS', prom);
    draft.values.serviceDiscovery = 'http';
    draft.values.enabled = false;
    expect(bodyOf(checkAtlasDraft('PROMETHEUS', 'update', draft, prom))).toEqual({ serviceDiscovery: 'http', enabled: false });
  });

  it('an optional text that is set and emptied is removed with `clear`, never sent empty', () => {
    const slack = { apiToken: '******2222', teamName: 'acme', channelName: 'alerts' };
    const draft = initialDraft('SLACK', slack);
    draft.values.channelName = '  ';
    expect(checkAtlasDraft('SLACK', 'update', draft, slack)).toEqual({ ok: true, data: { body: { clear: ['channelName'] }, unchanged: false } });
    // With a secret removed too, both go in one `clear`; a required text cannot be emptied.
    const victor = { apiKey: '******1234', routingKey: 'db-team' };
    const edit = initialDraft('VICTOR_OPS', victor);
    edit.values.routingKey = '';
    expect(bodyOf(checkAtlasDraft('VICTOR_OPS', 'update', edit, victor))).toEqual({ clear: ['routingKey'] });
    draft.values.teamName = '';
    expect(errorsOf(checkAtlasDraft('SLACK', 'update', draft, slack))).toEqual({ teamName: 'Team name is required' });
  });

  it('an optional text that was never set stays unsent when left empty', () => {
    const slack = { apiToken: '******2222', teamName: 'acme', channelName: null };
    const draft = initialDraft('SLACK', slack);
    expect(buildAtlasBody('SLACK', 'update', draft, slack)).toEqual({});
    draft.values.channelName = 'alerts';
    expect(buildAtlasBody('SLACK', 'update', draft, slack)).toEqual({ channelName: 'alerts' });
  });
});

describe('displayValue', () => {
  it('reads switches as Yes/No and unset values as null', () => {
    expect([displayValue(true), displayValue(false), displayValue(null), displayValue(''), displayValue('******7890')]).toEqual([
      'Yes',
      'No',
      null,
      null,
      '******7890',
    ]);
  });
});
