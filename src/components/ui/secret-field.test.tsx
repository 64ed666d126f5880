import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SecretField } from './secret-field';

interface Sent {
  value: string | undefined;
  cleared: boolean;
}

/** A form around one secret: Save reports what the field holds, as a caller would build its request from it. */
function Harness({
  mask,
  clearable,
  required,
  error,
  help,
  onSave,
}: {
  mask: string | null;
  clearable?: boolean;
  required?: boolean;
  error?: string;
  help?: string;
  onSave: (sent: Sent) => void;
}) {
  const [value, setValue] = useState<string | undefined>(mask === null ? '' : undefined);
  const [cleared, setCleared] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ value, cleared });
      }}
    >
      <SecretField
        id="service-key"
        label="Service key"
        mask={mask}
        value={value}
        onChange={setValue}
        clearable={clearable}
        cleared={cleared}
        onClearChange={setCleared}
        required={required}
        error={error}
        help={help}
      />
      <button type="submit">Save</button>
    </form>
  );
}

function passwordInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('#service-key');
}

describe('SecretField', () => {
  it('with a mask: shows it read only, with no input holding it, and Keep sends nothing', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness mask="******7890" onSave={onSave} />);

    const group = screen.getByRole('group', { name: 'Service key' });
    expect(group).toHaveTextContent('Configured: ******7890');
    expect(group).toHaveAccessibleDescription('Configured: ******7890');
    expect(passwordInput()).toBeNull();
    // The mask is nowhere in a form control.
    for (const el of document.querySelectorAll('input')) expect(el.value).not.toContain('******');
    expect(screen.queryByRole('button', { name: 'Remove Service key' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ value: undefined, cleared: false });
  });

  it('Replace opens an empty password input (new-password, focused); the new value is what is sent', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness mask="******7890" onSave={onSave} />);

    await user.click(screen.getByRole('button', { name: 'Replace Service key' }));
    const input = screen.getByLabelText('Service key');
    expect(input).toBe(passwordInput());
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'new-password');
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription('Replaces the configured value ******7890.');

    await user.type(input, 'pd-key-new-1234');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ value: 'pd-key-new-1234', cleared: false });
  });

  it('Show and Hide toggle whether the typed value is visible', async () => {
    const user = userEvent.setup();
    render(<Harness mask={null} onSave={vi.fn()} />);
    const input = screen.getByLabelText('Service key');
    await user.type(input, 'abc');
    await user.click(screen.getByRole('button', { name: 'Show Service key' }));
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveValue('abc');
    await user.click(screen.getByRole('button', { name: 'Hide Service key' }));
    expect(input).toHaveAttribute('type', 'password');
  });

  it('Keep current drops what was typed and goes back to the mask; nothing is sent', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness mask="******7890" onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Replace Service key' }));
    await user.type(screen.getByLabelText('Service key'), 'half-typed');
    await user.click(screen.getByRole('button', { name: 'Keep current Service key' }));

    expect(passwordInput()).toBeNull();
    expect(screen.getByRole('group', { name: 'Service key' })).toHaveTextContent('Configured: ******7890');
    expect(screen.getByRole('button', { name: 'Replace Service key' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ value: undefined, cleared: false });

    // Replacing again starts from an empty input, not from what was typed before.
    await user.click(screen.getByRole('button', { name: 'Replace Service key' }));
    expect(screen.getByLabelText('Service key')).toHaveValue('');
  });

  it('clearable: Remove marks it cleared, Undo keeps it', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness mask="******" clearable onSave={onSave} />);

    await user.click(screen.getByRole('button', { name: 'Remove Service key' }));
    expect(screen.getByRole('group', { name: 'Service key' })).toHaveTextContent('Removed when you save (was ******).');
    expect(screen.getByRole('button', { name: 'Undo remove Service key' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ value: undefined, cleared: true });

    await user.click(screen.getByRole('button', { name: 'Undo remove Service key' }));
    expect(screen.getByRole('group', { name: 'Service key' })).toHaveTextContent('Configured: ******');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ value: undefined, cleared: false });
  });

  it('without a mask: a plain required password input, with its help and error', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness mask={null} required help="From the PagerDuty service" error="Service key is required" onSave={onSave} />);

    const input = screen.getByLabelText('Service key');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('aria-required', 'true');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('From the PagerDuty service Service key is required');
    expect(screen.queryByRole('button', { name: /^Replace/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Keep current/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();

    await user.type(input, 'first-key-5678');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ value: 'first-key-5678', cleared: false });
  });

  it('an error on a stored secret is read with its group', () => {
    render(<Harness mask="******7890" error="Atlas rejected this key" onSave={vi.fn()} />);
    expect(screen.getByRole('group', { name: 'Service key' })).toHaveAccessibleDescription('Configured: ******7890 Atlas rejected this key');
  });

  it('in a row of inputs: the label only for screen readers, the row\'s error pointed at, and one blur when focus leaves the field', async () => {
    const user = userEvent.setup();
    const onBlur = vi.fn();
    render(
      <>
        <SecretField id="h1" label="Header 1 value" hideLabel mask="******abcd" value={undefined} onChange={vi.fn()} errorId="row-error" onBlur={onBlur} />
        <p id="row-error">Datadog refuses this header</p>
        <button type="button">Elsewhere</button>
      </>,
    );
    const group = screen.getByRole('group', { name: 'Header 1 value' });
    expect(screen.getByText('Header 1 value')).toHaveClass('visually-hidden');
    expect(group).toHaveAccessibleDescription('Configured: ******abcd Datadog refuses this header');
    await user.click(screen.getByRole('button', { name: 'Replace Header 1 value' }));
    expect(onBlur).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(onBlur).toHaveBeenCalledTimes(1);
  });

  it('in a row of inputs, an opened secret is invalid with the row\'s error, and says what it replaces below the input', () => {
    render(<SecretField id="h1" label="Header 1 value" hideLabel mask="******abcd" value="" onChange={vi.fn()} errorId="row-error" />);
    const input = screen.getByLabelText('Header 1 value');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toBe('h1-current row-error');
    // The note follows the input, so the row's inputs stay in line.
    expect(input.compareDocumentPosition(screen.getByText(/Replaces the configured value/)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
