import type { TEscalation } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { CheckCheck, ShieldCheck, Siren } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { getErrorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/use-auth";
import { useNow } from "../tasks/use-now";
import {
  formatWaiting,
  SOURCE_LABELS,
  useAcknowledgeEscalation,
  useOpenEscalations,
} from "./use-escalations";

function EscalationItem({
  escalation,
  now,
  canManage,
  renderOpenLink,
}: {
  escalation: TEscalation;
  now: number;
  canManage: boolean;
  renderOpenLink: (conversationId: string, leadName: string) => ReactNode;
}) {
  const acknowledge = useAcknowledgeEscalation();
  const acknowledged = escalation.acknowledgedAt !== null;
  return (
    <li className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold text-slate-900">{escalation.leadName}</span>
          <span className="text-sm text-slate-500">{escalation.campaignName ?? "Direct conversation"}</span>
          {acknowledged ? (
            <Badge tone="neutral" className="gap-1">
              <CheckCheck aria-hidden="true" className="size-3.5" />
              Acknowledged{escalation.acknowledgedByName ? ` by ${escalation.acknowledgedByName}` : ""}
            </Badge>
          ) : (
            <Badge tone="danger">New</Badge>
          )}
        </p>
        <p className="text-sm break-words text-slate-800">
          {escalation.reason.charAt(0).toUpperCase() + escalation.reason.slice(1)}
        </p>
        {escalation.lastMessagePreview ? (
          <p className="truncate text-sm text-slate-500">
            <span className="text-slate-400">Last message: </span>
            {escalation.lastMessagePreview}
          </p>
        ) : null}
        <p className="text-xs text-slate-500">
          {SOURCE_LABELS[escalation.source]} ·{" "}
          <time dateTime={escalation.raisedAt} title={formatDateTime(escalation.raisedAt)}>
            <span className="font-medium text-rose-700 tabular-nums">
              waiting {formatWaiting(escalation.raisedAt, now)}
            </span>
          </time>
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        {canManage && !acknowledged ? (
          <Button
            variant="secondary"
            size="sm"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ escalationId: escalation.id })}
          >
            Acknowledge
          </Button>
        ) : null}
        {renderOpenLink(escalation.conversationId, escalation.leadName)}
      </div>
    </li>
  );
}

/** The escalation queue: open ones, longest waiting first, with a live waiting time. */
export function EscalationsPanel({
  renderOpenLink,
}: {
  renderOpenLink: (conversationId: string, leadName: string) => ReactNode;
}) {
  const { user } = useSession();
  const escalations = useOpenEscalations();
  const now = useNow(1_000).getTime();
  const canManage = can(user.role, "escalations.manage");

  if (escalations.isPending) {
    return (
      <Card aria-busy="true" className="space-y-3 p-5">
        <span className="sr-only" role="status">
          Loading escalations
        </span>
        <Skeleton className="h-14 w-full" />
        <Skeleton className="h-14 w-full" />
      </Card>
    );
  }
  if (escalations.isError) {
    return (
      <Card>
        <ErrorState
          title="Couldn't load escalations"
          message={getErrorMessage(escalations.error)}
          onRetry={() => void escalations.refetch()}
          retrying={escalations.isFetching}
        />
      </Card>
    );
  }
  if (escalations.data.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<ShieldCheck aria-hidden="true" className="size-8" />}
          title="No open escalations"
          description="When the AI or the Overseer hands a conversation to a person, it waits here until someone takes it."
        />
      </Card>
    );
  }
  return (
    <Card>
      <h2 className="flex items-center gap-2 border-b border-slate-200 px-5 py-3 text-sm font-semibold text-slate-900">
        <Siren aria-hidden="true" className="size-4 text-rose-600" />
        {escalations.data.length} open, longest waiting first
      </h2>
      <ul aria-label="Open escalations" className="divide-y divide-slate-100">
        {escalations.data.map((escalation) => (
          <EscalationItem
            key={escalation.id}
            escalation={escalation}
            now={now}
            canManage={canManage}
            renderOpenLink={renderOpenLink}
          />
        ))}
      </ul>
    </Card>
  );
}
