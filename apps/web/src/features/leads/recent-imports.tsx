import type { TLeadImport } from "@plaibook/shared";
import { Download, FileSpreadsheet } from "lucide-react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { formatDateTime, formatRelative } from "../../lib/format";

const STATUS: Record<TLeadImport["status"], { label: string; tone: "accent" | "success" | "danger" }> = {
  running: { label: "Running", tone: "accent" },
  completed: { label: "Completed", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

export type TRecentImportsProps = {
  imports: ReadonlyArray<TLeadImport>;
  campaignNames?: Record<string, string>;
  onDownloadRejected: (job: TLeadImport) => void;
  downloadingId?: string | null;
};

export function RecentImports({
  imports,
  campaignNames = {},
  onDownloadRejected,
  downloadingId,
}: TRecentImportsProps) {
  return (
    <ul className="divide-y divide-slate-100">
      {imports.map((job) => (
        <li
          key={job.id}
          className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
        >
          <div className="flex min-w-0 items-start gap-3">
            <FileSpreadsheet aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-slate-400" />
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                <span className="truncate">{job.fileName}</span>
                <Badge tone={STATUS[job.status].tone}>{STATUS[job.status].label}</Badge>
              </p>
              <p className="mt-0.5 text-xs text-slate-500">
                <time dateTime={job.createdAt} title={formatDateTime(job.createdAt)}>
                  {formatRelative(job.createdAt)}
                </time>
                {job.campaignId && campaignNames[job.campaignId]
                  ? ` · into ${campaignNames[job.campaignId]}`
                  : ""}
                {" · "}
                {job.rowsRead.toLocaleString()} read, {job.imported.toLocaleString()} new,{" "}
                {job.merged.toLocaleString()} merged, {job.rejected.toLocaleString()} rejected
              </p>
              {job.status === "failed" && job.error ? (
                <p className="mt-0.5 text-xs text-rose-600">{job.error}</p>
              ) : null}
            </div>
          </div>
          {job.status !== "running" && job.rejected > 0 ? (
            <Button
              variant="secondary"
              size="sm"
              className="self-start sm:self-auto"
              loading={downloadingId === job.id}
              onClick={() => onDownloadRejected(job)}
              icon={<Download aria-hidden="true" className="size-4" />}
            >
              Download rejected rows ({job.rejected.toLocaleString()})
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
