import { screen, waitFor, within } from '@testing-library/react';
import { mockApi } from '../../../testing/mock-api';
import { appConfig, listResponse } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { MonitorList } from './monitor-list';

// The list's dialogs load on demand. Each dialog module below is held back (or fails) until the
// test lets it through, as a slow or broken network would. The modules stay loaded for the rest
// of this file once through, so the tests run in order, each on a dialog not opened before.
const network = vi.hoisted(() => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open, requested: false };
  };
  return { mute: gate(), help: gate(), unmuteOffline: true, unmuteRequests: 0 };
});

vi.mock('./bulk-mute-dialog', async (importOriginal) => {
  network.mute.requested = true;
  await network.mute.opened;
  return importOriginal();
});
vi.mock('./shortcuts-dialog', async (importOriginal) => {
  network.help.requested = true;
  await network.help.opened;
  return importOriginal();
});
vi.mock('./bulk-unmute-dialog', async (importOriginal) => {
  network.unmuteRequests += 1;
  if (network.unmuteOffline) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

function setup() {
  mockApi({ 'GET /api/config': appConfig, 'GET /api/session': sessionFor('responder'), 'GET /api/monitors': listResponse() });
  return renderWithProviders(<MonitorList />, { path: '/monitors', initialEntries: ['/monitors'] });
}

function row(name: string): HTMLElement {
  return screen.getByRole('link', { name, hidden: true }).closest('tr')!;
}

describe('the list dialogs load on demand', () => {
  it('? before the code has arrived: the key list opens when it does, with Close focused', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    // Showing the list fetched none of the dialogs.
    expect(network.mute.requested).toBe(false);
    expect(network.help.requested).toBe(false);
    expect(network.unmuteRequests).toBe(0);

    await user.keyboard('?');
    // The key starts the import; the mocked module is asked for only once the module runner has
    // fetched it (a round trip to the main process, slower on a loaded machine).
    await waitFor(() => expect(network.help.requested).toBe(true));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    network.help.open();
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('moving the cursor preloads the mute dialog; m then opens it with the reason focused, and Esc returns to the row', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    expect(network.mute.requested).toBe(false);

    await user.keyboard('j');
    expect(row('Auth service 5xx')).toHaveFocus();
    await waitFor(() => expect(network.mute.requested).toBe(true));
    // m while the code is still on its way: nothing yet, and the page is not replaced by a spinner.
    await user.keyboard('m');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Monitors' })).toBeInTheDocument();

    network.mute.open();
    const dialog = await screen.findByRole('dialog', { name: 'Mute 1 monitor' });
    expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(row('Auth service 5xx')).toHaveFocus();
  });

  it('a dialog whose code cannot be downloaded closes with a notice; the next u tries again and opens it', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user, toasts } = setup();
    await screen.findByRole('table', { name: 'Monitors' });

    await user.keyboard('j');
    await user.keyboard('u');
    // The notice goes to the shell's toaster (a polite live region), not rendered in this test.
    await waitFor(() =>
      expect(toasts.getSnapshot()).toEqual([
        expect.objectContaining({ message: "Couldn't open the dialog: its code did not load.", detail: 'Check the connection and try again.' }),
      ]),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Monitors' })).toBeInTheDocument();
    const failedRequests = network.unmuteRequests;

    network.unmuteOffline = false;
    await user.keyboard('u');
    expect(await screen.findByRole('dialog', { name: 'Nothing to unmute' })).toBeInTheDocument();
    expect(network.unmuteRequests).toBe(failedRequests + 1);
    consoleError.mockRestore();
  });
});
