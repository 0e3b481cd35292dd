import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { useConversationMutationOptions } from "../leads/use-conversation-control";

/**
 * Close, reopen and assign one conversation. Each refreshes the thread once it lands; the board row
 * follows from the socket event every watcher gets. A refusal is shown as a toast.
 */
export function useCockpitActions(conversationId: string) {
  const trpc = useTRPC();
  const options = useConversationMutationOptions(conversationId);
  return {
    close: useMutation(trpc.conversations.close.mutationOptions(options("Couldn't close the conversation"))),
    reopen: useMutation(
      trpc.conversations.reopen.mutationOptions(options("Couldn't reopen the conversation")),
    ),
    assign: useMutation(
      trpc.conversations.assign.mutationOptions(options("Couldn't assign the conversation")),
    ),
  };
}

export type TCockpitActions = ReturnType<typeof useCockpitActions>;

/** The Overseer's view of a conversation at one turn (the latest when `turn` is null). */
export function useReplay(conversationId: string, turn: number | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.conversations.replay.queryOptions(turn === null ? { conversationId } : { conversationId, turn }, {
      placeholderData: (previous) => previous,
    }),
  );
}
