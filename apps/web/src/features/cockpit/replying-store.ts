import { create } from "zustand";

/** How long "AI is replying…" stays up without the reply arriving (the job may have failed). */
export const REPLYING_TIMEOUT_MS = 20_000;

type TReplyingState = {
  /** Conversation id → when the indicator was raised. */
  since: Record<string, number>;
  start: (conversationId: string) => void;
  stop: (conversationId: string) => void;
};

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Conversations the AI is writing a reply for (from `agent.replying` until the next message). */
export const useReplyingStore = create<TReplyingState>()((set, get) => ({
  since: {},
  start: (conversationId) => {
    clearTimeout(timers.get(conversationId));
    timers.set(
      conversationId,
      setTimeout(() => get().stop(conversationId), REPLYING_TIMEOUT_MS),
    );
    set({ since: { ...get().since, [conversationId]: Date.now() } });
  },
  stop: (conversationId) => {
    clearTimeout(timers.get(conversationId));
    timers.delete(conversationId);
    if (!(conversationId in get().since)) return;
    const { [conversationId]: _gone, ...rest } = get().since;
    set({ since: rest });
  },
}));

export function useIsReplying(conversationId: string): boolean {
  return useReplyingStore((s) => conversationId in s.since);
}
