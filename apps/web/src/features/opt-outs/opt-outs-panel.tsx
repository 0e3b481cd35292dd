import type { TOptOut } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { Ban, Download, Plus, SearchX, Upload } from "lucide-react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { transferErrorMessage } from "../leads/http-transfer";
import { formatPhone } from "../leads/lead-format";
import { SearchBox } from "../leads/leads-toolbar";
import { AddOptOutDialog } from "./add-opt-out-dialog";
import { ImportOptOutsDialog } from "./import-opt-outs-dialog";
import { exportOptOuts, importOptOuts } from "./opt-outs-api";
import { OptOutsTable, OptOutsTableSkeleton } from "./opt-outs-table";
import { useAddOptOut, useInvalidateOptOuts, useOptOuts, useRemoveOptOut } from "./use-opt-outs";

const PAGE_SIZE = 50;

/** Numbers that must never be texted: search, page, add, remove, export and import. */
export function OptOutsPanel() {
  const { user } = useSession();
  const canManage = can(user.role, "optouts.manage");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [addOpen, setAddOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [removeTarget, setRemoveTarget] = useState<TOptOut | null>(null);
  const [exporting, setExporting] = useState(false);

  const list = useOptOuts({ search, page, pageSize: PAGE_SIZE });
  const add = useAddOptOut();
  const remove = useRemoveOptOut();
  const invalidate = useInvalidateOptOuts();

  const doExport = () => {
    setExporting(true);
    exportOptOuts()
      .catch((err: unknown) => toast.error("Couldn't export the opt-outs", transferErrorMessage(err)))
      .finally(() => setExporting(false));
  };

  const body = (() => {
    if (list.isPending) return <OptOutsTableSkeleton />;
    if (list.isError) {
      return (
        <ErrorState
          title="Couldn't load opt-outs"
          message={getErrorMessage(list.error)}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      );
    }
    if (list.data.rows.length === 0 && search) {
      return (
        <EmptyState
          icon={<SearchX aria-hidden="true" className="size-8" />}
          title="No numbers match"
          description={`Nothing on the list matches “${search}”.`}
        />
      );
    }
    if (list.data.rows.length === 0 && list.data.total > 0) {
      return (
        <EmptyState
          title="This page is empty"
          action={
            <Button variant="secondary" onClick={() => setPage(1)}>
              Back to the first page
            </Button>
          }
        />
      );
    }
    if (list.data.rows.length === 0) {
      return (
        <EmptyState
          icon={<Ban aria-hidden="true" className="size-8" />}
          title="Nobody has opted out"
          description="When someone replies STOP (or asks not to be texted), their number lands here automatically."
        />
      );
    }
    return (
      <OptOutsTable
        rows={list.data.rows}
        total={list.data.total}
        page={page}
        pageSize={PAGE_SIZE}
        fetching={list.isPlaceholderData}
        onPageChange={setPage}
        onRemove={canManage ? setRemoveTarget : undefined}
      />
    );
  })();

  return (
    <>
      <Card>
        {/* Like CardHeader, but the three actions may wrap on a phone. */}
        <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0">
            <h2 className="text-base font-semibold text-slate-900">Opted-out numbers</h2>
            {list.data ? (
              <p className="mt-1 text-sm text-slate-500">
                {list.data.total.toLocaleString()} {list.data.total === 1 ? "number" : "numbers"}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={doExport}
              loading={exporting}
              icon={<Download aria-hidden="true" className="size-4" />}
            >
              Export CSV
            </Button>
            {canManage ? (
              <>
                <Button
                  variant="secondary"
                  onClick={() => setImportOpen(true)}
                  icon={<Upload aria-hidden="true" className="size-4" />}
                >
                  Import CSV
                </Button>
                <Button
                  onClick={() => setAddOpen(true)}
                  icon={<Plus aria-hidden="true" className="size-4" />}
                >
                  Add number
                </Button>
              </>
            ) : null}
          </div>
        </div>
        <div className="border-b border-slate-200 px-4 py-3">
          <SearchBox
            label="Search opt-outs"
            placeholder="Search by number"
            value={search}
            onSearch={(text) => {
              setSearch(text.slice(0, 40));
              setPage(1);
            }}
            className="sm:max-w-xs"
          />
        </div>
        {body}
      </Card>

      {canManage ? (
        <>
          <AddOptOutDialog
            open={addOpen}
            onClose={() => setAddOpen(false)}
            onAdd={(phone) => add.mutateAsync({ phone })}
            onAdded={(optOut) => toast.success(`${formatPhone(optOut.phone)} won't be texted again`)}
          />
          <ImportOptOutsDialog
            open={importOpen}
            onClose={() => setImportOpen(false)}
            onImport={(file, onProgress) => importOptOuts(file, onProgress)}
            onImported={() => void invalidate()}
          />
          <ConfirmDialog
            open={removeTarget !== null}
            title={`Remove ${removeTarget ? formatPhone(removeTarget.phone) : "this number"}?`}
            description="Campaigns will be able to text this number again. Only do this if the person asked to hear from you."
            confirmLabel="Remove"
            pending={remove.isPending}
            onCancel={() => setRemoveTarget(null)}
            onConfirm={() => {
              if (!removeTarget) return;
              const target = removeTarget;
              remove.mutate(
                { phone: target.phone },
                {
                  onSuccess: () => toast.success(`${formatPhone(target.phone)} was removed`),
                  onError: (error) => toast.error("Couldn't remove the number", getErrorMessage(error)),
                  onSettled: () => setRemoveTarget(null),
                },
              );
            }}
          />
        </>
      ) : null}
    </>
  );
}
