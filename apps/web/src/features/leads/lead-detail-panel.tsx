import type { TConversation, TFunnelStage, TLead } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { clsx } from "clsx";
import { Ban, ChevronDown, MessagesSquare, Pencil, Plus } from "lucide-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { Badge } from "../../components/badge";
import { Button, focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { Spinner } from "../../components/spinner";
import { toast } from "../../components/toast";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { formatDate, formatDateTime, formatRelative } from "../../lib/format";
import { useSession } from "../auth/use-auth";
import { TaskDialog } from "../tasks/task-dialog";
import { TaskGroups, TaskListSkeleton } from "../tasks/task-list";
import { useNow } from "../tasks/use-now";
import { useCreateTask, useSetTaskDone, useTasks } from "../tasks/use-tasks";
import { useTeamMembers } from "../team/use-team";
import { LeadFormDialog } from "./lead-form-dialog";
import { formatPhone, leadName, STAGE_LABELS, STAGE_TONES, TIME_ZONE_SOURCE_LABELS } from "./lead-format";
import { MessageThread } from "./message-thread";
import { useConversation, useLead, useLiveConversations, useUpdateLead } from "./use-leads";

export type TLeadCampaign = {
  campaignId: string;
  name: string;
  stage: TFunnelStage;
  touchesPlanned: number;
  lastTouchAt: string | null;
};

export type TLeadDetailPanelProps = {
  leadId: string;
  renderCampaignLink: (campaignId: string, name: string) => ReactNode;
  /** A link that opens the conversation in the phone simulator (only offered to roles that may simulate). */
  renderSimulatorLink?: (conversationId: string) => ReactNode;
  /** Shown when the lead does not exist (a link back to the list). */
  backLink: ReactNode;
};

const CONVERSATION_STATUS: Record<
  TConversation["status"],
  { label: string; tone: "neutral" | "accent" | "danger" | "success" }
> = {
  open: { label: "Open", tone: "accent" },
  awaiting_reply: { label: "Awaiting reply", tone: "neutral" },
  closed: { label: "Closed", tone: "success" },
  opted_out: { label: "Opted out", tone: "danger" },
};

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2.5 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

export function LeadDetails({ lead }: { lead: TLead }) {
  return (
    <dl className="divide-y divide-slate-100 px-5 py-1">
      <Detail label="Phone">
        <a href={`tel:${lead.phone}`} className={clsx("rounded tabular-nums hover:underline", focusRing)}>
          {formatPhone(lead.phone)}
        </a>
      </Detail>
      <Detail label="Email">{lead.email ?? none}</Detail>
      <Detail label="Company">{lead.company ?? none}</Detail>
      <Detail label="City">{lead.city ?? none}</Detail>
      <Detail label="Time zone">
        {lead.timeZone}{" "}
        <span className="text-xs text-slate-500">({TIME_ZONE_SOURCE_LABELS[lead.timeZoneSource]})</span>
      </Detail>
      <Detail label="Added">
        <time dateTime={lead.createdAt} title={formatDateTime(lead.createdAt)}>
          {formatDate(lead.createdAt)}
        </time>
      </Detail>
      <Detail label="Updated">
        <time dateTime={lead.updatedAt} title={formatDateTime(lead.updatedAt)}>
          {formatRelative(lead.updatedAt)}
        </time>
      </Detail>
    </dl>
  );
}

export function CampaignHistory({
  campaigns,
  renderCampaignLink,
}: {
  campaigns: ReadonlyArray<TLeadCampaign>;
  renderCampaignLink: (campaignId: string, name: string) => ReactNode;
}) {
  if (campaigns.length === 0) {
    return <p className="px-5 py-6 text-sm text-slate-500">Not in any campaign yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Campaigns this lead is in</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Campaign", "Stage", "Touches", "Last touch"].map((h) => (
              <th
                key={h}
                scope="col"
                className="px-5 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {campaigns.map((c) => (
            <tr key={c.campaignId}>
              <td className="px-5 py-3 text-sm font-medium whitespace-nowrap">
                {renderCampaignLink(c.campaignId, c.name)}
              </td>
              <td className="px-5 py-3 text-sm">
                <Badge tone={STAGE_TONES[c.stage]}>{STAGE_LABELS[c.stage]}</Badge>
              </td>
              <td className="px-5 py-3 text-sm text-slate-700 tabular-nums">{c.touchesPlanned}</td>
              <td className="px-5 py-3 text-sm whitespace-nowrap text-slate-700">
                {c.lastTouchAt ? (
                  <time dateTime={c.lastTouchAt} title={formatDateTime(c.lastTouchAt)}>
                    {formatRelative(c.lastTouchAt)}
                  </time>
                ) : (
                  none
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ConversationThread({ conversationId }: { conversationId: string }) {
  const thread = useConversation(conversationId);
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
  if (thread.data.messages.length === 0)
    return <p className="py-4 text-sm text-slate-500">No messages yet.</p>;
  return (
    <MessageThread
      messages={thread.data.messages}
      perspective="business"
      label="Messages in this conversation"
    />
  );
}

function ConversationCard({
  conversation,
  defaultOpen,
  renderSimulatorLink,
}: {
  conversation: TConversation;
  defaultOpen: boolean;
  renderSimulatorLink?: ((conversationId: string) => ReactNode) | undefined;
}) {
  const [open, setOpen] = useState(defaultOpen);
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
        <div className="flex items-center gap-2">
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

function LeadTasks({ lead, canEdit }: { lead: TLead; canEdit: boolean }) {
  const { user } = useSession();
  const tasks = useTasks({ leadId: lead.id, includeDone: true });
  const members = useTeamMembers();
  const createTask = useCreateTask();
  const setDone = useSetTaskDone();
  const now = useNow();
  const [open, setOpen] = useState(false);

  return (
    <Card>
      <CardHeader
        title="Tasks"
        actions={
          canEdit ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setOpen(true)}
              icon={<Plus aria-hidden="true" className="size-4" />}
            >
              Add task
            </Button>
          ) : null
        }
      />
      {tasks.isPending ? (
        <TaskListSkeleton rows={2} />
      ) : tasks.isError ? (
        <ErrorState
          title="Couldn't load tasks"
          message={getErrorMessage(tasks.error)}
          onRetry={() => void tasks.refetch()}
          retrying={tasks.isFetching}
        />
      ) : tasks.data.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No tasks for this lead.</p>
      ) : (
        <TaskGroups
          tasks={tasks.data}
          now={now}
          canEdit={canEdit}
          showLead={false}
          busyTaskId={setDone.isPending ? (setDone.variables?.taskId ?? null) : null}
          onToggleDone={(task, done) =>
            setDone.mutate(
              { taskId: task.id, done },
              { onError: (error) => toast.error("Couldn't update the task", getErrorMessage(error)) },
            )
          }
        />
      )}
      {canEdit ? (
        <TaskDialog
          open={open}
          onClose={() => setOpen(false)}
          lead={{ id: lead.id, name: leadName(lead) }}
          assignees={members.data ?? []}
          defaultAssigneeId={user.id}
          onCreate={(input) => createTask.mutateAsync(input)}
          onCreated={() => toast.success("Task created")}
        />
      ) : null}
    </Card>
  );
}

function LeadDetailSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only" role="status">
        Loading lead
      </span>
      <div className="space-y-2">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-4 w-40" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Skeleton className="h-64 rounded-xl lg:col-span-2" />
        <Skeleton className="h-64 rounded-xl" />
      </div>
    </div>
  );
}

/** One lead: who they are, which campaigns they are in, every conversation, and their tasks. */
export function LeadDetailPanel({
  leadId,
  renderCampaignLink,
  renderSimulatorLink,
  backLink,
}: TLeadDetailPanelProps) {
  const { user } = useSession();
  const canEdit = can(user.role, "leads.edit");
  const canEditTasks = can(user.role, "tasks.edit");
  const canSimulate = can(user.role, "sandbox.simulate");
  const detail = useLead(leadId);
  const updateLead = useUpdateLead();
  const [editOpen, setEditOpen] = useState(false);
  useLiveConversations({ leadId });

  if (detail.isPending) return <LeadDetailSkeleton />;
  if (detail.isError) {
    if (getErrorCode(detail.error) === "NOT_FOUND") {
      return (
        <Card>
          <EmptyState
            title="Lead not found"
            description="It may have been removed, or the link is wrong."
            action={backLink}
          />
        </Card>
      );
    }
    return (
      <Card>
        <ErrorState
          title="Couldn't load this lead"
          message={getErrorMessage(detail.error)}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      </Card>
    );
  }

  const { lead, campaigns, conversations } = detail.data;
  const name = leadName(lead);

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
            <span className="truncate">{name}</span>
            {lead.optedOut ? <Badge tone="danger">Opted out</Badge> : null}
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            {formatPhone(lead.phone)}
            {lead.company ? ` · ${lead.company}` : ""}
            {lead.city ? ` · ${lead.city}` : ""}
          </p>
        </div>
        {canEdit ? (
          <Button
            variant="secondary"
            onClick={() => setEditOpen(true)}
            icon={<Pencil aria-hidden="true" className="size-4" />}
          >
            Edit
          </Button>
        ) : null}
      </div>

      {lead.optedOut ? (
        <div
          role="note"
          className="flex items-start gap-3 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          <Ban aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <p>
            <span className="font-semibold">This lead has opted out.</span> No campaign will text{" "}
            {formatPhone(lead.phone)} again unless they reply START. Their history stays here.
          </p>
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
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
                    renderSimulatorLink={canSimulate ? renderSimulatorLink : undefined}
                  />
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader title="Campaign history" />
            <CampaignHistory campaigns={campaigns} renderCampaignLink={renderCampaignLink} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Details" />
            <LeadDetails lead={lead} />
          </Card>
          <LeadTasks lead={lead} canEdit={canEditTasks} />
        </div>
      </div>

      {canEdit ? (
        <LeadFormDialog
          open={editOpen}
          onClose={() => setEditOpen(false)}
          lead={lead}
          onSubmit={(input) => updateLead.mutateAsync({ ...input, leadId: lead.id })}
          onSaved={(saved) => toast.success(`${leadName(saved)} was updated`)}
        />
      ) : null}
    </div>
  );
}
