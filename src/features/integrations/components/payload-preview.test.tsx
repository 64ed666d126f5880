import { render, screen, within } from '@testing-library/react';
import { DEFAULT_WEBHOOK_PAYLOAD, WEBHOOK_SAMPLE_VALUES } from '../../../contract/webhook-template';
import type { CustomVariable } from '../../../contract/integrations';
import { PayloadPreview } from './payload-preview';

const variables: CustomVariable[] = [
  { name: 'TEAM', isSecret: false, value: 'payments' },
  { name: 'API_TOKEN', isSecret: true, value: '******' },
];

const preview = () => screen.getByLabelText('Rendered preview');
const used = () =>
  within(screen.getByRole('list', { name: 'Variables used' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('PayloadPreview', () => {
  it('renders the template with sample and custom values, pretty-printed JSON, and lists the variables', () => {
    render(<PayloadPreview template={'{"title": "$EVENT_TITLE", "team": "$TEAM", "token": "$API_TOKEN", "x": "$NOPE"}'} encodeAs="json" customVariables={variables} />);
    expect(preview().textContent).toBe(
      JSON.stringify({ title: WEBHOOK_SAMPLE_VALUES.EVENT_TITLE, team: 'payments', token: '$API_TOKEN', x: '$NOPE' }, null, 2),
    );
    expect(used()).toEqual(['$EVENT_TITLE', '$TEAM', '$API_TOKEN (secret: its value is not shown)', '$NOPE (unknown: sent as written)']);
    expect(screen.queryByText(/not valid JSON/)).not.toBeInTheDocument();
  });

  it('escapes values for JSON, so a message with quotes still gives valid JSON', () => {
    render(<PayloadPreview template={'{"msg": "$EVENT_MSG"}'} encodeAs="json" customVariables={[{ name: 'EVENT_MSG', isSecret: false, value: 'say "hi"\nbye' }]} />);
    expect(JSON.parse(preview().textContent!)).toEqual({ msg: 'say "hi"\nbye' });
  });

  it('shows why a JSON template is not valid, and the text as rendered', () => {
    render(<PayloadPreview template={'{"title": "$EVENT_TITLE",}'} encodeAs="json" customVariables={[]} />);
    expect(screen.getByText(/^The payload is not valid JSON/)).toBeInTheDocument();
    expect(preview().textContent).toBe(`{"title": "${WEBHOOK_SAMPLE_VALUES.EVENT_TITLE}",}`);
  });

  it('renders a form-encoded template as it is, with no JSON check', () => {
    render(<PayloadPreview template="host=$HOSTNAME&status=$ALERT_TRANSITION" encodeAs="form" customVariables={[]} />);
    expect(preview().textContent).toBe('host=web-2&status=Triggered');
    expect(screen.queryByText(/not valid JSON/)).not.toBeInTheDocument();
  });

  it("shows Datadog's default payload when the template is empty", () => {
    render(<PayloadPreview template="  " encodeAs="json" customVariables={[]} />);
    expect(screen.getByText(/Datadog sends its default payload/)).toBeInTheDocument();
    expect(JSON.parse(preview().textContent!)).toMatchObject({ title: WEBHOOK_SAMPLE_VALUES.EVENT_TITLE, org: { name: 'Demo Org' } });
    expect(used()).toContain('$EVENT_MSG');
    expect(DEFAULT_WEBHOOK_PAYLOAD).toContain('$EVENT_MSG');
  });
});
