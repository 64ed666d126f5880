import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { AppErrorBoundary } from '../components/errors/app-error-boundary';
import { ToastProvider } from '../components/ui/toaster';
import { toApiError } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { createToastStore } from '../lib/toast-store';

/** The app's providers. The QueryClient is created once per mount (not a module singleton). */
export function AppProvider({ children }: { children: ReactNode }) {
  const [toasts] = useState(createToastStore);
  const [queryClient] = useState(() =>
    createQueryClient({
      // Only refreshes of data already on screen, and only for views without their own stale banner.
      onBackgroundError: (error) => {
        const e = toApiError(error);
        toasts.push({ message: 'A background refresh failed; showing the last data.', detail: `${e.message} (${e.code})` });
      },
    }),
  );
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <ToastProvider store={toasts}>{children}</ToastProvider>
      </QueryClientProvider>
    </AppErrorBoundary>
  );
}
