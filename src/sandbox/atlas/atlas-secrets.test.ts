import { describe, expect, it } from 'vitest';
import { ATLAS_FIELDS, ATLAS_TYPES, isSecretKind, redactAtlasValue, type AtlasFieldSpec, type AtlasType, type AtlasValues } from '../../contract/atlas';
import { createAtlasSandbox, type AtlasSandbox } from '../testing/digest-client';
import { disposedAfterEach, type CallResult, type Json } from '../testing/temp-sandbox';
import { ATLAS_DEMO } from './demo-atlas';

const make = disposedAfterEach((): AtlasSandbox => createAtlasSandbox(), (s) => s.t);

const CP = ATLAS_DEMO.projects.checkoutProd.id;
const url = (type: string, v = 'v2') => `/api/atlas/${v}/groups/${CP}/integrations/${type}`;

const inputFields = (type: AtlasType) => ATLAS_FIELDS[type].filter((s) => !s.responseOnly);
const secretFields = (type: AtlasType) => inputFields(type).filter((s) => isSecretKind(s.kind));

/** A full, valid configuration with a distinct raw value per field. */
function rawValue(type: AtlasType, spec: AtlasFieldSpec, tag = 'orig'): string | boolean {
  switch (spec.kind) {
    case 'boolean':
      return true;
    case 'enum':
      return spec.options!.at(-1)!;
    case 'secretUrl':
      return `https://hooks.example.com/${type.toLowerCase()}/${spec.name}/${tag}-tok-9f8e7d6c`;
    case 'secret':
    case 'secretFull':
      return `${type}-${spec.name}-${tag}-SECRET-a1b2c3d4`;
    default:
      return `${spec.name}-${tag}`;
  }
}

function fullValues(type: AtlasType, tag = 'orig'): AtlasValues {
  return Object.fromEntries(inputFields(type).map((s) => [s.name, rawValue(type, s, tag)]));
}

/** What a response may never contain for one stored secret: the value, and the part its mask hides, in raw, base64 and URL-encoded forms. */
function forbiddenForms(spec: AtlasFieldSpec, value: string): string[] {
  const hidden =
    spec.kind === 'secret' ? value.slice(0, -4) : spec.kind === 'secretUrl' ? new URL(value).pathname.slice(1, -4) : value;
  return [value, hidden].flatMap((v) => [v, Buffer.from(v).toString('base64'), encodeURIComponent(v)]);
}

/** Every answer a test saw, to scan afterwards. */
function recorder(s: AtlasSandbox) {
  const seen: CallResult[] = [];
  return {
    seen,
    async call(method: string, path: string, body?: Json) {
      const r = await s.atlas.call(method, path, body);
      seen.push(r);
      return r;
    },
    assertNoLeak(type: AtlasType, values: AtlasValues) {
      for (const spec of secretFields(type)) {
        const v = values[spec.name];
        if (typeof v !== 'string') continue;
        for (const r of seen) {
          const headers = JSON.stringify([...r.headers.entries()]);
          for (const f of forbiddenForms(spec, v)) {
            expect(r.text.includes(f), `${type}.${spec.name} leaked in ${r.text}`).toBe(false);
            expect(headers.includes(f)).toBe(false);
          }
        }
      }
    },
  };
}

function expectRedacted(type: AtlasType, view: Json, values: AtlasValues): void {
  const expected: Record<string, unknown> = { id: expect.stringMatching(/^[0-9a-f]{24}$/), type };
  for (const spec of inputFields(type)) {
    const v = values[spec.name];
    if (v === undefined) continue;
    expected[spec.name] = typeof v === 'string' ? redactAtlasValue(spec, v) : v;
  }
  if (type === 'PROMETHEUS') expected.scheme = 'https';
  expect(view).toEqual(expected);
}

