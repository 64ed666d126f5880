import { useCallback } from 'react';
import { useToasts } from '../../../components/ui/toaster';

/** How long a success notice stays; failures stay inline next to the form until dealt with. */
export const SUCCESS_TOAST_MS = 8_000;

/** Says that a submit went through ("CRITICAL for app.ok on app-1 submitted"), then lets the notice go. */
export function useSuccessToast(): (message: string, detail?: string) => void {
  const toasts = useToasts();
  return useCallback(
    (message: string, detail?: string) => {
      const id = toasts.push(detail ? { message, detail } : { message });
      setTimeout(() => toasts.dismiss(id), SUCCESS_TOAST_MS);
    },
    [toasts],
  );
}
