import { render, screen } from '@testing-library/react';
import { buildIncident } from '../../../testing/incident-fixtures';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { DurationsBar } from './durations-bar';

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('DurationsBar', () => {
  it('draws detect, repair and impact to one scale, with the numbers as text', () => {
    render(<DurationsBar incident={buildIncident(1, { timeToDetect: 600, timeToRepair: 1800, customerImpactDuration: 1200, resolvedAt: FIXTURE_NOW })} />);
    const bar = screen.getByRole('img', { name: 'Time to detect: 10m; Time to repair: 30m; Customer impact: 20m' });
    const [detect, repair, impact] = [...bar.querySelectorAll<HTMLElement>('.durations__seg')];
    expect(detect!.style.width).toBe('25%');
    expect(repair!.style.width).toBe('75%');
    expect(impact!.style.width).toBe('50%');
    const legend = screen.getByRole('region', { name: 'Durations' });
    expect(legend).toHaveTextContent('Time to detect10m');
    expect(legend).toHaveTextContent('Time to repair30m');
    expect(legend).toHaveTextContent('Customer impact20m');
  });

  it('measures what still runs up to now, and says so', () => {
    render(<DurationsBar incident={buildIncident(1)} />);
    expect(screen.getByRole('img', { name: 'Time to detect: 15m; Time to repair: 1h 50m so far; Customer impact: 2h 5m so far' })).toBeInTheDocument();
  });

  it('says when there is nothing to draw yet', () => {
    render(<DurationsBar incident={buildIncident(1, { customerImpacted: false, customerImpactStart: null, detectedAt: null })} />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText(/No times to show yet/)).toBeInTheDocument();
  });
});
