import type { TConversation } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { clsx } from "clsx";
import { ArrowLeft, Bot, CircleCheck, RotateCcw } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "../../components/badge";
import { Button, focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { formatRelative } from "../../lib/format";
import { useSession } from "../auth/use-auth";
import {
  ControlBadge,
  ControlBar,
  ConversationInsight,
  EscalationBanner,
} from "../leads/conversation-controls";
import { LeadAppointments } from "../leads/lead-appointments";
import { LeadDetails } from "../leads/lead-details";
import { formatPhone } from "../leads/lead-format";
import { LeadTasks } from "../leads/lead-tasks";
import { MessageThread } from "../leads/message-thread";
import { ConversationComposer, DraftActions, OverseerNote } from "../leads/thread-annotations";
import type { TConversationControl } from "../leads/use-conversation-control";
import { useConversation, useLead } from "../leads/use-leads";
import { useTeamMembers } from "../team/use-team";
import { useActivityStore } from "./activity";
import { CrmCard } from "./crm-card";
import { ReplayView } from "./replay-view";
import { useIsReplying } from "./replying-store";
import { useCockpitActions } from "./use-cockpit-actions";

export type TPaneView = "live" | "replay";

const STATUS: Record<
  TConversation["status"],
  { label: string; tone: "neutral" | "accent" | "danger" | "success" }
> = {
  open: { label: "Open", tone: "accent" },
  awaiting_reply: { label: "Awaiting reply", tone: "neutral" },
  closed: { label: "Closed", tone: "neutral" },
  opted_out: { label: "Opted out", tone: "danger" },
};

function PaneSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4 p-5">
      <span className="sr-only" role="status">
        Loading the conversation
      </span>
      <Skeleton className="h-6 w-48" />
      <Skeleton className="h-4 w-64" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="ml-auto h-16 w-2/3" />
      <Skeleton className="h-16 w-2/3" />
    </div>
  );
}

/** Who the conversation is assigned to: a select for managers, a line for everyone else. */
function Assignee({
  conversationId,
  assignedTo,
  assignedToName,
}: {
  conversationId: string;
  assignedTo: string | null;
  assignedToName: string | null;
}) {
  const { user } = useSession();
  const canAssign = can(user.role, "conversations.assign");
  const members = useTeamMembers();
  const actions = useCockpitActions(conversationId);
  if (!canAssign) {
    return (
      <p className="text-xs text-slate-500">
        {assignedTo
          ? `Assigned to ${assignedTo === user.id ? "you" : (assignedToName ?? "a teammate")}`
          : "Unassigned"}
      </p>
    );
  }
  const active = (members.data ?? []).filter((m) => m.status === "active");
  const options = [
    { value: "", label: "Unassigned" },
    ...active.map((m) => ({ value: m.id, label: m.id === user.id ? `${m.name} (you)` : m.name })),
  ];
  // The current assignee stays selectable even before the team list has loaded.
  if (assignedTo && !options.some((o) => o.value === assignedTo))
    options.push({ value: assignedTo, label: assignedToName ?? "A teammate" });
  return (
    <SelectField
      label="Assigned to"
      hideLabel
      controlSize="sm"
      className="w-44"
      options={options}
      value={assignedTo ?? ""}
      disabled={actions.assign.isPending}
      onChange={(e) => actions.assign.mutate({ conversationId, userId: e.target.value || null })}
    />
  );
}

function ActivityLines({ conversationId }: { conversationId: string }) {
  const lines = useActivityStore((s) => s.byConversation[conversationId]);
  if (!lines || lines.length === 0) return null;
  return (
    <ul aria-label="Teammates' activity" className="space-y-1 text-xs text-slate-600">
      {lines.slice(-5).map((line) => (
        <li
          key={line.id}
          className="flex items-center gap-2 rounded bg-slate-50 px-2.5 py-1.5 ring-1 ring-slate-200"
        >
          <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-indigo-500" />
          <span className="min-w-0 flex-1">{line.text}</span>
          <time dateTime={line.at} className="shrink-0 text-slate-400">
            {formatRelative(line.at)}
          </time>
        </li>
      ))}
    </ul>
  );
}

function Tabs({ view, onViewChange }: { view: TPaneView; onViewChange: (view: TPaneView) => void }) {
  const tab = (value: TPaneView, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === value}
      onClick={() => onViewChange(value)}
      className={clsx(
        "rounded-md px-3 py-1 text-sm font-medium transition-colors",
        focusRing,
        view === value
          ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200"
          : "text-slate-600 hover:text-slate-900",
      )}
    >
      {label}
    </button>
  );
  return (
    <div
      role="tablist"
      aria-label="Conversation view"
      className="inline-flex gap-1 rounded-lg bg-slate-100 p-1"
    >
      {tab("live", "Live")}
      {tab("replay", "Replay")}
    </div>
  );
}

/** The lead's facts, appointments and tasks beside the thread. */
function LeadContext({ leadId, conversationId }: { leadId: string; conversationId: string }) {
  const { user } = useSession();
  const lead = useLead(leadId);
  if (lead.isPending) return <Skeleton className="h-40 w-full rounded-xl" />;
  if (lead.isError) return null;
  const data = lead.data.lead;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title="Lead" />
        <LeadDetails lead={data} />
      </Card>
      <CrmCard conversationId={conversationId} />
      <LeadAppointments leadId={data.id} timeZone={data.timeZone} />
      <LeadTasks lead={data} canEdit={can(user.role, "tasks.edit")} conversationId={conversationId} />
    </div>
  );
}

