import type { TConversation } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { clsx } from "clsx";
import { ChevronDown, MessagesSquare } from "lucide-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Spinner } from "../../components/spinner";
import { getErrorMessage } from "../../lib/errors";
import { formatRelative } from "../../lib/format";
import { useSession } from "../auth/use-auth";
import { ControlBadge, ControlBar, ConversationInsight, EscalationBanner } from "./conversation-controls";
import { formatPhone } from "./lead-format";
import { MessageThread } from "./message-thread";
import { ConversationComposer, DraftActions, OverseerNote } from "./thread-annotations";
import { useConversationControl } from "./use-conversation-control";
import { useConversation } from "./use-leads";

type TRenderSimulatorLink = (conversationId: string) => ReactNode;

const CONVERSATION_STATUS: Record<
  TConversation["status"],
  { label: string; tone: "neutral" | "accent" | "danger" | "success" }
> = {
  open: { label: "Open", tone: "accent" },
  awaiting_reply: { label: "Awaiting reply", tone: "neutral" },
  closed: { label: "Closed", tone: "success" },
  opted_out: { label: "Opted out", tone: "danger" },
};

/**
 * One conversation, fetched when its card is first opened: the escalation, the Overseer's summary, who
 * has it, the thread (drafts with their actions, the Overseer's note per message), and the composer.
 */
function ConversationThread({ conversationId }: { conversationId: string }) {
  const { user } = useSession();
  const thread = useConversation(conversationId);
  const control = useConversationControl(conversationId);
  if (thread.isPending) {
    return (
      <div className="flex justify-center py-6 text-slate-400">
        <Spinner label="Loading messages" />
      </div>
    );
  }
  if (thread.isError) {
    return (
      <ErrorState
        title="Couldn't load the messages"
        message={getErrorMessage(thread.error)}
        onRetry={() => void thread.refetch()}
        retrying={thread.isFetching}
      />
    );
  }
  const { conversation, messages, analyses } = thread.data;
  const canControl = can(user.role, "conversations.control");
  const canSend = can(user.role, "messages.send") && conversation.status !== "opted_out";
  const analysisOf = new Map(analyses.flatMap((a) => (a.messageId ? [[a.messageId, a] as const] : [])));
  return (
    <div className="space-y-4">
      <EscalationBanner conversation={conversation} />
      <ConversationInsight conversation={conversation} />
      <ControlBar conversation={conversation} control={control} canControl={canControl} myUserId={user.id} />
      {messages.length === 0 ? (
        <p className="py-4 text-sm text-slate-500">No messages yet.</p>
      ) : (
        <MessageThread
          messages={messages}
          perspective="business"
          label="Messages in this conversation"
          showAuthors
          renderAfter={(message) => {
            const analysis = analysisOf.get(message.id);
            return (
              <>
                {message.status === "draft" && canControl ? (
                  <DraftActions message={message} control={control} />
                ) : null}
                {analysis ? (
                  <OverseerNote analysis={analysis} onRight={message.direction === "outbound"} />
                ) : null}
              </>
            );
          }}
        />
      )}
      {conversation.control === "human" && canSend ? (
        <ConversationComposer
          leadName={conversation.leadName}
          control={control}
          conversationId={conversation.id}
        />
      ) : null}
    </div>
  );
}

function ConversationCard({
  conversation,
  defaultOpen,
  renderSimulatorLink,
}: {
  conversation: TConversation;
  defaultOpen: boolean;
  renderSimulatorLink?: TRenderSimulatorLink | undefined;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const myUserId = useSession().user.id;
  const status = CONVERSATION_STATUS[conversation.status];
  const panelId = `conversation-${conversation.id}`;
  return (
    <li>
      <div className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          className={clsx("flex min-w-0 items-center gap-2 rounded text-left", focusRing)}
        >
          <ChevronDown
            aria-hidden="true"
            className={clsx("size-4 shrink-0 text-slate-400 transition-transform", !open && "-rotate-90")}
          />
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium text-slate-900">
              {conversation.campaignName ?? "Direct conversation"}
            </span>
            <span className="block text-xs text-slate-500">
              From {formatPhone(conversation.ourNumber)}
              {conversation.lastMessageAt
                ? ` · last message ${formatRelative(conversation.lastMessageAt)}`
                : ""}
            </span>
          </span>
        </button>
        <div className="flex flex-wrap items-center gap-2">
          {conversation.escalatedAt ? <Badge tone="danger">Escalated</Badge> : null}
          {conversation.pendingDrafts > 0 ? (
            <Badge tone="warning">
              {conversation.pendingDrafts === 1 ? "1 draft" : `${conversation.pendingDrafts} drafts`} to
              review
            </Badge>
          ) : null}
          <ControlBadge conversation={conversation} myUserId={myUserId} />
          <Badge tone={status.tone}>{status.label}</Badge>
          {renderSimulatorLink ? renderSimulatorLink(conversation.id) : null}
        </div>
      </div>
      {open ? (
        <div id={panelId} className="border-t border-slate-100 bg-white px-5 py-4">
          <ConversationThread conversationId={conversation.id} />
        </div>
      ) : null}
    </li>
  );
}

/** The Conversations card: every conversation with the lead, the newest one opened. */
export function LeadConversations({
  conversations,
  renderSimulatorLink,
}: {
  conversations: ReadonlyArray<TConversation>;
  /** Absent for roles that may not simulate. */
  renderSimulatorLink?: TRenderSimulatorLink | undefined;
}) {
  return (
    <Card>
      <CardHeader
        title="Conversations"
        description="Every text exchanged with this lead, newest conversation first."
      />
      {conversations.length === 0 ? (
        <EmptyState
          icon={<MessagesSquare aria-hidden="true" className="size-8" />}
          title="No conversations yet"
          description="When a campaign texts this lead, the thread appears here."
        />
      ) : (
        <ul className="divide-y divide-slate-200">
          {conversations.map((conversation, index) => (
            <ConversationCard
              key={conversation.id}
              conversation={conversation}
              defaultOpen={index === 0}
              renderSimulatorLink={renderSimulatorLink}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
