import type { TCampaignStatus } from "@plaibook/shared";
import { CAMPAIGN_STATUSES, can } from "@plaibook/shared";
import { Link } from "@tanstack/react-router";
import { clsx } from "clsx";
import { Megaphone, Plus } from "lucide-react";
import { useState } from "react";
import { buttonClasses, focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { CAMPAIGN_STATUS_LABELS } from "./campaign-format";
import { CampaignList, CampaignListSkeleton } from "./campaign-list";
import { useCampaignListLiveUpdates, useCampaigns } from "./use-campaigns";

export function NewCampaignLink() {
  return (
    <Link to="/campaigns/new" className={buttonClasses("primary", "md")}>
      <Plus aria-hidden="true" className="size-4" />
      New campaign
    </Link>
  );
}

type TFilter = "all" | TCampaignStatus;

/** The campaigns card: list with a status filter for everyone, "New campaign" for managers and up. */
export function CampaignsPanel() {
  const { user } = useSession();
  const canManage = can(user.role, "campaigns.manage");
  const campaigns = useCampaigns();
  const [filter, setFilter] = useState<TFilter>("all");
  useCampaignListLiveUpdates();

  const body = (() => {
    if (campaigns.isPending) return <CampaignListSkeleton />;
    if (campaigns.isError) {
      return (
        <ErrorState
          title="Couldn't load campaigns"
          message={getErrorMessage(campaigns.error)}
          onRetry={() => void campaigns.refetch()}
          retrying={campaigns.isFetching}
        />
      );
    }
    if (campaigns.data.length === 0) {
      return (
        <EmptyState
          icon={<Megaphone aria-hidden="true" className="size-8" />}
          title="No campaigns yet"
          description={
            canManage
              ? "A campaign texts a list of leads with a playbook, during the hours you choose."
              : "A manager needs to set one up."
          }
          action={canManage ? <NewCampaignLink /> : undefined}
        />
      );
    }
    const counts = Object.fromEntries(
      CAMPAIGN_STATUSES.map((s) => [s, campaigns.data.filter((c) => c.status === s).length]),
    ) as Record<TCampaignStatus, number>;
    const shown = filter === "all" ? campaigns.data : campaigns.data.filter((c) => c.status === filter);
    const filters: TFilter[] = ["all", ...CAMPAIGN_STATUSES.filter((s) => counts[s] > 0)];
    return (
      <>
        <fieldset className="flex flex-wrap gap-1.5 border-b border-slate-200 px-4 py-3">
          <legend className="sr-only">Show campaigns</legend>
          {filters.map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
              className={clsx(
                "rounded-full px-3 py-1 text-sm font-medium",
                focusRing,
                filter === f ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {f === "all" ? "All" : CAMPAIGN_STATUS_LABELS[f]}{" "}
              <span className={filter === f ? "text-slate-300" : "text-slate-400"}>
                {f === "all" ? campaigns.data.length : counts[f]}
              </span>
            </button>
          ))}
        </fieldset>
        {shown.length === 0 ? (
          <EmptyState title="No campaigns with this status" />
        ) : (
          <CampaignList campaigns={shown} />
        )}
      </>
    );
  })();

  return (
    <Card>
      <CardHeader
        title="All campaigns"
        description="Counts update live while campaigns run."
        actions={canManage && campaigns.data?.length ? <NewCampaignLink /> : null}
      />
      {body}
    </Card>
  );
}
