import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/**
 * Mutation options for an action on one conversation: refresh its thread (and the lead) once it
 * lands; show a refusal as a toast headed `failure`.
 */
export function useConversationMutationOptions(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.conversations.get.queryKey({ conversationId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey() }),
      ]),
    [conversationId, queryClient, trpc],
  );
  return (failure: string) => ({
    onSuccess: refresh,
    onError: (error: unknown) => toast.error(failure, getErrorMessage(error)),
  });
}

/**
 * Take over, hand back, send as a person, and handle drafts for one conversation. Each refreshes the
 * thread and the lead page once it lands (the socket event does too, for everyone else watching);
 * a refusal ("Dana already has this conversation") is shown as a toast.
 */
export function useConversationControl(conversationId: string) {
  const trpc = useTRPC();
  const options = useConversationMutationOptions(conversationId);
  return {
    takeOver: useMutation(trpc.conversations.takeOver.mutationOptions(options("Couldn't take over"))),
    handBack: useMutation(
      trpc.conversations.handBack.mutationOptions(options("Couldn't hand back to the AI")),
    ),
    send: useMutation(trpc.conversations.send.mutationOptions(options("Couldn't send the message"))),
    approveDraft: useMutation(
      trpc.conversations.approveDraft.mutationOptions(options("Couldn't send the draft")),
    ),
    rejectDraft: useMutation(
      trpc.conversations.rejectDraft.mutationOptions(options("Couldn't reject the draft")),
    ),
  };
}

export type TConversationControl = ReturnType<typeof useConversationControl>;

export function useLeadAppointments(leadId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.agent.appointments.queryOptions({ leadId }));
}
