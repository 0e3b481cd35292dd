import type { TConversation } from "@plaibook/shared";
import { clsx } from "clsx";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime, formatRelative, initials } from "../../lib/format";
import { formatPhone } from "../leads/lead-format";

export type TConversationListProps = {
  conversations: ReadonlyArray<TConversation>;
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
};

export function ConversationList({ conversations, selectedId, onSelect }: TConversationListProps) {
  return (
    <ul aria-label="Conversations" className="divide-y divide-slate-100">
      {conversations.map((c) => {
        const selected = c.id === selectedId;
        return (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onSelect(c.id)}
              aria-current={selected ? "true" : undefined}
              className={clsx(
                "flex w-full items-start gap-3 px-4 py-3 text-left transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600",
                selected ? "bg-indigo-50" : "hover:bg-slate-50",
              )}
            >
              <span
                aria-hidden="true"
                className={clsx(
                  "flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                  selected ? "bg-indigo-600 text-white" : "bg-slate-200 text-slate-600",
                )}
              >
                {initials(c.leadName || "?")}
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className="truncate text-sm font-medium text-slate-900">
                    {c.leadName || formatPhone(c.leadPhone)}
                  </span>
                  {c.lastMessageAt ? (
                    <time
                      dateTime={c.lastMessageAt}
                      title={formatDateTime(c.lastMessageAt)}
                      className="shrink-0 text-xs text-slate-500"
                    >
                      {formatRelative(c.lastMessageAt)}
                    </time>
                  ) : null}
                </span>
                <span className="block text-xs text-slate-500 tabular-nums">
                  {formatPhone(c.leadPhone)}
                  {c.campaignName ? ` · ${c.campaignName}` : ""}
                </span>
                <span
                  className={clsx(
                    "mt-0.5 block truncate text-sm",
                    c.status === "opted_out" ? "text-rose-600" : "text-slate-600",
                  )}
                >
                  {c.status === "opted_out" ? "Opted out · " : ""}
                  {c.lastMessagePreview ?? "No messages yet"}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ConversationListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        Loading conversations
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="flex items-start gap-3 px-4 py-3">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-3 w-3/4" />
          </div>
        </div>
      ))}
    </div>
  );
}
