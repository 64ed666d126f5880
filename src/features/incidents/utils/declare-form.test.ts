import { checkDeclareDraft, handleError, type DeclareDraft } from './declare-form';

const draft = (overrides: Partial<DeclareDraft> = {}): DeclareDraft => ({
  title: 'Checkout errors',
  severity: 'SEV-2',
  customerImpacted: false,
  customerImpactScope: '',
  customerImpactStart: '2025-06-03T13:55',
  commanderId: null,
  teams: [],
  notificationHandles: [],
  ...overrides,
});

describe('the declare form, checked with DeclareIncidentRequestSchema', () => {
  it('builds the request, sending impact details only with customer impact on', () => {
    expect(checkDeclareDraft(draft({ customerImpactScope: 'ignored', teams: ['payments'], commanderId: 'u-ada' }))).toEqual({
      ok: true,
      request: { title: 'Checkout errors', severity: 'SEV-2', customerImpacted: false, commanderId: 'u-ada', teams: ['payments'] },
    });
    const impacted = checkDeclareDraft(draft({ customerImpacted: true, customerImpactScope: ' EU card payments ' }));
    expect(impacted).toEqual({
      ok: true,
      request: {
        title: 'Checkout errors',
        severity: 'SEV-2',
        customerImpacted: true,
        customerImpactScope: 'EU card payments',
        customerImpactStart: new Date(2025, 5, 3, 13, 55).getTime(),
      },
    });
  });

  it('refuses an empty title with the schema’s words', () => {
    expect(checkDeclareDraft(draft({ title: '   ' }))).toEqual({ ok: false, errors: { title: 'A title is required' } });
  });

  it('refuses a severity the contract does not know', () => {
    const checked = checkDeclareDraft(draft({ severity: 'SEV-9' }));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.severity).toMatch(/SEV-0/);
  });

  it('asks for the scope when customers are affected, and a valid start', () => {
    expect(checkDeclareDraft(draft({ customerImpacted: true }))).toEqual({ ok: false, errors: { customerImpactScope: 'Describe the customer impact' } });
    expect(checkDeclareDraft(draft({ customerImpacted: true, customerImpactScope: 'x', customerImpactStart: '2025-13-99' }))).toEqual({
      ok: false,
      errors: { customerImpactStart: 'Enter a valid date and time' },
    });
  });

  it('checks notification handles one by one', () => {
    expect(handleError('@slack-ops')).toBeNull();
    expect(handleError('slack-ops')).toBe('A handle starts with @');
    expect(checkDeclareDraft(draft({ notificationHandles: ['@ok', 'nope'] }))).toEqual({
      ok: false,
      errors: { notificationHandles: 'A handle starts with @' },
    });
  });
});
