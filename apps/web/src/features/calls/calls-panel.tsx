import { can } from "@plaibook/shared";
import { PhoneCall, SearchX, Upload } from "lucide-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import type { TCallsSearch } from "./calls-search";
import { clearedFilters, DEFAULT_CALL_PAGE_SIZE, hasFilters, toListQuery } from "./calls-search";
import { CallsTable, CallsTableSkeleton } from "./calls-table";
import { CallsToolbar } from "./calls-toolbar";
import { UploadPanel } from "./upload-panel";
import { useUploadStore } from "./upload-queue";
import { useCallReps, useCallsPage, useLiveCallProgress, useRetryCall } from "./use-calls";

export type TCallsPanelProps = {
  search: TCallsSearch;
  /** Patches the URL state (undefined removes a key). */
  onSearchChange: (patch: Partial<TCallsSearch>) => void;
  renderCallLink: (callId: string, label: ReactNode) => ReactNode;
};

/** The Calls page: upload (for the roles allowed), filters, and the server-paged list, kept live. */
export function CallsPanel({ search, onSearchChange, renderCallLink }: TCallsPanelProps) {
  const { user } = useSession();
  const canUpload = can(user.role, "calls.upload");
  useLiveCallProgress();

  const query = toListQuery(search);
  const calls = useCallsPage(query);
  const reps = useCallReps();
  const retry = useRetryCall();
  // Uploads started earlier (before opening a call) are still listed: show them.
  const [uploadOpen, setUploadOpen] = useState(() => useUploadStore.getState().items.length > 0);

  const openUpload = () => {
    setUploadOpen(true);
    requestAnimationFrame(() =>
      document.getElementById("upload-calls")?.scrollIntoView?.({ block: "nearest" }),
    );
  };

  const onRetry = canUpload
    ? (call: { id: string }) =>
        retry.mutate(
          { id: call.id },
          { onError: (error) => toast.error("Couldn't retry the call", getErrorMessage(error)) },
        )
    : undefined;

  const body = (() => {
    if (calls.isPending) return <CallsTableSkeleton />;
    if (calls.isError) {
      return (
        <ErrorState
          title="Couldn't load calls"
          message={getErrorMessage(calls.error)}
          onRetry={() => void calls.refetch()}
          retrying={calls.isFetching}
        />
      );
    }
    const { items, total } = calls.data;
    if (items.length === 0 && hasFilters(search)) {
      return (
        <EmptyState
          icon={<SearchX aria-hidden="true" className="size-8" />}
          title="No calls match"
          description="Try other filters, or clear them."
          action={
            <Button variant="secondary" onClick={() => onSearchChange(clearedFilters())}>
              Clear filters
            </Button>
          }
        />
      );
    }
    if (items.length === 0 && total > 0) {
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
    if (items.length === 0) {
      return (
        <EmptyState
          icon={<PhoneCall aria-hidden="true" className="size-8" />}
          title="No calls yet"
          description={
            canUpload
              ? "Upload call recordings: each is transcribed and analysed for stages, objections, outcome and coaching."
              : "Once your team uploads call recordings, they show up here with their analysis."
          }
          action={
            canUpload && !uploadOpen ? (
              <Button onClick={openUpload} icon={<Upload aria-hidden="true" className="size-4" />}>
                Upload recordings
              </Button>
            ) : null
          }
        />
      );
    }
    return (
      <CallsTable
        calls={items}
        total={total}
        page={search.page ?? 1}
        pageSize={search.pageSize ?? DEFAULT_CALL_PAGE_SIZE}
        fetching={calls.isPlaceholderData}
        onPageChange={(page) => onSearchChange({ page: page > 1 ? page : undefined })}
        onPageSizeChange={(pageSize) => onSearchChange({ pageSize, page: undefined })}
        renderCallLink={renderCallLink}
        onRetry={onRetry}
        retryingId={retry.isPending ? (retry.variables?.id ?? null) : null}
      />
    );
  })();

  return (
    <div className="space-y-6">
      {canUpload && uploadOpen ? (
        <Card id="upload-calls">
          <CardHeader
            title="Upload recordings"
            description="Each recording is converted, transcribed and analysed; you can follow it here."
          />
          <UploadPanel
            reps={reps.data ?? []}
            me={{ id: user.id, name: user.name }}
            renderCallLink={renderCallLink}
            onClose={() => setUploadOpen(false)}
          />
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title="All calls"
          description={
            calls.data
              ? `${calls.data.total.toLocaleString()} ${calls.data.total === 1 ? "call" : "calls"}`
              : undefined
          }
          actions={
            canUpload && !uploadOpen ? (
              <Button onClick={openUpload} icon={<Upload aria-hidden="true" className="size-4" />}>
                Upload recordings
              </Button>
            ) : null
          }
        />
        <CallsToolbar
          search={search}
          reps={reps.data ?? []}
          showRep={can(user.role, "calls.viewAll")}
          onChange={(patch) => onSearchChange({ ...patch, page: undefined })}
        />
        {body}
      </Card>
    </div>
  );
}
