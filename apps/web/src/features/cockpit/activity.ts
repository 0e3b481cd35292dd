import type { TControlEvent } from "@plaibook/shared";
import { create } from "zustand";

/** "Dana took over", "Sam handed back to the AI"… for a teammate's action on a conversation. */
export function describeControlEvent(event: TControlEvent, myUserId: string): string {
  const who = event.by.name;
  switch (event.action) {
    case "took_over":
      return `${who} took over`;
    case "handed_back":
      return `${who} handed back to the AI`;
    case "sent":
      return `${who} sent a message`;
    case "approved":
      return `${who} approved a draft`;
    case "rejected":
      return `${who} rejected a draft`;
    case "closed":
      return `${who} closed the conversation`;
    case "reopened":
      return `${who} reopened the conversation`;
    case "assigned":
      if (!event.assignee) return `${who} unassigned the conversation`;
      return event.assignee.userId === myUserId
        ? `${who} assigned the conversation to you`
        : `${who} assigned the conversation to ${event.assignee.name}`;
    case "task_added":
      return `${who} added a follow-up task`;
  }
}

export type TActivity = { id: number; conversationId: string; text: string; at: string };

type TActivityState = {
  byConversation: Record<string, TActivity[]>;
  add: (conversationId: string, text: string, at?: string) => void;
};

const KEEP = 20;
let nextId = 1;

/** Teammates' actions seen while the Cockpit is open, per conversation (newest last, the last 20). */
export const useActivityStore = create<TActivityState>()((set, get) => ({
  byConversation: {},
  add: (conversationId, text, at = new Date().toISOString()) => {
    const current = get().byConversation[conversationId] ?? [];
    set({
      byConversation: {
        ...get().byConversation,
        [conversationId]: [...current, { id: nextId++, conversationId, text, at }].slice(-KEEP),
      },
    });
  },
}));
