import type { TCallStatus } from "@plaibook/shared";
import { clsx } from "clsx";
import { Badge } from "../../components/badge";
import { CALL_STATUS_LABELS, CALL_STATUS_TONES, isProcessing } from "./labels";

/** A thin bar for a 0–100 value; indeterminate (pulsing) when the value is null. */
export function ProgressBar({
  label,
  value,
  tone = "accent",
  valueText,
  className,
}: {
  label: string;
  value: number | null;
  tone?: "accent" | "success" | "danger" | "warning";
  valueText?: string;
  className?: string;
}) {
  const percent = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
      className={clsx("h-1.5 overflow-hidden rounded-full bg-slate-200", className)}
    >
      <div
        className={clsx(
          "h-full rounded-full transition-[width] duration-500",
          tone === "success"
            ? "bg-emerald-500"
            : tone === "danger"
              ? "bg-rose-500"
              : tone === "warning"
                ? "bg-amber-500"
                : "bg-indigo-600",
          percent === null && "w-1/3 animate-pulse",
        )}
        style={percent === null ? undefined : { width: `${Math.max(2, percent)}%` }}
      />
    </div>
  );
}

export function CallStatusBadge({ status }: { status: TCallStatus }) {
  return <Badge tone={CALL_STATUS_TONES[status]}>{CALL_STATUS_LABELS[status]}</Badge>;
}

/**
 * A call's place in the pipeline for a table cell: the status, a live bar while it is processed, and
 * the reason when it stopped short (failed, waiting for a transcript).
 */
export function CallStatusCell({
  status,
  progress,
  statusReason,
  label,
}: {
  status: TCallStatus;
  progress: number;
  statusReason: string | null;
  /** Names the progress bar for assistive tech, e.g. the call's start time. */
  label: string;
}) {
  const processing = isProcessing(status);
  return (
    <div className="min-w-36 space-y-1.5">
      <div className="flex items-center gap-2">
        <CallStatusBadge status={status} />
        {processing ? <span className="text-xs text-slate-500 tabular-nums">{progress}%</span> : null}
      </div>
      {processing ? (
        <ProgressBar
          label={`${label}: ${CALL_STATUS_LABELS[status]}`}
          value={progress}
          valueText={`${CALL_STATUS_LABELS[status]}, ${progress}%`}
          className="max-w-40"
        />
      ) : null}
      {statusReason && (status === "failed" || status === "needs_transcript") ? (
        <p
          className={clsx(
            "max-w-64 text-xs whitespace-normal",
            status === "failed" ? "text-rose-700" : "text-amber-800",
          )}
        >
          {statusReason}
        </p>
      ) : null}
    </div>
  );
}
