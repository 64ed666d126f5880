import { buildIncident } from '../../../testing/incident-fixtures';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { checkImpactDraft, impactDraftFrom } from './impact-form';

describe('the customer impact form, checked with UpdateIncidentRequestSchema', () => {
  it('refuses an end before its start', () => {
    const checked = checkImpactDraft({
      customerImpacted: true,
      customerImpactScope: 'EU',
      customerImpactStart: '2025-06-03T12:00',
      customerImpactEnd: '2025-06-03T11:00',
    });
    expect(checked).toEqual({ ok: false, errors: { customerImpactEnd: 'The end is before the start' } });
  });

  it('sends start, end (null while ongoing) and scope; impact off sends just that', () => {
    const draft = impactDraftFrom(buildIncident(1), FIXTURE_NOW);
    expect(draft.customerImpactEnd).toBe('');
    const checked = checkImpactDraft(draft);
    expect(checked.ok && checked.change).toMatchObject({ customerImpacted: true, customerImpactScope: 'EU customers cannot pay by card', customerImpactEnd: null });
    expect(checkImpactDraft({ ...draft, customerImpacted: false })).toEqual({ ok: true, change: { customerImpacted: false } });
  });
});
