import type { TCampaign } from "@plaibook/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";

export const MESSAGES_LIMIT = 20;

export function useCampaigns() {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.list.queryOptions());
}

export function useCampaign(campaignId: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.campaigns.get.queryOptions({ campaignId: campaignId ?? "" }),
    enabled: campaignId !== null,
  });
}

export function useCampaignMessages(campaignId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.messages.queryOptions({ campaignId, limit: MESSAGES_LIMIT }));
}

export function useSendingNumbers() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.campaigns.sendingNumbers.queryOptions(), staleTime: 5 * 60_000 });
}

/** Puts a campaign the server returned into the caches, then refreshes the list. */
function useStoreCampaign() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (campaign: TCampaign) => {
    queryClient.setQueryData(trpc.campaigns.get.queryKey({ campaignId: campaign.id }), campaign);
    return queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
  };
}

export function useCreateCampaign() {
  const trpc = useTRPC();
  const store = useStoreCampaign();
  return useMutation(trpc.campaigns.create.mutationOptions({ onSuccess: (c) => void store(c) }));
}

export function useUpdateCampaign() {
  const trpc = useTRPC();
  const store = useStoreCampaign();
  return useMutation(trpc.campaigns.update.mutationOptions({ onSuccess: (c) => void store(c) }));
}

export function useTransitionCampaign() {
  const trpc = useTRPC();
  const store = useStoreCampaign();
  return useMutation(trpc.campaigns.transition.mutationOptions({ onSuccess: (c) => void store(c) }));
}

/**
 * Runs `fn` at most once per `ms`, trailing: a burst of socket events (hundreds of message statuses a
 * minute during a send) becomes one refetch instead of a storm.
 */
export function useThrottled(fn: () => void, ms = 1_000): () => void {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      fnRef.current();
    }, ms);
  }, [ms]);
}

/** Keeps the campaign list fresh while it is on screen. */
export function useCampaignListLiveUpdates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useThrottled(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
  }, 2_000);
  useOrgEvent("campaign.updated", refresh);
}

/**
 * Keeps one campaign's counts and latest messages moving without a reload: `campaign.updated` for this
 * campaign refreshes it; message events refresh its message list (and, for new messages, its counts).
 */
export function useCampaignLiveUpdates(campaignId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshCampaign = useThrottled(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey({ campaignId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
  });
  const refreshMessages = useThrottled(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.messages.queryKey({ campaignId }) });
  });
  useOrgEvent(
    "campaign.updated",
    useCallback(
      (payload: { campaignId?: string }) => {
        if (payload?.campaignId === campaignId) {
          refreshCampaign();
          refreshMessages();
        }
      },
      [campaignId, refreshCampaign, refreshMessages],
    ),
  );
  // Message events do not name a campaign, and a new message usually moves a lead along the funnel.
  const refreshAll = useCallback(() => {
    refreshMessages();
    refreshCampaign();
  }, [refreshMessages, refreshCampaign]);
  useOrgEvent("message.created", refreshAll);
  useOrgEvent("message.status", refreshMessages);
}
