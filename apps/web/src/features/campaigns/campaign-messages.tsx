import type { TMessage } from "@plaibook/shared";
import { clsx } from "clsx";
import { ArrowDownLeft, ArrowUpRight, MessageSquare } from "lucide-react";
import { Badge } from "../../components/badge";
import { EmptyState } from "../../components/empty-state";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime, formatRelative } from "../../lib/format";
import { MESSAGE_STATUS_LABELS, MESSAGE_STATUS_TONES } from "./campaign-format";

const KIND_LABELS: Record<TMessage["kind"], string> = {
  first_touch: "First message",
  follow_up: "Follow-up",
  reply: "Agent reply",
  compliance: "Compliance",
  manual: "Sent by a person",
};

/** The campaign's latest messages, newest first, with delivery status. */
export function CampaignMessages({ messages }: { messages: ReadonlyArray<TMessage> }) {
  if (messages.length === 0) {
    return (
      <EmptyState
        icon={<MessageSquare aria-hidden="true" className="size-8" />}
        title="No messages yet"
        description="Messages appear here as soon as the campaign starts sending."
      />
    );
  }
  return (
    <ul aria-label="Latest messages" className="divide-y divide-slate-100">
      {messages.map((m) => {
        const inbound = m.direction === "inbound";
        const at = m.sentAt ?? m.createdAt;
        return (
          <li key={m.id} className="flex gap-3 px-5 py-3">
            <span
              aria-hidden="true"
              className={clsx(
                "mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full",
                inbound ? "bg-emerald-50 text-emerald-600" : "bg-indigo-50 text-indigo-600",
              )}
            >
              {inbound ? <ArrowDownLeft className="size-4" /> : <ArrowUpRight className="size-4" />}
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="text-xs font-medium text-slate-700">
                  {inbound ? "From lead" : KIND_LABELS[m.kind]}
                </span>
                <Badge tone={MESSAGE_STATUS_TONES[m.status]}>{MESSAGE_STATUS_LABELS[m.status]}</Badge>
                {m.segments > 1 ? (
                  <span className="text-xs text-slate-500">{m.segments} segments</span>
                ) : null}
                <time dateTime={at} title={formatDateTime(at)} className="ml-auto text-xs text-slate-500">
                  {formatRelative(at)}
                </time>
              </div>
              <p className="mt-1 line-clamp-3 text-sm break-words whitespace-pre-wrap text-slate-800">
                {m.body}
              </p>
              {m.errorMessage ? <p className="mt-1 text-xs text-rose-600">{m.errorMessage}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function CampaignMessagesSkeleton() {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        Loading messages
      </span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex gap-3 px-5 py-3">
          <Skeleton className="size-7 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3 w-32" />
            <Skeleton className="h-4 w-full" />
          </div>
        </div>
      ))}
    </div>
  );
}
