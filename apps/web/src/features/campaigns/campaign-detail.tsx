import type { TCampaign } from "@plaibook/shared";
import { Link, useNavigate } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ArrowLeft, ArrowRight, Users } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Badge } from "../../components/badge";
import { buttonClasses, focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/use-auth";
import type { TCampaignAction } from "./campaign-actions";
import { ACTION_TARGET, CampaignActions } from "./campaign-actions";
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  formatBusinessHours,
  formatCount,
} from "./campaign-format";
import { CampaignMessages, CampaignMessagesSkeleton } from "./campaign-messages";
import { CampaignSettingsSummary } from "./campaign-settings-summary";
import { FunnelCounters, funnelRows } from "./funnel-counters";
import {
  useCampaign,
  useCampaignLiveUpdates,
  useCampaignMessages,
  useSendingNumbers,
  useTransitionCampaign,
} from "./use-campaigns";

/** Recharts is big: only the campaign page needs it, so it loads with the bars. */
const FunnelBars = lazy(() => import("./funnel-chart").then((m) => ({ default: m.FunnelBars })));

const SUCCESS: Record<Exclude<TCampaignAction, "edit">, (name: string) => string> = {
  launch: (n) => `${n} is live`,
  pause: (n) => `${n} is paused`,
  resume: (n) => `${n} is running again`,
  complete: (n) => `${n} is complete`,
};

function BackLink() {
  return (
    <Link
      to="/campaigns"
      className={clsx(
        "inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-800",
        focusRing,
      )}
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      Campaigns
    </Link>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only" role="status">
        Loading campaign
      </span>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-8 w-80 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="space-y-3 p-5">
          <Skeleton className="h-5 w-32" />
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </Card>
        <Card className="space-y-3 p-5">
          <Skeleton className="h-5 w-32" />
          <Skeleton className="h-40 w-full" />
        </Card>
      </div>
    </div>
  );
}

function LaunchDescription({ campaign }: { campaign: TCampaign }) {
  return (
    <>
      The agent starts texting {formatCount(campaign.leadCount)} {campaign.leadCount === 1 ? "lead" : "leads"}{" "}
      using {campaign.playbookName} version {campaign.playbookVersion}, only during{" "}
      {formatBusinessHours(campaign.businessHours)}.
    </>
  );
}

/** One campaign: status and actions, live funnel, settings and latest messages. */
export function CampaignDetail({ campaignId }: { campaignId: string }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const campaign = useCampaign(campaignId);
  const messages = useCampaignMessages(campaignId);
  const numbers = useSendingNumbers();
  const transition = useTransitionCampaign();
  const [confirm, setConfirm] = useState<"launch" | "complete" | null>(null);
  const [running, setRunning] = useState<TCampaignAction | null>(null);
  useCampaignLiveUpdates(campaignId);

  if (campaign.isPending) return <DetailSkeleton />;
  if (campaign.isError) {
    const notFound = getErrorCode(campaign.error) === "NOT_FOUND";
    return (
      <>
        <div className="mb-6">
          <BackLink />
        </div>
        <Card>
          <ErrorState
            title={notFound ? "Campaign not found" : "Couldn't load this campaign"}
            message={
              notFound ? "It may have been deleted, or the link is wrong." : getErrorMessage(campaign.error)
            }
            onRetry={notFound ? undefined : () => void campaign.refetch()}
            retrying={campaign.isFetching}
          />
        </Card>
      </>
    );
  }

  const c = campaign.data;
  const run = (action: Exclude<TCampaignAction, "edit">) => {
    setRunning(action);
    transition.mutate(
      { campaignId, to: ACTION_TARGET[action] },
      {
        onSuccess: (updated) => toast.success(SUCCESS[action](updated.name)),
        onError: (error) => toast.error(`Couldn't ${action} the campaign`, getErrorMessage(error)),
        onSettled: () => {
          setConfirm(null);
          setRunning(null);
        },
      },
    );
  };

  const onAction = (action: TCampaignAction) => {
    if (action === "edit") void navigate({ to: "/campaigns/$campaignId/edit", params: { campaignId } });
    else if (action === "launch" || action === "complete") setConfirm(action);
    else run(action);
  };

  return (
    <>
      <div className="mb-6 space-y-2">
        <BackLink />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{c.name}</h1>
              <Badge tone={CAMPAIGN_STATUS_TONES[c.status]}>{CAMPAIGN_STATUS_LABELS[c.status]}</Badge>
            </div>
            <p className="mt-1 text-sm text-slate-500">
              {formatCount(c.leadCount)} {c.leadCount === 1 ? "lead" : "leads"} · {c.playbookName} v
              {c.playbookVersion} ·{" "}
              {c.launchedAt
                ? `launched ${formatDateTime(c.launchedAt)}`
                : `created ${formatDateTime(c.createdAt)}`}
            </p>
          </div>
          <CampaignActions actorRole={user.role} status={c.status} onAction={onAction} pending={running} />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader
            title="Funnel"
            description="Where the campaign's leads stand now. Updates live."
            actions={
              <Link to="/leads" search={{ campaignId }} className={buttonClasses("secondary", "sm")}>
                <Users aria-hidden="true" className="size-4" />
                View leads
                <ArrowRight aria-hidden="true" className="size-4" />
              </Link>
            }
          />
          <div className="space-y-4 px-5 py-5">
            <Suspense fallback={<Skeleton className="h-72 w-full" />}>
              <FunnelBars funnel={c.funnel} leadCount={c.leadCount} />
            </Suspense>
            <FunnelCounters rows={funnelRows(c.funnel, c.leadCount)} />
          </div>
        </Card>

        <Card>
          <CardHeader title="Settings" />
          <CampaignSettingsSummary
            stacked
            settings={{ ...c, name: undefined }}
            numbers={numbers.data}
            playbook={
              <Link
                to="/playbooks/$playbookId"
                params={{ playbookId: c.playbookId }}
                className={clsx("font-medium text-indigo-700 hover:underline", focusRing)}
              >
                {c.playbookName} (version {c.playbookVersion})
              </Link>
            }
          />
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader
          title="Latest messages"
          description="The most recent texts in this campaign, newest first."
        />
        {messages.isPending ? (
          <CampaignMessagesSkeleton />
        ) : messages.isError ? (
          <ErrorState
            title="Couldn't load messages"
            message={getErrorMessage(messages.error)}
            onRetry={() => void messages.refetch()}
            retrying={messages.isFetching}
          />
        ) : (
          <CampaignMessages messages={messages.data} />
        )}
      </Card>

      {c.leadCount === 0 ? (
        <ConfirmDialog
          open={confirm === "launch"}
          title="Add leads first"
          description={`${c.name} has no leads yet, so there is no one to text. Add leads to it, then launch.`}
          confirmLabel="Go to leads"
          tone="primary"
          onCancel={() => setConfirm(null)}
          onConfirm={() => void navigate({ to: "/leads", search: { campaignId } })}
        />
      ) : (
        <ConfirmDialog
          open={confirm === "launch"}
          title={`Launch ${c.name}?`}
          description={<LaunchDescription campaign={c} />}
          confirmLabel="Launch"
          tone="primary"
          pending={transition.isPending}
          onCancel={() => setConfirm(null)}
          onConfirm={() => run("launch")}
        />
      )}
      <ConfirmDialog
        open={confirm === "complete"}
        title={`Complete ${c.name}?`}
        description="No more messages will be sent, and a completed campaign can't be restarted. Conversations stay open for your team."
        confirmLabel="Complete campaign"
        pending={transition.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => run("complete")}
      />
    </>
  );
}
