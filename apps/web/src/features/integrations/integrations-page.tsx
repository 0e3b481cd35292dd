import { can } from "@plaibook/shared";
import { Lock } from "lucide-react";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { PageHeader } from "../shell/app-shell";
import { FieldRoutesCard } from "./fieldroutes-card";
import { SlackCard } from "./slack-card";
import { useIntegrations } from "./use-integrations";

/** Settings → Integrations: the CRM the agent books into and where escalations are announced. */
export function IntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect your CRM for bookings and Slack for escalation alerts. Credentials are stored encrypted and never shown again."
      />
      <div className="max-w-3xl">
        <IntegrationsPanel />
      </div>
    </>
  );
}

export function IntegrationsPanel() {
  const { user } = useSession();
  const allowed = can(user.role, "org.settings");
  const list = useIntegrations(allowed);

  if (!allowed) {
    return (
      <Card>
        <EmptyState
          icon={<Lock aria-hidden="true" className="size-8" />}
          title="Only owners and admins manage integrations"
          description="Ask an admin to connect FieldRoutes or Slack."
        />
      </Card>
    );
  }
  if (list.isPending) {
    return (
      <div aria-busy="true" className="space-y-6">
        <span className="sr-only" role="status">
          Loading integrations
        </span>
        <Skeleton className="h-96 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }
  if (list.isError) {
    return (
      <Card>
        <ErrorState
          title="Couldn't load integrations"
          message={getErrorMessage(list.error)}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      </Card>
    );
  }
  const fieldroutes = list.data.find((i) => i.kind === "fieldroutes");
  const slack = list.data.find((i) => i.kind === "slack");
  return (
    <div className="space-y-6">
      {/* Keyed by the stored state: a save or removal elsewhere starts the form afresh. */}
      <FieldRoutesCard key={`fieldroutes-${fieldroutes?.updatedAt ?? "none"}`} view={fieldroutes} />
      <SlackCard key={`slack-${slack?.updatedAt ?? "none"}`} view={slack} />
    </div>
  );
}
