import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SearchField } from './search-field';

const DEBOUNCE = 40;

function setup(value = '') {
  const onChange = vi.fn<(value: string) => void>();
  const view = render(<SearchField value={value} onChange={onChange} label="Search teams" debounceMs={DEBOUNCE} />);
  const rerender = (next: string) => view.rerender(<SearchField value={next} onChange={onChange} label="Search teams" debounceMs={DEBOUNCE} />);
  const box = screen.getByRole('searchbox', { name: 'Search teams' });
  // No task between keys: no debounce timer can fire in the middle of a word.
  const user = userEvent.setup({ delay: null });
  return { onChange, rerender, box, user };
}

const sent = (onChange: ReturnType<typeof vi.fn>) => onChange.mock.calls.map(([v]) => v);

describe('SearchField', () => {
  it('sends the text once typing pauses', async () => {
    const { onChange, box, user } = setup();
    await user.type(box, 'pay');
    expect(onChange).not.toHaveBeenCalled();
    await waitFor(() => expect(sent(onChange)).toEqual(['pay']));
  });

  it('keeps text typed after a search when that search comes back as the value, and sends it in turn', async () => {
    const { onChange, rerender, box, user } = setup();
    await user.type(box, 'pay');
    await waitFor(() => expect(sent(onChange)).toEqual(['pay']));
    // The page is still loading "pay" (the URL has not moved) while the user types on.
    await user.type(box, 'ments');
    rerender('pay');
    expect(box).toHaveValue('payments');
    await waitFor(() => expect(sent(onChange)).toEqual(['pay', 'payments']));
    rerender('payments');
    expect(box).toHaveValue('payments');
    await new Promise((r) => setTimeout(r, DEBOUNCE * 3));
    expect(sent(onChange)).toEqual(['pay', 'payments']);
  });

  it('takes a value it did not send (Back, Clear filters), dropping the text typed', async () => {
    const { onChange, rerender, box, user } = setup('pay');
    await user.clear(box);
    await user.type(box, 'web');
    rerender('db');
    expect(box).toHaveValue('db');
    await new Promise((r) => setTimeout(r, DEBOUNCE * 3));
    expect(sent(onChange)).toEqual([]);
  });

  it('takes a value it did not send even while one of its own searches is on its way', async () => {
    const { onChange, rerender, box, user } = setup();
    await user.type(box, 'pay');
    await waitFor(() => expect(sent(onChange)).toEqual(['pay']));
    // Back, before "pay" arrived: that search is abandoned, and the field shows the URL again.
    rerender('web');
    expect(box).toHaveValue('web');
    rerender('pay');
    expect(box).toHaveValue('pay');
  });

  it('skips an earlier search that never became the value', async () => {
    const { onChange, rerender, box, user } = setup();
    await user.type(box, 'pay');
    await waitFor(() => expect(sent(onChange)).toEqual(['pay']));
    await user.type(box, 'ments');
    await waitFor(() => expect(sent(onChange)).toEqual(['pay', 'payments']));
    // The router dropped the "pay" navigation for the newer one.
    rerender('payments');
    expect(box).toHaveValue('payments');
    // Later, Back to "pay": not a search still on its way, so the field shows it.
    rerender('pay');
    expect(box).toHaveValue('pay');
  });

  it('sends at once on Enter, and not again after the pause', async () => {
    const { onChange, box, user } = setup();
    await user.type(box, 'web{Enter}');
    expect(sent(onChange)).toEqual(['web']);
    await new Promise((r) => setTimeout(r, DEBOUNCE * 3));
    expect(sent(onChange)).toEqual(['web']);
  });

  it('clears with Esc and sends the empty search, then blurs on a second Esc', async () => {
    const { onChange, box, user } = setup('pay');
    await user.click(box);
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(sent(onChange)).toEqual(['']);
    expect(box).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(box).not.toHaveFocus();
  });
});
