import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ChipInput, splitChips } from './chip-input';

const noSpaces = (chip: string) => (/\s/.test(chip) ? 'Tags have no spaces' : null);

function Harness({ initial = [] as string[], onBlur }: { initial?: string[]; onBlur?: () => void }) {
  const [tags, setTags] = useState<string[]>(initial);
  return (
    <>
      <ChipInput label="Host tags" value={tags} onChange={setTags} validate={noSpaces} hint="key:value, Enter adds" onBlur={onBlur} />
      <p data-testid="value">{JSON.stringify(tags)}</p>
      <button type="button">Elsewhere</button>
    </>
  );
}

const box = () => screen.getByRole('textbox', { name: 'Host tags' });
const value = () => JSON.parse(screen.getByTestId('value').textContent!) as string[];

describe('ChipInput', () => {
  it('adds a chip on Enter and on comma, ignoring duplicates', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(box(), 'env:prod{Enter}');
    await user.type(box(), 'team:web,');
    await user.type(box(), 'env:prod{Enter}');
    expect(value()).toEqual(['env:prod', 'team:web']);
    expect(box()).toHaveValue('');
    const chips = screen.getByRole('list', { name: 'Host tags' });
    expect(within(chips).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['env:prod×', 'team:web×']);
    expect(screen.getByRole('status')).toHaveTextContent('Added team:web');
  });

  it('removes the last chip with Backspace in the empty box, and any chip with its labelled button', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['a:1', 'b:2', 'c:3']} />);
    await user.click(box());
    await user.keyboard('{Backspace}');
    expect(value()).toEqual(['a:1', 'b:2']);
    await user.click(screen.getByRole('button', { name: 'Remove a:1' }));
    expect(value()).toEqual(['b:2']);
    expect(screen.getByRole('status')).toHaveTextContent('Removed a:1');
    // Backspace with text in the box edits the text, not the chips.
    await user.type(box(), 'xy{Backspace}');
    expect(box()).toHaveValue('x');
    expect(value()).toEqual(['b:2']);
  });

  it('keeps invalid text in the box with its error, described on the input', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(box(), 'bad tag{Enter}');
    expect(value()).toEqual([]);
    expect(box()).toHaveValue('bad tag');
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(box()).toHaveAccessibleDescription('key:value, Enter adds Tags have no spaces');
    // Typing again clears the error until the next try.
    await user.type(box(), '{Backspace}{Backspace}{Backspace}{Backspace}-tag');
    expect(box()).not.toHaveAttribute('aria-invalid');
    await user.keyboard('{Enter}');
    expect(value()).toEqual(['bad-tag']);
  });

  it('splits a paste of "a:b, c:d" into chips, keeping a refused piece in the box', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(box());
    await user.paste('a:b, c:d');
    expect(value()).toEqual(['a:b', 'c:d']);
    expect(box()).toHaveValue('');
    await user.paste('e:f,\nbad one, g:h');
    expect(value()).toEqual(['a:b', 'c:d', 'e:f', 'g:h']);
    expect(box()).toHaveValue('bad one');
    expect(screen.getByText('Tags have no spaces')).toBeInTheDocument();
  });

  it('turns typed text into a chip when focus leaves, then tells the form', async () => {
    const user = userEvent.setup();
    const onBlur = vi.fn();
    render(<Harness onBlur={onBlur} />);
    await user.type(box(), 'region:eu');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(value()).toEqual(['region:eu']);
    expect(onBlur).toHaveBeenCalledTimes(1);
  });

  it('shows an error for the list as a whole', () => {
    render(<ChipInput label="Filter tags" value={['a']} onChange={() => {}} error="At most 100 tags" />);
    expect(screen.getByRole('textbox', { name: 'Filter tags' })).toHaveAccessibleDescription('At most 100 tags');
  });

  it('splitChips drops empty pieces and trims', () => {
    expect(splitChips(' a:b ,, c:d\n e ')).toEqual(['a:b', 'c:d', 'e']);
  });

  it('shows its placeholder only while no chip is there', async () => {
    const user = userEvent.setup();
    function WithPlaceholder() {
      const [tags, setTags] = useState<string[]>([]);
      return <ChipInput label="Filter tags" value={tags} onChange={setTags} placeholder="env:prod" />;
    }
    render(<WithPlaceholder />);
    const input = screen.getByRole('textbox', { name: 'Filter tags' });
    expect(input).toHaveAttribute('placeholder', 'env:prod');
    await user.type(input, 'env:prod{Enter}');
    expect(input).not.toHaveAttribute('placeholder');
  });
});
