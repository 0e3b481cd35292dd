import { can } from "@plaibook/shared";
import type { ReactNode } from "react";
import { useState } from "react";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { LeadAppointments } from "./lead-appointments";
import { CampaignHistory } from "./lead-campaign-history";
import { LeadConversations } from "./lead-conversations";
import { LeadDetails } from "./lead-details";
import { LeadFormDialog } from "./lead-form-dialog";
import { leadName } from "./lead-format";
import { LeadHeader, OptedOutNote } from "./lead-header";
import { LeadTasks } from "./lead-tasks";
import { useLead, useLiveConversations, useUpdateLead } from "./use-leads";

// The panel's sections live in their own files; these stay importable from here as before.
export type { TLeadCampaign } from "./lead-campaign-history";
export { CampaignHistory } from "./lead-campaign-history";
export { LeadDetails } from "./lead-details";

export type TLeadDetailPanelProps = {
  leadId: string;
  renderCampaignLink: (campaignId: string, name: string) => ReactNode;
  /** A link that opens the conversation in the phone simulator (only offered to roles that may simulate). */
  renderSimulatorLink?: (conversationId: string) => ReactNode;
  /** Shown when the lead does not exist (a link back to the list). */
  backLink: ReactNode;
};

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

/** One lead: who they are, which campaigns they are in, every conversation, appointments and tasks. */
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

  return (
    <div className="space-y-6">
      <LeadHeader lead={lead} onEdit={canEdit ? () => setEditOpen(true) : undefined} />
      {lead.optedOut ? <OptedOutNote phone={lead.phone} /> : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <LeadConversations
            conversations={conversations}
            renderSimulatorLink={canSimulate ? renderSimulatorLink : undefined}
          />
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
          <LeadAppointments leadId={lead.id} timeZone={lead.timeZone} />
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
