import { ATLAS_FIELDS, type AtlasType } from '../../../contract/atlas';
import { maskFully, maskSecret, maskUrl, SECRET_MASK } from '../../../contract/secrets';
import { ATLAS_SECRET_CANARIES, SECRET_FIELDS } from '../../testing/atlas-fixtures';
import { configuredTypes, integrationOfType, toAtlasIntegration, toAtlasProject, toAtlasValues } from './map';

const kindOf = (type: AtlasType, field: string) => ATLAS_FIELDS[type].find((f) => f.name === field)?.kind;

/** The read-back form each kind promises (contract/secrets.ts). */
function expectedMask(type: AtlasType, field: string, value: string): string {
  const kind = kindOf(type, field);
  return kind === 'secretFull' ? maskFully(value) : kind === 'secretUrl' ? maskUrl(value) : maskSecret(value);
}

describe('toAtlasValues: defensive masking of every secret field of every type', () => {
  it.each(SECRET_FIELDS)('%s.%s: an unmasked value from Atlas leaves masked', (type, field) => {
    const secret = ATLAS_SECRET_CANARIES[type][field] as string;
    const values = toAtlasValues({ type, [field]: secret });
    expect(values[field]).toBe(expectedMask(type, field, secret));
    expect(JSON.stringify(values)).not.toContain(secret);
    expect(values[field]).toContain(SECRET_MASK);
  });

  it.each(SECRET_FIELDS)('%s.%s: a value Atlas masked already reads the same', (type, field) => {
    const secret = ATLAS_SECRET_CANARIES[type][field] as string;
    const masked = expectedMask(type, field, secret);
    expect(toAtlasValues({ type, [field]: masked })[field]).toBe(masked);
  });

  it.each(SECRET_FIELDS)('%s.%s: a short value is masked completely; a missing or odd one reads null', (type, field) => {
    expect(toAtlasValues({ type, [field]: 'abc' })[field]).toMatch(/^(https?:\/\/[^/]+\/)?\*{6}$/);
    for (const odd of [undefined, null, '', 42, true, { nested: 'x' }]) expect(toAtlasValues({ type, [field]: odd })[field]).toBeNull();
  });

  it('masks Atlas’s own long-star mask down to ours, keeping its last 4', () => {
    expect(toAtlasValues({ type: 'PAGER_DUTY', serviceKey: '****************************7890' }).serviceKey).toBe('******7890');
  });

  it('keeps plain fields, lists every field of the type (null when unset) and drops fields it does not know', () => {
    const values = toAtlasValues({ type: 'PROMETHEUS', id: 'x', username: 'u', password: 'pw-1234567890', serviceDiscovery: 'http', enabled: false, scheme: 'https', token: 'surprise-secret' });
    expect(values).toEqual({ username: 'u', password: SECRET_MASK, serviceDiscovery: 'http', enabled: false, scheme: 'https' });
    expect(toAtlasValues({ type: 'NEW_RELIC', accountId: 12345 })).toEqual({ licenseKey: null, accountId: '12345', writeToken: null, readToken: null });
  });

  it('shows no values at all for a type it does not know (it cannot tell which are secret)', () => {
    expect(toAtlasIntegration({ type: 'HIP_CHAT', notificationToken: 'plain-secret' }, null)).toEqual({ type: 'HIP_CHAT', values: {}, lastChange: null });
  });
});

describe('other mappings', () => {
  it('projects: id and name, configured types in the contract’s order', () => {
    expect(toAtlasProject({ id: 'p', name: 'P', orgId: 'o', clusterCount: 3 })).toEqual({ id: 'p', name: 'P' });
    const types = configuredTypes([{ type: 'WEBHOOK' }, { type: 'ZZ_NEW' }, { type: 'PAGER_DUTY' }, { type: 'WEBHOOK' }]);
    expect(toAtlasProject({ id: 'p', name: 'P' }, types)).toEqual({ id: 'p', name: 'P', configuredTypes: ['PAGER_DUTY', 'WEBHOOK', 'ZZ_NEW'] });
  });

  it('finds the written integration in Atlas’s page answer, or in a single object', () => {
    expect(integrationOfType({ results: [{ type: 'SLACK' }, { type: 'WEBHOOK', url: 'u' }] }, 'WEBHOOK')).toEqual({ type: 'WEBHOOK', url: 'u' });
    expect(integrationOfType({ results: [] }, 'WEBHOOK')).toBeNull();
    expect(integrationOfType({ type: 'SLACK' }, 'SLACK')).toEqual({ type: 'SLACK' });
    expect(integrationOfType({ type: 'SLACK' }, 'WEBHOOK')).toBeNull();
  });
});
