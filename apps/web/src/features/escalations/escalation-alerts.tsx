import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "../../components/toast";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";
import { playBeep, useEscalationSound } from "./escalation-sound";

export type TEscalationRaised = {
  escalationId: string;
  conversationId: string;
  source: string;
  reason: string;
  raisedAt: string;
};

const TOAST_MS = 15_000;

/**
 * Mounted once behind sign-in: an escalation raised anywhere the person may see becomes a toast (with
 * the lead, the reason and a way into the Cockpit), and a beep when they turned the sound on.
 */
export function EscalationAlerts({ onOpen }: { onOpen: (conversationId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onRaised = useCallback(
    (event: TEscalationRaised) => {
      if (useEscalationSound.getState().enabled) playBeep();
      const show = (leadName: string | null) =>
        toast.alert(
          leadName ? `Escalation: ${leadName}` : "New escalation",
          event.reason.charAt(0).toUpperCase() + event.reason.slice(1),
          {
            durationMs: TOAST_MS,
            action: { label: "Open in Cockpit", onClick: () => onOpen(event.conversationId) },
          },
        );
      // The event carries no lead: the refreshed queue has it (and the nav badge needs it anyway).
      queryClient
        .fetchQuery({ ...trpc.escalations.list.queryOptions({ includeResolved: false }), staleTime: 0 })
        .then(
          (list) => show(list.find((e) => e.id === event.escalationId)?.leadName ?? null),
          () => show(null),
        );
    },
    [onOpen, queryClient, trpc],
  );
  useOrgEvent<TEscalationRaised>("escalation.raised", onRaised);
  return null;
}
