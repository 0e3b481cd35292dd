import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export function useConversationList() {
  const trpc = useTRPC();
  return useQuery(trpc.conversations.list.queryOptions({ limit: 100 }));
}

/** Only roles that may simulate can read these (the server answers FORBIDDEN otherwise). */
export function useSandboxSettings(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.sandbox.settings.queryOptions(undefined, { enabled }));
}

export function useSetBot() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.sandbox.setBot.mutationOptions({
      onSuccess: (settings) => queryClient.setQueryData(trpc.sandbox.settings.queryKey(), settings),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.sandbox.settings.queryKey() }),
    }),
  );
}

export function useSandboxReply() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.sandbox.reply.mutationOptions({
      // The socket usually brings the message first; this covers a missed event.
      onSettled: (_data, _error, input) =>
        Promise.all([
          queryClient.invalidateQueries({
            queryKey: trpc.conversations.get.queryKey({ conversationId: input.conversationId }),
          }),
          queryClient.invalidateQueries({ queryKey: trpc.conversations.list.queryKey() }),
        ]),
    }),
  );
}

/** The org's sending numbers; tells sandbox numbers (which the simulator can answer) from real ones. */
export function useSendingNumbers() {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.sendingNumbers.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}
