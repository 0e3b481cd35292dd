import type { TLead, TLeadImport } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Contact, SearchX, Upload, UserPlus } from "lucide-react";
import type { ReactNode } from "react";
import { useCallback, useMemo, useState } from "react";
import { Button } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../auth/use-auth";
import { transferErrorMessage } from "./http-transfer";
import { downloadRejectedRows } from "./import-api";
import { ImportLeadsDialog } from "./import-leads-dialog";
import { LeadFormDialog } from "./lead-form-dialog";
import { leadName } from "./lead-format";
import type { TLeadsSearch } from "./leads-search";
import { nextSort, toListInput } from "./leads-search";
import { LeadsTable, LeadsTableSkeleton } from "./leads-table";
import { LeadsToolbar } from "./leads-toolbar";
import { RecentImports } from "./recent-imports";
import {
  useCampaignOptions,
  useCreateLead,
  useImportStatus,
  useInvalidateLeads,
  useLeadImports,
  useLeadsPage,
} from "./use-leads";

export type TLeadsPanelProps = {
  search: TLeadsSearch;
  /** Patches the URL state (undefined removes a key). */
  onSearchChange: (patch: Partial<TLeadsSearch>) => void;
  onOpenLead: (leadId: string) => void;
  renderLeadLink?: (lead: TLead, label: string) => ReactNode;
};

function usePolledImportStatus(importId: string | null, running: boolean) {
  return useImportStatus(importId, running).data;
}

function hasFilters(search: TLeadsSearch): boolean {
  return Boolean(search.search || search.campaignId || search.optedOut || search.timeZone);
}

/** The leads page: table, filters, add and import (for the roles allowed), and recent imports. */
export function LeadsPanel({ search, onSearchChange, onOpenLead, renderLeadLink }: TLeadsPanelProps) {
  const { user } = useSession();
  const canEdit = can(user.role, "leads.edit");
  const canImport = can(user.role, "leads.import");
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const input = toListInput(search);
  const leads = useLeadsPage(input);
  const campaigns = useCampaignOptions();
  const imports = useLeadImports(5);
  const createLead = useCreateLead();
  const invalidateLeads = useInvalidateLeads();

  const [addOpen, setAddOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [downloadingId, setDownloadingId] = useState<string | null>(null);

  const campaignList = campaigns.data ?? [];
  const campaignNames = useMemo(
    () => Object.fromEntries((campaigns.data ?? []).map((c) => [c.id, c.name])),
    [campaigns.data],
  );

  // Any import in the org (this tab's or a colleague's) keeps the lists current.
  const onImportProgress = useCallback(
    (event: TLeadImport) => {
      void queryClient.invalidateQueries({ queryKey: trpc.leads.imports.queryKey() });
      if (event.status !== "running") void invalidateLeads();
    },
    [queryClient, trpc, invalidateLeads],
  );
  useOrgEvent<TLeadImport>("import.progress", onImportProgress);

  const download = (job: TLeadImport) => {
    setDownloadingId(job.id);
    downloadRejectedRows(job)
      .catch((err: unknown) => toast.error("Couldn't download the rejected rows", transferErrorMessage(err)))
      .finally(() => setDownloadingId(null));
  };

  const body = (() => {
    if (leads.isPending) return <LeadsTableSkeleton />;
    if (leads.isError) {
      return (
        <ErrorState
          title="Couldn't load leads"
          message={getErrorMessage(leads.error)}
          onRetry={() => void leads.refetch()}
          retrying={leads.isFetching}
        />
      );
    }
    const { rows, total } = leads.data;
    if (rows.length === 0 && hasFilters(search)) {
      return (
        <EmptyState
          icon={<SearchX aria-hidden="true" className="size-8" />}
          title="No leads match"
          description="Try another search, or clear the filters."
          action={
            <Button
              variant="secondary"
              onClick={() =>
                onSearchChange({
                  search: undefined,
                  campaignId: undefined,
                  optedOut: undefined,
                  timeZone: undefined,
                })
              }
            >
              Clear filters
            </Button>
          }
        />
      );
    }
    if (rows.length === 0 && total > 0) {
      return (
        <EmptyState
          title="This page is empty"
          action={
            <Button variant="secondary" onClick={() => onSearchChange({ page: undefined })}>
              Back to the first page
            </Button>
          }
        />
      );
    }
    if (rows.length === 0) {
      return (
        <EmptyState
          icon={<Contact aria-hidden="true" className="size-8" />}
          title="No leads yet"
          description={
            canImport
              ? "Import a CSV from your CRM or spreadsheet, or add leads one by one."
              : canEdit
                ? "Add leads one by one, or ask a manager to import a list."
                : "A manager can import your lead list."
          }
          action={
            canImport ? (
              <Button
                onClick={() => setImportOpen(true)}
                icon={<Upload aria-hidden="true" className="size-4" />}
              >
                Import CSV
              </Button>
            ) : null
          }
        />
      );
    }
    return (
      <LeadsTable
        rows={rows}
        total={total}
        page={input.page ?? 1}
        pageSize={input.pageSize ?? 50}
        sort={input.sort ?? "createdAt"}
        direction={input.direction ?? "desc"}
        fetching={leads.isPlaceholderData}
        onSort={(column) => onSearchChange({ ...nextSort(search, column), page: undefined })}
        onPageChange={(page) => onSearchChange({ page: page > 1 ? page : undefined })}
        onPageSizeChange={(pageSize) => onSearchChange({ pageSize, page: undefined })}
        onOpenLead={onOpenLead}
        renderLeadLink={renderLeadLink}
      />
    );
  })();

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="All leads"
          description={
            leads.data
              ? `${leads.data.total.toLocaleString()} ${leads.data.total === 1 ? "lead" : "leads"}`
              : undefined
          }
          actions={
            <>
              {canImport ? (
                <Button
                  variant="secondary"
                  onClick={() => setImportOpen(true)}
                  icon={<Upload aria-hidden="true" className="size-4" />}
                >
                  Import CSV
                </Button>
              ) : null}
              {canEdit ? (
                <Button
                  onClick={() => setAddOpen(true)}
                  icon={<UserPlus aria-hidden="true" className="size-4" />}
                >
                  Add lead
                </Button>
              ) : null}
            </>
          }
        />
        <LeadsToolbar
          search={search}
          campaigns={campaignList}
          onChange={(patch) => onSearchChange({ ...patch, page: undefined })}
        />
        {body}
      </Card>

      {canImport && imports.data && imports.data.length > 0 ? (
        <Card>
          <CardHeader title="Recent imports" description="The latest CSV imports in your organisation." />
          <RecentImports
            imports={imports.data}
            campaignNames={campaignNames}
            onDownloadRejected={download}
            downloadingId={downloadingId}
          />
        </Card>
      ) : null}

      {canEdit ? (
        <LeadFormDialog
          open={addOpen}
          onClose={() => setAddOpen(false)}
          campaigns={campaignList}
          defaultCampaignId={search.campaignId}
          onSubmit={(values) => createLead.mutateAsync(values)}
          onSaved={(lead) => toast.success(`${leadName(lead)} was added`)}
        />
      ) : null}
      {canImport ? (
        <ImportLeadsDialog
          open={importOpen}
          onClose={() => setImportOpen(false)}
          campaigns={campaignList}
          defaultCampaignId={search.campaignId}
          usePolledStatus={usePolledImportStatus}
          onImported={() => void invalidateLeads()}
        />
      ) : null}
    </div>
  );
}
