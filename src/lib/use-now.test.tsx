import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { useNow } from './use-now';

function Clock({ label }: { label: string }) {
  const now = useNow(1000);
  return <p>{`${label}:${now}`}</p>;
}

function Many() {
  const [n, setN] = useState(0);
  return (
    <>
      <button onClick={() => setN(n + 1)}>again</button>
      {Array.from({ length: 20 }, (_, i) => (
        <Clock key={i} label={`c${i}`} />
      ))}
    </>
  );
}

describe('useNow', () => {
  it('shares one clock, re-renders calmly and ticks with real time moving on', async () => {
    // Time moves on between every read (as in a real browser between render and commit):
    // the clock must not loop re-rendering when components render again.
    let t = 1_700_000_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 1));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    render(<Many />);
    const first = screen.getByText(/^c0:/).textContent!;
    act(() => screen.getByText('again').click());
    act(() => screen.getByText('again').click());
    expect(screen.getAllByText(/^c\d+:/)).toHaveLength(20);
    const start = Number(first.split(':')[1]);
    act(() => vi.advanceTimersByTime(1000));
    const after = Number(screen.getByText(/^c0:/).textContent!.split(':')[1]);
    expect(after).toBeGreaterThan(start);
    // Every instance shows the same time.
    expect(new Set(screen.getAllByText(/^c\d+:/).map((e) => e.textContent!.split(':')[1])).size).toBe(1);
  });
});
