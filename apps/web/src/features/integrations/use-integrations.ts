import type { TIntegrationView } from "@plaibook/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "../../components/toast";
import { useTRPC } from "../../lib/trpc";

export type TIntegrationKind = TIntegrationView["kind"];

export const INTEGRATION_NAMES: Record<TIntegrationKind, string> = {
  fieldroutes: "FieldRoutes",
  slack: "Slack",
};

export function useIntegrations(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.integrations.list.queryOptions(undefined, { enabled }));
}

/**
 * Save and remove answer with the whole list: it replaces the cached one, so every card is current.
 * The toasts live here because the card remounts with the new list (callbacks given to `mutate` would
 * be dropped with it).
 */
export function useSaveIntegration() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.integrations.save.mutationOptions({
      onSuccess: (list, input) => {
        queryClient.setQueryData(trpc.integrations.list.queryKey(), list);
        toast.success(`${INTEGRATION_NAMES[input.kind]} saved`);
      },
    }),
  );
}

export function useRemoveIntegration() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.integrations.remove.mutationOptions({
      onSuccess: (list, input) => {
        queryClient.setQueryData(trpc.integrations.list.queryKey(), list);
        toast.success(`${INTEGRATION_NAMES[input.kind]} removed`);
      },
    }),
  );
}

/** Tries the saved connection; the result is shown on the card, nothing is cached. */
export function useTestIntegration() {
  const trpc = useTRPC();
  return useMutation(trpc.integrations.test.mutationOptions());
}