describe('redaction of every secret field of every type', () => {
  it.each(ATLAS_TYPES)('%s: create, get, list, update and errors show only masks', async (type) => {
    const s = make();
    const rec = recorder(s);
    await rec.call('DELETE', url(type)); // SLACK and DATADOG are seeded in checkout-prod
    const values = fullValues(type);

    const created = await rec.call('POST', url(type), values);
    expect(created.status).toBe(200);
    expectRedacted(type, created.body.results.find((r: Json) => r.type === type), values);
    expect(s.storedValues(CP, type)).toEqual(values);

    expectRedacted(type, (await rec.call('GET', url(type))).body, values);
    expectRedacted(type, (await rec.call('GET', url(type, 'v1.0'))).body, values);
    const list = await rec.call('GET', `/api/atlas/v2/groups/${CP}/integrations`);
    expectRedacted(type, list.body.results.find((r: Json) => r.type === type), values);

    // Each secret's mask, spelled out, so a change to the contract's rules shows up here.
    const view = (await rec.call('GET', url(type))).body;
    for (const spec of secretFields(type)) {
      const shown = view[spec.name] as string;
      if (spec.kind === 'secret') expect(shown).toBe('******c3d4');
      if (spec.kind === 'secretFull') expect(shown).toBe('******');
      if (spec.kind === 'secretUrl') expect(shown).toBe('https://hooks.example.com/******7d6c');
    }

    // An empty PUT keeps everything; errors echo no secret.
    const kept = await rec.call('PUT', url(type), {});
    expect(kept.status).toBe(200);
    expectRedacted(type, kept.body.results.find((r: Json) => r.type === type), values);
    for (const spec of secretFields(type)) {
      const bad = await rec.call('PUT', url(type), { [spec.name]: rawValue(type, spec, 'next'), bogus: 1 });
      expect(bad.status).toBe(400);
      expect(bad.text.includes(String(rawValue(type, spec, 'next')))).toBe(false);
    }
    expect((await rec.call('POST', url(type), values)).status).toBe(409);
    const envelope = await rec.call('GET', `${url(type)}?envelope=true&pretty=true`);
    expectRedacted(type, envelope.body.content, values);

    rec.assertNoLeak(type, values);
    expect(rec.seen.length).toBeGreaterThan(8);
  });

  it('a PROMETHEUS response carries scheme "https" and a boolean enabled', async () => {
    const s = make();
    const r = await s.atlas.call('POST', url('PROMETHEUS'), { username: 'prom', password: 'prom-pass-1234', serviceDiscovery: 'file', enabled: false });
    const prom = r.body.results.find((x: Json) => x.type === 'PROMETHEUS');
    expect(prom).toEqual({ id: expect.any(String), type: 'PROMETHEUS', username: 'prom', password: '******', serviceDiscovery: 'file', enabled: false, scheme: 'https' });
  });

  it('the seeded secrets never appear in any answer', async () => {
    const s = make();
    const rec = recorder(s);
    for (const p of Object.values(ATLAS_DEMO.projects)) {
      await rec.call('GET', `/api/atlas/v2/groups/${p.id}/integrations`);
      await rec.call('GET', `/api/atlas/v1.0/groups/${p.id}/integrations?envelope=true`);
    }
    for (const i of ATLAS_DEMO.integrations) {
      await rec.call('GET', `/api/atlas/v2/groups/${ATLAS_DEMO.projects[i.project].id}/integrations/${i.type}`);
      rec.assertNoLeak(i.type, i.values);
    }
  });
});

