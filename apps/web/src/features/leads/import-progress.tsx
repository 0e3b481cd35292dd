import type { TLeadImport } from "@plaibook/shared";
import { AlertTriangle, CheckCircle2, Download } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "../../components/button";
import { useOrgEvent } from "../../lib/socket";

/** Progress reports can arrive out of order (socket and polling): keep the furthest along. */
export function mergeImport(current: TLeadImport, next: TLeadImport): TLeadImport {
  if (next.id !== current.id) return current;
  if (current.status !== "running") return current;
  if (next.status !== "running") return next;
  return next.rowsRead >= current.rowsRead ? next : current;
}

/** The import's latest state from `import.progress` events, plus whatever a status poll last returned. */
export function useLiveImport(initial: TLeadImport, polled?: TLeadImport) {
  const [job, setJob] = useState(initial);
  useEffect(() => {
    if (polled) setJob((prev) => mergeImport(prev, polled));
  }, [polled]);
  const onProgress = useCallback((event: TLeadImport) => setJob((prev) => mergeImport(prev, event)), []);
  useOrgEvent<TLeadImport>("import.progress", onProgress);
  return job;
}

function fmt(n: number): string {
  return n.toLocaleString();
}

function Stat({ label, value, tone = "text-slate-900" }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{fmt(value)}</dd>
    </div>
  );
}

export type TImportProgressProps = {
  job: TLeadImport;
  /** Rows counted in the file before upload; makes the bar a real fraction while the server works. */
  estimatedRows?: number | null;
  onDownloadRejected: (job: TLeadImport) => void;
  downloading?: boolean;
};

/** A progress bar and the four counters of one import; a summary once it has finished. */
export function ImportProgress({
  job,
  estimatedRows,
  onDownloadRejected,
  downloading = false,
}: TImportProgressProps) {
  const running = job.status === "running";
  const total = estimatedRows && estimatedRows > 0 ? estimatedRows : null;
  // Never show 100% before the server says it is done.
  const percent = running ? (total ? Math.min(99, Math.floor((job.rowsRead / total) * 100)) : null) : 100;

  return (
    <div className="space-y-4">
      <div>
        <div className="mb-1.5 flex items-baseline justify-between gap-3 text-sm">
          <p className="font-medium text-slate-700">
            {running
              ? `Importing… ${fmt(job.rowsRead)}${total ? ` of about ${fmt(total)}` : ""} rows read`
              : job.status === "completed"
                ? `Finished: ${fmt(job.rowsRead)} rows read`
                : "Import failed"}
          </p>
          {percent !== null ? <span className="text-xs text-slate-500 tabular-nums">{percent}%</span> : null}
        </div>
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={`${fmt(job.rowsRead)} rows read`}
          className="h-2.5 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full rounded-full transition-[width] duration-500 ${
              job.status === "failed"
                ? "bg-rose-500"
                : job.status === "completed"
                  ? "bg-emerald-500"
                  : "bg-indigo-600"
            } ${percent === null ? "w-1/3 animate-pulse" : ""}`}
            style={percent === null ? undefined : { width: `${Math.max(2, percent)}%` }}
          />
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Rows read" value={job.rowsRead} />
        <Stat label="New leads" value={job.imported} tone="text-emerald-700" />
        <Stat label="Merged" value={job.merged} tone="text-indigo-700" />
        <Stat
          label="Rejected"
          value={job.rejected}
          tone={job.rejected > 0 ? "text-rose-700" : "text-slate-900"}
        />
      </dl>

      {job.status === "completed" ? (
        <p className="flex items-start gap-2 text-sm text-slate-600" role="status">
          <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          {fmt(job.imported)} new {job.imported === 1 ? "lead" : "leads"} added and {fmt(job.merged)} existing{" "}
          {job.merged === 1 ? "lead" : "leads"} updated
          {job.rejected > 0
            ? `; ${fmt(job.rejected)} ${job.rejected === 1 ? "row was" : "rows were"} rejected.`
            : "."}
        </p>
      ) : null}
      {job.status === "failed" ? (
        <p className="flex items-start gap-2 text-sm text-rose-700" role="alert">
          <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {job.error ?? "The import stopped unexpectedly."} Rows read before it stopped were kept.
        </p>
      ) : null}

      {!running && job.rejected > 0 ? (
        <Button
          variant="secondary"
          onClick={() => onDownloadRejected(job)}
          loading={downloading}
          icon={<Download aria-hidden="true" className="size-4" />}
        >
          Download rejected rows ({fmt(job.rejected)})
        </Button>
      ) : null}
    </div>
  );
}

/** `ImportProgress` kept live by socket events; calls `onFinished` once when the import stops running. */
export function LiveImportProgress({
  initial,
  polled,
  onFinished,
  ...rest
}: Omit<TImportProgressProps, "job"> & {
  initial: TLeadImport;
  polled?: TLeadImport;
  onFinished?: (job: TLeadImport) => void;
}) {
  const job = useLiveImport(initial, polled);
  const reported = useRef(false);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  useEffect(() => {
    if (job.status !== "running" && !reported.current) {
      reported.current = true;
      onFinishedRef.current?.(job);
    }
  }, [job]);
  return <ImportProgress job={job} {...rest} />;
}
