import { ApiError } from './api-client';
import { createQueryClient } from './query-client';

const failing = () => Promise.reject(new ApiError({ status: 502, code: 'upstream_error', message: 'down' }));

describe('createQueryClient', () => {
  it('reports background refetch failures of data on screen, not first-load failures', async () => {
    const onBackgroundError = vi.fn();
    const client = createQueryClient({ onBackgroundError, defaultOptions: { queries: { retry: false } } });

    await client.fetchQuery({ queryKey: ['first'], queryFn: failing }).catch(() => {});
    expect(onBackgroundError).not.toHaveBeenCalled();

    client.setQueryData(['shown'], { ok: true });
    await client.fetchQuery({ queryKey: ['shown'], queryFn: failing, staleTime: 0 }).catch(() => {});
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
    expect(onBackgroundError.mock.calls[0]![0]).toMatchObject({ code: 'upstream_error' });
  });

  it('leaves failures to views that show their own stale banner', async () => {
    const onBackgroundError = vi.fn();
    const client = createQueryClient({ onBackgroundError, defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['banner'], { ok: true });
    await client
      .fetchQuery({ queryKey: ['banner'], queryFn: failing, staleTime: 0, meta: { staleBanner: true } })
      .catch(() => {});
    expect(onBackgroundError).not.toHaveBeenCalled();
  });

  it('retries 5xx by default but not 4xx', async () => {
    const client = createQueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const serverFn = vi.fn(failing);
    await client.fetchQuery({ queryKey: ['5xx'], queryFn: serverFn }).catch(() => {});
    expect(serverFn).toHaveBeenCalledTimes(3);
    const clientFn = vi.fn(() => Promise.reject(new ApiError({ status: 404, code: 'not_found', message: 'x' })));
    await client.fetchQuery({ queryKey: ['4xx'], queryFn: clientFn }).catch(() => {});
    expect(clientFn).toHaveBeenCalledTimes(1);
  });
});
