import { act, render, screen } from '@testing-library/react';
import type { MuteSummary } from '../../../contract/monitors';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { hasCountdown, MUTE_CLOCK_MS, MuteMarker } from './mute-marker';

const MINUTE = 60_000;

function intervalsOf(spy: { mock: { calls: unknown[][] } }, ms: number): number {
  return spy.mock.calls.filter((c) => c[1] === ms).length;
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('MuteMarker and the shared clock', () => {
  it('counts down only whole-monitor mutes with an end', () => {
    expect(hasCountdown({ state: 'all', endsAt: FIXTURE_NOW + MINUTE, mutedGroups: 0 } as MuteSummary)).toBe(true);
    expect(hasCountdown({ state: 'all', endsAt: null, mutedGroups: 0 } as MuteSummary)).toBe(false);
    expect(hasCountdown({ state: 'partial', endsAt: FIXTURE_NOW + MINUTE, mutedGroups: 2 } as MuteSummary)).toBe(false);
  });

  it('300 countdown markers share one timer, and every one of them moves on when it ticks', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const { unmount } = render(
      <ul>
        {Array.from({ length: 300 }, (_, i) => (
          <li key={i}>
            <MuteMarker mute={{ state: 'all', endsAt: FIXTURE_NOW + (i + 10) * MINUTE, mutedGroups: 0, downtimes: 1 }} />
          </li>
        ))}
      </ul>,
    );
    expect(intervalsOf(setIntervalSpy, MUTE_CLOCK_MS)).toBe(1);
    expect(screen.getByText('Muted · 10m left')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(2 * MUTE_CLOCK_MS));
    expect(screen.getByText('Muted · 9m left')).toBeInTheDocument();
    expect(screen.getAllByText(/left$/)).toHaveLength(300);
    expect(intervalsOf(setIntervalSpy, MUTE_CLOCK_MS)).toBe(1);
    unmount();
  });

  it('markers without a countdown start no timer at all', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    render(
      <ul>
        {Array.from({ length: 300 }, (_, i) => (
          <li key={i}>
            <MuteMarker
              mute={i % 2 ? { state: 'none', endsAt: null, mutedGroups: 0, downtimes: 0 } : { state: 'partial', endsAt: FIXTURE_NOW + MINUTE, mutedGroups: 3, downtimes: 1 }}
            />
          </li>
        ))}
      </ul>,
    );
    expect(setIntervalSpy).not.toHaveBeenCalled();
    expect(screen.getAllByText('3 groups muted')).toHaveLength(150);
    expect(screen.getAllByText('—')).toHaveLength(150);
  });
});
