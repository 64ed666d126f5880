import { useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Toaster } from '../components/ui/toaster';
import { ApiError } from '../lib/api-client';
import { AppProvider } from './provider';

let fail = false;

function Probe() {
  const q = useQuery({
    queryKey: ['probe'],
    queryFn: () =>
      fail ? Promise.reject(new ApiError({ status: 502, code: 'upstream_error', message: 'Datadog is down' })) : Promise.resolve('data'),
    retry: false,
  });
  return (
    <>
      <p>{q.data}</p>
      <button onClick={() => void q.refetch()}>refetch</button>
    </>
  );
}

describe('AppProvider', () => {
  it('shows a notice when a background refresh of data on screen fails, and keeps the data', async () => {
    const user = userEvent.setup();
    render(
      <AppProvider>
        <Probe />
        <Toaster />
      </AppProvider>,
    );
    expect(await screen.findByText('data')).toBeInTheDocument();
    fail = true;
    await user.click(screen.getByRole('button', { name: 'refetch' }));
    expect(await screen.findByText('A background refresh failed; showing the last data.')).toBeInTheDocument();
    expect(screen.getByText(/Datadog is down \(upstream_error\)/)).toBeInTheDocument();
    expect(screen.getByText('data')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/background refresh failed/)).not.toBeInTheDocument();
  });
});