/**
 * One conversation in the Cockpit: who it is and who has it, Live (the thread with the Overseer's note on
 * each turn, drafts, the composer and every control) or Replay, and the lead's context beside it.
 */
export function ConversationPane({
  conversationId,
  control,
  view,
  onViewChange,
  onBack,
  leadLink,
}: {
  conversationId: string;
  /** Shared with the page, so the keyboard shortcuts and the buttons show the same progress. */
  control: TConversationControl;
  view: TPaneView;
  onViewChange: (view: TPaneView) => void;
  /** Back to the board on narrow screens. */
  onBack: () => void;
  leadLink?: ((leadId: string, name: string) => ReactNode) | undefined;
}) {
  const { user } = useSession();
  const thread = useConversation(conversationId);
  const actions = useCockpitActions(conversationId);
  const replying = useIsReplying(conversationId);

  const back = (
    <button
      type="button"
      onClick={onBack}
      className={clsx(
        "mb-3 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-900 lg:hidden",
        focusRing,
      )}
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      Back to the board
    </button>
  );

  if (thread.isPending) return <PaneSkeleton />;
  if (thread.isError) {
    return (
      <div className="p-5">
        {back}
        {getErrorCode(thread.error) === "NOT_FOUND" || getErrorCode(thread.error) === "FORBIDDEN" ? (
          <EmptyState
            title="Conversation not found"
            description="It may have been removed, or it is not one of yours."
          />
        ) : (
          <ErrorState
            title="Couldn't load the conversation"
            message={getErrorMessage(thread.error)}
            onRetry={() => void thread.refetch()}
            retrying={thread.isFetching}
          />
        )}
      </div>
    );
  }

  const { conversation, messages, analyses } = thread.data;
  const canControl = can(user.role, "conversations.control");
  const canSend = can(user.role, "messages.send") && conversation.status !== "opted_out";
  const closed = conversation.status === "closed";
  const status = STATUS[conversation.status];
  const analysisOf = new Map(analyses.flatMap((a) => (a.messageId ? [[a.messageId, a] as const] : [])));

  return (
    <section aria-label={`Conversation with ${conversation.leadName}`} className="p-4 sm:p-5">
      {back}
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 pb-4">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            <span className="truncate">
              {leadLink ? leadLink(conversation.leadId, conversation.leadName) : conversation.leadName}
            </span>
            <ControlBadge conversation={conversation} myUserId={user.id} />
            <Badge tone={status.tone}>{status.label}</Badge>
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">
            <a
              href={`tel:${conversation.leadPhone}`}
              className={clsx("rounded tabular-nums hover:underline", focusRing)}
            >
              {formatPhone(conversation.leadPhone)}
            </a>
            {" · "}
            {conversation.campaignName ?? "Direct conversation"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Assignee
            conversationId={conversation.id}
            assignedTo={conversation.assignedTo}
            assignedToName={conversation.assignedToName}
          />
          {canControl && conversation.status !== "opted_out" ? (
            closed ? (
              <Button
                variant="secondary"
                size="sm"
                loading={actions.reopen.isPending}
                icon={<RotateCcw aria-hidden="true" className="size-4" />}
                onClick={() => actions.reopen.mutate({ conversationId: conversation.id })}
              >
                Reopen
              </Button>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                loading={actions.close.isPending}
                icon={<CircleCheck aria-hidden="true" className="size-4" />}
                onClick={() => actions.close.mutate({ conversationId: conversation.id })}
              >
                Close conversation
              </Button>
            )
          ) : null}
        </div>
      </header>

      <div className="mt-4 flex items-center justify-between gap-3">
        <Tabs view={view} onViewChange={onViewChange} />
        {replying ? (
          <p role="status" className="inline-flex items-center gap-1.5 text-sm font-medium text-indigo-600">
            <Bot aria-hidden="true" className="size-4 animate-pulse" />
            AI is replying…
          </p>
        ) : null}
      </div>

      <div className="mt-4 grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          {view === "replay" ? (
            <ReplayView key={conversation.id} conversationId={conversation.id} />
          ) : (
            <>
              <EscalationBanner conversation={conversation} />
              <ActivityLines conversationId={conversation.id} />
              <ControlBar
                conversation={conversation}
                control={control}
                canControl={canControl}
                myUserId={user.id}
              />
              <ConversationInsight conversation={conversation} />
              {messages.length === 0 ? (
                <p className="py-4 text-sm text-slate-500">No messages yet.</p>
              ) : (
                <MessageThread
                  messages={messages}
                  perspective="business"
                  label="Thread"
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
              {conversation.control === "human" && canSend && !closed ? (
                <ConversationComposer
                  label="Message"
                  leadName={conversation.leadName}
                  control={control}
                  conversationId={conversation.id}
                />
              ) : null}
            </>
          )}
        </div>
        <aside aria-label="Lead context" className="min-w-0">
          <LeadContext leadId={conversation.leadId} conversationId={conversation.id} />
        </aside>
      </div>
    </section>
  );
}
