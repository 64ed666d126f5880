import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IntegrationKind } from '../../../contract/integrations';
import { useSuccessToast } from '../hooks/use-success-toast';
import { refreshIntegration } from './integration-queries';

interface IntegrationMutationOptions<TVariables, TData> {
  kind: IntegrationKind;
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** The notice after a success, e.g. "Webhook ops-hook created". */
  success: (variables: TVariables, data: TData) => string;
}

/**
 * A change to one integration (admins): on success a notice that goes by itself
 * (as the Atlas ones do), and the page and overview tiles load again before the
 * mutation settles, so a closing dialog reveals the list as it now is. Errors
 * stay with the caller, inline.
 */
export function useIntegrationMutation<TVariables, TData = void>({ kind, mutationFn, success }: IntegrationMutationOptions<TVariables, TData>) {
  const queryClient = useQueryClient();
  const toast = useSuccessToast();
  return useMutation({
    mutationFn,
    onSuccess: async (data, variables) => {
      toast(success(variables, data));
      await refreshIntegration(queryClient, kind);
    },
  });
}