describe('PUT keeps, replaces and clears secrets', () => {
  it.each(ATLAS_TYPES.filter((t) => secretFields(t).length > 0))('%s: an omitted secret stays byte-identical; a new one replaces it', async (type) => {
    const s = make();
    await s.atlas.call('DELETE', url(type));
    const values = fullValues(type);
    // Inner spaces, non-ASCII and a line separator survive storage unchanged.
    for (const spec of secretFields(type)) if (spec.kind !== 'secretUrl') values[spec.name] = `k  ünïcødé\u2028${spec.name}-7a7a-end`;
    expect((await s.atlas.call('POST', url(type), values)).status).toBe(200);
    const stored = s.storedValues(CP, type)!;
    for (const spec of secretFields(type)) expect(stored[spec.name]).toBe(values[spec.name]);

    // Change the non-secret fields only (or nothing): secrets unchanged, byte for byte.
    const others = Object.fromEntries(inputFields(type).filter((f) => f.kind === 'text').map((f) => [f.name, `${f.name}-changed`]));
    expect((await s.atlas.call('PUT', url(type), others)).status).toBe(200);
    const after = s.storedValues(CP, type)!;
    for (const spec of secretFields(type)) expect(after[spec.name]).toBe(values[spec.name]);
    for (const [k, v] of Object.entries(others)) expect(after[k]).toBe(v);

    // A new value replaces exactly that secret.
    const [first, ...rest] = secretFields(type);
    const next = rawValue(type, first!, 'next') as string;
    const replaced = await s.atlas.call('PUT', url(type), { [first!.name]: next });
    expect(replaced.status).toBe(200);
    expect(replaced.body.results.find((r: Json) => r.type === type)[first!.name]).toBe(redactAtlasValue(first!, next));
    const final = s.storedValues(CP, type)!;
    expect(final[first!.name]).toBe(next);
    for (const spec of rest) expect(final[spec.name]).toBe(values[spec.name]);
  });

  it.each(ATLAS_TYPES.flatMap((t) => secretFields(t).map((f) => [t, f.name] as const)))(
    '%s.%s: the mask read back, or an empty value, is refused with 400 and stores nothing',
    async (type, field) => {
      const s = make();
      await s.atlas.call('DELETE', url(type));
      expect((await s.atlas.call('POST', url(type), fullValues(type))).status).toBe(200);
      const before = s.storedJson(CP, type);
      const mask = (await s.atlas.call('GET', url(type))).body[field] as string;
      expect(mask).toContain('******');
      for (const sent of [mask, '******', '', '  ']) {
        const r = await s.atlas.call('PUT', url(type), { [field]: sent });
        expect(r.status, JSON.stringify(sent)).toBe(400);
        expect(r.body).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', parameters: [field] });
        expect(r.body.detail).toContain('send the new secret or omit the field');
      }
      // The whole read-back object sent as is (a client bug) is refused too.
      const echoed = (await s.atlas.call('GET', url(type))).body;
      const { id: _id, scheme: _scheme, ...echo } = echoed;
      expect((await s.atlas.call('PUT', url(type), echo)).status).toBe(400);
      expect(s.storedJson(CP, type)).toBe(before);
    },
  );

  it('WEBHOOK: clear removes the optional secret; url cannot be cleared; set-and-clear is a 400', async () => {
    const s = make();
    const AS = ATLAS_DEMO.projects.analyticsStaging.id;
    const wh = `/api/atlas/v2/groups/${AS}/integrations/WEBHOOK`;
    const seeded = ATLAS_DEMO.integrations[2].values;
    const rejected: [Json, string][] = [
      [{ clear: ['url'] }, 'clear'],
      [{ clear: 'secret' }, 'clear'],
      [{ secret: 'new-secret-0000', clear: ['secret'] }, 'secret'],
    ];
    for (const [body, field] of rejected) {
      const r = await s.atlas.call('PUT', wh, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.parameters).toEqual([field]);
    }
    expect(s.storedValues(AS, 'WEBHOOK')).toEqual(seeded);
    const cleared = await s.atlas.call('PUT', wh, { clear: ['secret'] });
    expect(cleared.status).toBe(200);
    expect(cleared.body.results).toEqual([{ id: ATLAS_DEMO.integrations[2].id, type: 'WEBHOOK', url: 'https://hooks.example.com/******3c9e' }]);
    expect(s.storedValues(AS, 'WEBHOOK')).toEqual({ url: seeded.url });
    // Clearing what is not set is a no-op; setting it again works.
    expect((await s.atlas.call('PUT', wh, { clear: ['secret'] })).status).toBe(200);
    expect((await s.atlas.call('PUT', wh, { secret: 'brand-new-secret-77' })).body.results[0].secret).toBe('******');
    expect(s.storedValues(AS, 'WEBHOOK')).toEqual({ url: seeded.url, secret: 'brand-new-secret-77' });
  });

  it('SLACK channelName and VICTOR_OPS routingKey: clear removes the optional text, the rest stays byte-identical', async () => {
    const s = make();
    const seeded = ATLAS_DEMO.integrations[0].values;
    const rejected: [Json, string][] = [
      [{ channelName: '', clear: ['channelName'] }, 'channelName'],
      [{ channelName: '#ops', clear: ['channelName'] }, 'channelName'],
      [{ channelName: '' }, 'channelName'],
      [{ clear: ['teamName'] }, 'clear'],
    ];
    for (const [body, field] of rejected) {
      const r = await s.atlas.call('PUT', url('SLACK'), body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.parameters).toEqual([field]);
    }
    expect(s.storedValues(CP, 'SLACK')).toEqual(seeded);
    const cleared = await s.atlas.call('PUT', url('SLACK'), { clear: ['channelName'] });
    expect(cleared.status).toBe(200);
    expect(cleared.body.results.find((r: Json) => r.type === 'SLACK')).not.toHaveProperty('channelName');
    expect(s.storedValues(CP, 'SLACK')).toEqual({ apiToken: seeded.apiToken, teamName: seeded.teamName });
    expect((await s.atlas.call('PUT', url('SLACK'), { channelName: '#ops' })).status).toBe(200);
    expect(s.storedValues(CP, 'SLACK')).toEqual({ apiToken: seeded.apiToken, teamName: seeded.teamName, channelName: '#ops' });

    await s.atlas.call('DELETE', url('VICTOR_OPS'));
    expect((await s.atlas.call('POST', url('VICTOR_OPS'), { apiKey: 'victorops-key-12345678', routingKey: 'ops' })).status).toBe(200);
    expect((await s.atlas.call('PUT', url('VICTOR_OPS', 'v1.0'), { clear: ['routingKey'] })).status).toBe(200);
    expect(s.storedValues(CP, 'VICTOR_OPS')).toEqual({ apiKey: 'victorops-key-12345678' });
  });

  it('clear names the clearable fields of the type when it is wrong', async () => {
    const s = make();
    const r = await s.atlas.call('PUT', url('SLACK'), { clear: ['apiToken'] });
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain('optional fields to remove (SLACK: channelName)');
  });

  it('the seeded Slack token stays byte-identical through v1.0 and v2 updates of other fields', async () => {
    const s = make();
    const before = s.storedValues(CP, 'SLACK')!.apiToken;
    await s.atlas.call('PUT', url('SLACK'), { teamName: 'acme-eng-2' });
    await s.atlas.call('PUT', url('SLACK', 'v1.0'), { channelName: '#x' });
    expect(s.storedValues(CP, 'SLACK')).toEqual({ apiToken: before, teamName: 'acme-eng-2', channelName: '#x' });
    expect(before).toBe(ATLAS_DEMO.integrations[0].values.apiToken);
  });
});
