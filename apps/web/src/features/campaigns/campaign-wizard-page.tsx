import type { TCampaignSettings } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { Link, useNavigate } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ArrowLeft, BookOpen, Lock } from "lucide-react";
import type { ReactNode } from "react";
import { buttonClasses, focusRing } from "../../components/button";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { usePlaybooks } from "../playbooks/use-playbooks";
import { browserTimeZone } from "./campaign-format";
import { CampaignWizard } from "./campaign-wizard";
import { useCampaign, useCreateCampaign, useSendingNumbers, useUpdateCampaign } from "./use-campaigns";
import { campaignToWizardValues, defaultWizardValues } from "./wizard-steps";

function Header({ title, back }: { title: string; back: ReactNode }) {
  return (
    <div className="mb-6 space-y-2">
      {back}
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
    </div>
  );
}

const backClass = clsx(
  "inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-800",
  focusRing,
);

function WizardSkeleton() {
  return (
    <Card aria-busy="true" className="space-y-5 p-5">
      <span className="sr-only" role="status">
        Loading
      </span>
      <Skeleton className="h-6 w-80 max-w-full" />
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-10 w-full" />
    </Card>
  );
}

/** The campaign wizard with its data: creates a draft, or (with `campaignId`) edits a draft or paused campaign. */
export function CampaignWizardPage({ campaignId }: { campaignId?: string }) {
  const editing = campaignId !== undefined;
  const { user } = useSession();
  const navigate = useNavigate();
  const playbooks = usePlaybooks();
  const numbers = useSendingNumbers();
  const campaign = useCampaign(campaignId ?? null);
  const create = useCreateCampaign();
  const update = useUpdateCampaign();

  const back = editing ? (
    <Link to="/campaigns/$campaignId" params={{ campaignId }} className={backClass}>
      <ArrowLeft aria-hidden="true" className="size-4" />
      {campaign.data?.name ?? "Campaign"}
    </Link>
  ) : (
    <Link to="/campaigns" className={backClass}>
      <ArrowLeft aria-hidden="true" className="size-4" />
      Campaigns
    </Link>
  );
  const title = editing ? "Edit campaign" : "New campaign";

  if (!can(user.role, "campaigns.manage")) {
    return (
      <>
        <Header title={title} back={back} />
        <Card>
          <EmptyState
            icon={<Lock aria-hidden="true" className="size-8" />}
            title="Only managers can set up campaigns"
            description="Ask a manager, admin or owner to create or change campaigns."
          />
        </Card>
      </>
    );
  }

  const queries = editing ? [playbooks, numbers, campaign] : [playbooks, numbers];
  const failed = queries.find((q) => q.isError);
  let body: ReactNode;
  if (failed) {
    body = (
      <Card>
        <ErrorState
          title={editing ? "Couldn't load this campaign" : "Couldn't load playbooks and numbers"}
          message={getErrorMessage(failed.error)}
          onRetry={() => {
            for (const q of queries) if (q.isError) void q.refetch();
          }}
          retrying={queries.some((q) => q.isFetching)}
        />
      </Card>
    );
  } else if (!playbooks.data || !numbers.data || (editing && !campaign.data)) {
    body = <WizardSkeleton />;
  } else if (editing && campaign.data && !["draft", "paused"].includes(campaign.data.status)) {
    body = (
      <Card>
        <EmptyState
          icon={<Lock aria-hidden="true" className="size-8" />}
          title="This campaign can't be edited now"
          description="Only draft and paused campaigns can be changed. Pause it first."
        />
      </Card>
    );
  } else if (!editing && playbooks.data.length === 0) {
    body = (
      <Card>
        <EmptyState
          icon={<BookOpen aria-hidden="true" className="size-8" />}
          title="Create a playbook first"
          description="A campaign needs a playbook that tells the agent what to say."
          action={
            can(user.role, "playbooks.edit") ? (
              <Link to="/playbooks/$playbookId" params={{ playbookId: "new" }} className={buttonClasses()}>
                New playbook
              </Link>
            ) : undefined
          }
        />
      </Card>
    );
  } else {
    const existing = editing ? campaign.data : undefined;
    const initial = existing
      ? campaignToWizardValues(existing)
      : defaultWizardValues(
          browserTimeZone(),
          numbers.data.map((n) => n.e164),
        );
    const submit = (settings: TCampaignSettings) =>
      (existing
        ? update.mutateAsync({ campaignId: existing.id, settings }).then((c) => {
            toast.success("Campaign updated", `Now using ${c.playbookName} version ${c.playbookVersion}.`);
            void navigate({ to: "/campaigns/$campaignId", params: { campaignId: c.id } });
          })
        : create.mutateAsync(settings).then((c) => {
            toast.success("Campaign created as a draft", "Add leads, then launch it when you're ready.");
            void navigate({ to: "/campaigns/$campaignId", params: { campaignId: c.id } });
          })
      ).catch((error: unknown) => {
        toast.error("Couldn't save the campaign", getErrorMessage(error));
        throw error;
      });
    body = (
      <CampaignWizard
        mode={existing ? "edit" : "create"}
        initial={initial}
        pinnedVersion={existing?.playbookVersion}
        playbooks={playbooks.data}
        sendingNumbers={numbers.data}
        onSubmit={submit}
        onCancel={() =>
          existing
            ? void navigate({ to: "/campaigns/$campaignId", params: { campaignId: existing.id } })
            : void navigate({ to: "/campaigns" })
        }
      />
    );
  }

  return (
    <div className="max-w-3xl">
      <Header title={title} back={back} />
      {body}
    </div>
  );
}
