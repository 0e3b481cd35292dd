import type { TEscalation } from "@plaibook/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";

/** Open escalations, longest waiting first; refetched whenever one is raised or acknowledged. */
export function useOpenEscalations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.escalations.list.queryOptions({ includeResolved: false }));
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.escalations.list.queryKey() }),
    [queryClient, trpc],
  );
  useOrgEvent("escalation.raised", refresh);
  useOrgEvent("escalation.acknowledged", refresh);
  // Taking over or closing resolves an escalation.
  useOrgEvent("conversation.control", refresh);
  return query;
}

/** Open escalations nobody has acknowledged yet: the nav badge. */
export function unreadCount(escalations: ReadonlyArray<TEscalation> | undefined): number {
  return escalations?.filter((e) => e.acknowledgedAt === null && e.resolvedAt === null).length ?? 0;
}

export function useAcknowledgeEscalation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.escalations.acknowledge.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.escalations.list.queryKey() }),
      onError: (error) => toast.error("Couldn't acknowledge the escalation", getErrorMessage(error)),
    }),
  );
}

/** "12 s", "3 min", "1 h 5 min", "2 d 3 h". */
export function formatWaiting(sinceIso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 1000));
  if (Number.isNaN(seconds)) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export const SOURCE_LABELS: Record<TEscalation["source"], string> = {
  agent: "Raised by the AI agent",
  overseer: "Raised by the Overseer",
  person: "Raised by a teammate",
};
