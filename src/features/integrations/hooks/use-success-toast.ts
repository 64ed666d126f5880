import { useCallback } from 'react';
import { useToasts } from '../../../components/ui/toaster';

/** How long a success notice stays; failures stay inline until dealt with, so only these go away by themselves. */
export const SUCCESS_TOAST_MS = 8_000;

/** Says that a change went through ("PagerDuty configured for checkout-prod"), then lets the notice go. */
export function useSuccessToast(): (message: string) => void {
  const toasts = useToasts();
  return useCallback(
    (message: string) => {
      const id = toasts.push({ message });
      setTimeout(() => toasts.dismiss(id), SUCCESS_TOAST_MS);
    },
    [toasts],
  );
}
