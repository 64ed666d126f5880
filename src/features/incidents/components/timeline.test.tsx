import { screen, waitFor, within } from '@testing-library/react';
import { buildIncident, sampleTimeline } from '../../../testing/incident-fixtures';
import { mockApi } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { Timeline } from './timeline';

const incident = buildIncident(12);

function setup(url = `/incidents/${incident.id}`) {
  mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('viewer'),
    'GET /api/incidents/:id/timeline': { entries: sampleTimeline(incident) },
  });
  return renderWithProviders(<Timeline incidentId={incident.id} />, {
    path: '/incidents/:id',
    initialEntries: [url],
    extraRoutes: [{ path: '/monitors/:id', element: <p>Monitor page</p> }],
  });
}

function items() {
  return within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
}

function box(name: RegExp) {
  return within(screen.getByRole('group', { name: 'Show' })).getByRole('checkbox', { name });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('Timeline', () => {
  it('lists entries oldest first, each with its kind, summary, actor and time', async () => {
    setup();
    await screen.findByRole('list', { name: 'Timeline' });
    expect(items().map((li) => li.querySelector('.tl-entry__summary')!.textContent)).toEqual([
      'Declared: Incident declared as SEV-2',
      'Severity change: Severity SEV-2 → SEV-1',
      'Note: Note by alice',
      'Mute: Muted Checkout latency p99 (host:web-1) for 1 h',
      'Todo completed: Todo completed: Post the status page update',
      'Resolved: Incident resolved',
      'postmortem linked: Postmortem linked',
    ]);
    const declared = items()[0]!;
    expect(declared).toHaveTextContent('by alice');
    const time = declared.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', new Date(incident.createdAt).toISOString());
    expect(time).toHaveAttribute('title');
    expect(time).toHaveTextContent('2 h ago');
    // Milestones have no actor.
    expect(items()[5]).not.toHaveTextContent('by ');
  });

  it('keeps a note as written, and links a mute to its monitor', async () => {
    const { user, router } = setup();
    await screen.findByRole('list', { name: 'Timeline' });
    const note = items()[2]!.querySelector('.tl-entry__detail')!;
    expect(note.textContent).toBe('Rolled back checkout-api to v412.\nError rate falling.');
    const link = within(items()[3]!).getByRole('link', { name: 'Go to the monitor' });
    expect(link).toHaveAttribute('href', '/monitors/3');
    expect(link).toHaveAccessibleDescription(/Muted Checkout latency p99 \(host:web-1\) for 1 h/);
    await user.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe('/monitors/3'));
  });

  it('filters by kind with checkboxes kept in the URL', async () => {
    const { user, router } = setup();
    await screen.findByRole('list', { name: 'Timeline' });
    expect(box(/^Notes/)).toBeChecked();
    expect(box(/^Other/)).toBeChecked();
    await user.click(box(/^Notes/));
    await waitFor(() => expect(router.state.location.search).toBe('?kinds=milestone&kinds=change&kinds=todo&kinds=mute&kinds=other'));
    expect(items()).toHaveLength(6);
    expect(screen.getByRole('list', { name: 'Timeline' })).not.toHaveTextContent('Note by alice');
    await user.click(box(/^Notes/));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(items()).toHaveLength(7);
  });

  it('shows only what the URL asks for, a single kind included', async () => {
    setup(`/incidents/${incident.id}?kinds=note&kinds=severity`);
    await screen.findByRole('list', { name: 'Timeline' });
    expect(items().map((li) => li.getAttribute('data-kind'))).toEqual(['severity', 'note']);
    expect(box(/^Notes/)).toBeChecked();
    expect(box(/^Milestones/)).not.toBeChecked();
    // `indeterminate` is set in a passive effect, which may run a moment after the list is committed.
    await waitFor(() => expect((box(/^Changes/) as HTMLInputElement).indeterminate).toBe(true));
    expect(screen.getByText('2 of 7 entries shown')).toBeInTheDocument();
  });

  it('says so when nothing is left, and Show all brings everything back', async () => {
    const { user, router } = setup(`/incidents/${incident.id}?kinds=none`);
    expect(await screen.findByText('No entries of the kinds chosen')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all entries' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(items()).toHaveLength(7);
  });
});
