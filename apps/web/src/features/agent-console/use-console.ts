import type { TConsoleTurnInput } from "@plaibook/shared";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTRPC } from "../../lib/trpc";
import type { TConsoleConversation } from "./console-conversation";
import { applyTurn, EMPTY_CONVERSATION, historyOf } from "./console-conversation";

/** The org's AI routing and whether an API key is configured (which engine will answer). */
export function useAgentSettings() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.agent.settings.queryOptions(), staleTime: 60_000 });
}

export type TConsoleSetup = {
  playbookId: string;
  /** Null: the playbook's current version. */
  version: number | null;
  lead: { firstName: string; timeZone: string };
};

export type TConsoleFailure = { message: string; error: unknown };

/**
 * The console's chat: the conversation so far, the message waiting for an answer, and the last failure.
 * Each turn sends the accumulated history, agent state and rollup, since the server keeps nothing.
 */
export function useConsoleConversation(setup: TConsoleSetup) {
  const trpc = useTRPC();
  const turn = useMutation(trpc.agent.console.mutationOptions());
  const [conversation, setConversation] = useState<TConsoleConversation>(EMPTY_CONVERSATION);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<TConsoleFailure | null>(null);
  /** Bumped on reset, so an answer to a message sent before it is dropped. */
  const generation = useRef(0);

  const send = useCallback(
    (raw: string) => {
      const message = raw.trim();
      if (!message || pending !== null) return;
      const sentIn = generation.current;
      const input: TConsoleTurnInput = {
        playbookId: setup.playbookId,
        ...(setup.version === null ? {} : { version: setup.version }),
        history: historyOf(conversation.entries),
        message,
        state: conversation.state,
        previous: conversation.rollup,
        lead: { firstName: setup.lead.firstName.trim(), timeZone: setup.lead.timeZone },
      };
      setPending(message);
      setFailure(null);
      turn.mutateAsync(input).then(
        (result) => {
          if (sentIn !== generation.current) return;
          setConversation((current) => applyTurn(current, message, result));
          setPending(null);
        },
        (error: unknown) => {
          if (sentIn !== generation.current) return;
          setPending(null);
          setFailure({ message, error });
        },
      );
    },
    [conversation, pending, setup, turn.mutateAsync],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    setConversation(EMPTY_CONVERSATION);
    setPending(null);
    setFailure(null);
  }, []);

  const dismissFailure = useCallback(() => setFailure(null), []);

  return { conversation, pending, failure, send, reset, dismissFailure };
}
