import type { TListLeadsInput, TMessageEvent } from "@plaibook/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";

export function useLeadsPage(input: TListLeadsInput, options: { enabled?: boolean } = {}) {
  const trpc = useTRPC();
  // Keep the current page on screen while the next one (or a new sort) loads.
  return useQuery(
    trpc.leads.list.queryOptions(input, {
      placeholderData: keepPreviousData,
      enabled: options.enabled ?? true,
    }),
  );
}

export function useLead(leadId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.leads.get.queryOptions({ leadId }));
}

export function useCampaignOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.list.queryOptions());
}

export function useLeadImports(limit = 10) {
  const trpc = useTRPC();
  return useQuery(trpc.leads.imports.queryOptions({ limit }));
}

/** Polls an import's status while it runs: a fallback for missed socket events. */
export function useImportStatus(importId: string | null, running: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.leads.importStatus.queryOptions(
      { importId: importId ?? "" },
      { enabled: importId !== null && running, refetchInterval: running ? 3_000 : false, staleTime: 0 },
    ),
  );
}

/** Invalidates everything a lead change can affect: lists, the lead page, campaign counts. */
export function useInvalidateLeads() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.leads.list.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.leads.imports.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() }),
      ]),
    [queryClient, trpc],
  );
}

export function useCreateLead() {
  const trpc = useTRPC();
  const invalidate = useInvalidateLeads();
  return useMutation(trpc.leads.create.mutationOptions({ onSettled: invalidate }));
}

export function useUpdateLead() {
  const trpc = useTRPC();
  const invalidate = useInvalidateLeads();
  return useMutation(trpc.leads.update.mutationOptions({ onSettled: invalidate }));
}

export function useConversation(conversationId: string | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.conversations.get.queryOptions(
      { conversationId: conversationId ?? "" },
      { enabled: conversationId !== null },
    ),
  );
}

/**
 * Keeps conversation threads live: a new or updated message is written straight into the cached thread
 * (no refetch flicker), and the lists that summarise conversations are refreshed.
 */
export function useLiveConversations(options: { leadId?: string } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { leadId } = options;

  const onMessage = useCallback(
    (event: TMessageEvent) => {
      if (leadId && event.leadId !== leadId) return;
      const key = trpc.conversations.get.queryKey({ conversationId: event.conversationId });
      const cached = queryClient.getQueryData(key);
      if (cached) {
        const exists = cached.messages.some((m) => m.id === event.message.id);
        queryClient.setQueryData(key, {
          ...cached,
          messages: exists
            ? cached.messages.map((m) => (m.id === event.message.id ? event.message : m))
            : [...cached.messages, event.message],
        });
      } else {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      void queryClient.invalidateQueries({ queryKey: trpc.conversations.list.queryKey() });
      if (leadId) {
        void queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey({ leadId }) });
        // The agent books in the same turn as its reply.
        void queryClient.invalidateQueries({ queryKey: trpc.agent.appointments.queryKey({ leadId }) });
      }
    },
    [leadId, queryClient, trpc],
  );
  const onConversation = useCallback(
    (event: { conversationId: string }) => {
      void queryClient.invalidateQueries({ queryKey: trpc.conversations.list.queryKey() });
      void queryClient.invalidateQueries({
        queryKey: trpc.conversations.get.queryKey({ conversationId: event.conversationId }),
      });
      if (leadId) {
        void queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey({ leadId }) });
        // The agent books in the same turn as its reply.
        void queryClient.invalidateQueries({ queryKey: trpc.agent.appointments.queryKey({ leadId }) });
      }
    },
    [leadId, queryClient, trpc],
  );

  useOrgEvent<TMessageEvent>("message.created", onMessage);
  useOrgEvent<TMessageEvent>("message.status", onMessage);
  useOrgEvent<{ conversationId: string }>("conversation.updated", onConversation);
  // A takeover, hand-back or draft decision, and a new escalation, change who answers and the banner.
  useOrgEvent<{ conversationId: string }>("conversation.control", onConversation);
  useOrgEvent<{ conversationId: string }>("escalation.raised", onConversation);
}
