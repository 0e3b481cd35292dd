import type { TCampaign, TLeadImport } from "@plaibook/shared";
import { LEAD_CSV_COLUMNS } from "@plaibook/shared";
import { clsx } from "clsx";
import { FileSpreadsheet } from "lucide-react";
import { useCallback, useState } from "react";
import { Button, focusRing } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { FormError } from "../../components/form-error";
import { SelectField } from "../../components/select";
import { toast } from "../../components/toast";
import { useOrgEvent } from "../../lib/socket";
import { CsvDropzone, isCsvFile } from "./csv-dropzone";
import { transferErrorMessage } from "./http-transfer";
import { downloadRejectedRows, uploadLeadsCsv } from "./import-api";
import { LiveImportProgress } from "./import-progress";

const COLUMN_LABELS: Record<keyof typeof LEAD_CSV_COLUMNS, string> = {
  phone: "Phone (required)",
  firstName: "First name",
  lastName: "Last name",
  name: "Full name",
  email: "Email",
  company: "Company",
  city: "City",
  timeZone: "Time zone",
};

function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Counts data rows (lines after the header) so the progress bar can show a fraction. */
export async function estimateCsvRows(file: File): Promise<number | null> {
  if (file.size > 64 * 1024 * 1024) return null;
  const text = await readText(file);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  if (text.length > 0 && !text.endsWith("\n")) lines++;
  return Math.max(0, lines - 1);
}

export function AcceptedColumns() {
  return (
    <details className="rounded-lg bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200">
      <summary className={clsx("cursor-pointer rounded font-medium text-slate-700", focusRing)}>
        Which columns can the file have?
      </summary>
      <p className="mt-2 text-slate-600">
        The first row must be a header. Headers are matched ignoring case, spaces and punctuation; other
        columns are ignored. A lead whose phone is already on file is merged (updated), not duplicated.
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {(Object.keys(LEAD_CSV_COLUMNS) as Array<keyof typeof LEAD_CSV_COLUMNS>).map((key) => (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-700">{COLUMN_LABELS[key]}</dt>
            <dd className="text-slate-500">{LEAD_CSV_COLUMNS[key].join(", ")}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Without a time zone column, each lead's zone comes from its phone's area code.
      </p>
    </details>
  );
}

type TStage =
  | { kind: "pick" }
  | { kind: "uploading"; fraction: number; abort: AbortController }
  | { kind: "processing"; job: TLeadImport; running: boolean };

export type TImportLeadsDialogProps = {
  open: boolean;
  onClose: () => void;
  campaigns: ReadonlyArray<Pick<TCampaign, "id" | "name" | "status">>;
  defaultCampaignId?: string;
  /** A status poll for the running import (fallback for missed socket events). */
  usePolledStatus?: (importId: string | null, running: boolean) => TLeadImport | undefined;
  /** Called when an import finishes, to refresh lists. */
  onImported?: (job: TLeadImport) => void;
};

export function ImportLeadsDialog(props: TImportLeadsDialogProps) {
  if (!props.open) return null;
  return <ImportLeadsForm {...props} />;
}

function ImportLeadsForm({
  open,
  onClose,
  campaigns,
  defaultCampaignId = "",
  usePolledStatus = () => undefined,
  onImported,
}: TImportLeadsDialogProps) {
  const [file, setFile] = useState<File | null>(null);
  const [estimatedRows, setEstimatedRows] = useState<number | null>(null);
  const [campaignId, setCampaignId] = useState(defaultCampaignId);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<TStage>({ kind: "pick" });
  const [downloading, setDownloading] = useState(false);
  const [final, setFinal] = useState<TLeadImport | null>(null);

  const importId = stage.kind === "processing" ? stage.job.id : null;
  const running = stage.kind === "processing" && stage.running;
  const polled = usePolledStatus(importId, running);
  const usableCampaigns = campaigns.filter((c) => c.status !== "completed");

  const choose = (next: File) => {
    setError(null);
    if (!isCsvFile(next)) {
      setError("Choose a .csv file (export it from your spreadsheet as CSV).");
      return;
    }
    setFile(next);
    setEstimatedRows(null);
    estimateCsvRows(next).then(setEstimatedRows, () => setEstimatedRows(null));
  };

  // The server answers the upload only when the import has finished, so the first progress event for this
  // file is what tells us the import's id; from then on the dialog follows it live.
  const onProgressEvent = useCallback(
    (event: TLeadImport) =>
      setStage((prev) =>
        prev.kind === "uploading" && file && event.fileName === file.name && event.status === "running"
          ? { kind: "processing", job: event, running: true }
          : prev,
      ),
    [file],
  );
  useOrgEvent<TLeadImport>("import.progress", onProgressEvent);

  const upload = () => {
    if (!file) {
      setError("Choose a CSV file first.");
      return;
    }
    const abort = new AbortController();
    setError(null);
    setFinal(null);
    setStage({ kind: "uploading", fraction: 0, abort });
    uploadLeadsCsv(file, campaignId || null, {
      signal: abort.signal,
      onProgress: (fraction) =>
        setStage((prev) => (prev.kind === "uploading" ? { ...prev, fraction } : prev)),
    }).then(
      (job) => {
        setFinal(job);
        setStage((prev) =>
          prev.kind === "processing" && prev.job.id === job.id
            ? prev
            : { kind: "processing", job, running: job.status === "running" },
        );
      },
      (err: unknown) => {
        if (abort.signal.aborted) {
          setStage({ kind: "pick" });
          return;
        }
        setError(transferErrorMessage(err));
        // Once the import has started, its own status (polled) tells how it ended.
        setStage((prev) => (prev.kind === "processing" ? prev : { kind: "pick" }));
      },
    );
  };

  const download = (job: TLeadImport) => {
    setDownloading(true);
    downloadRejectedRows(job)
      .catch((err: unknown) => toast.error("Couldn't download the rejected rows", transferErrorMessage(err)))
      .finally(() => setDownloading(false));
  };

  const startOver = () => {
    setFile(null);
    setEstimatedRows(null);
    setError(null);
    setFinal(null);
    setStage({ kind: "pick" });
  };

  const uploading = stage.kind === "uploading";

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Import leads from CSV"
      description={
        stage.kind === "processing"
          ? running
            ? "You can close this window; the import keeps running and shows up under Recent imports."
            : undefined
          : "Upload a spreadsheet saved as CSV. We check every row and tell you which ones we couldn't use."
      }
      dismissible={!uploading}
    >
      {stage.kind === "processing" ? (
        <div className="space-y-5">
          <p className="flex items-center gap-2 truncate text-sm text-slate-600">
            <FileSpreadsheet aria-hidden="true" className="size-4 shrink-0 text-slate-400" />
            {stage.job.fileName}
          </p>
          <LiveImportProgress
            initial={stage.job}
            polled={final ?? polled}
            estimatedRows={estimatedRows}
            downloading={downloading}
            onDownloadRejected={download}
            onFinished={(job) => {
              setStage((prev) => (prev.kind === "processing" ? { ...prev, running: false } : prev));
              onImported?.(job);
            }}
          />
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {!running ? (
              <Button variant="secondary" onClick={startOver}>
                Import another file
              </Button>
            ) : null}
            <Button onClick={onClose}>{running ? "Close" : "Done"}</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-5">
          <CsvDropzone
            file={file}
            onFile={choose}
            disabled={uploading}
            hint="One lead per row, with a header row"
            detail={estimatedRows !== null ? `about ${estimatedRows.toLocaleString()} rows` : null}
          />

          {usableCampaigns.length > 0 ? (
            <SelectField
              label="Add the leads to a campaign (optional)"
              value={campaignId}
              disabled={uploading}
              onChange={(e) => setCampaignId(e.target.value)}
              options={[
                { value: "", label: "No campaign" },
                ...usableCampaigns.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          ) : null}

          <AcceptedColumns />

          {stage.kind === "uploading" ? (
            <div>
              <div className="mb-1.5 flex justify-between text-sm">
                <span className="font-medium text-slate-700">
                  {stage.fraction >= 1 ? "Uploaded; starting the import…" : "Uploading…"}
                </span>
                <span className="text-xs text-slate-500 tabular-nums">
                  {Math.round(stage.fraction * 100)}%
                </span>
              </div>
              <div
                role="progressbar"
                aria-label="Upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(stage.fraction * 100)}
                className="h-2.5 overflow-hidden rounded-full bg-slate-200"
              >
                <div
                  className="h-full rounded-full bg-indigo-600 transition-[width]"
                  style={{ width: `${Math.max(2, stage.fraction * 100)}%` }}
                />
              </div>
            </div>
          ) : null}

          <FormError message={error} />

          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {stage.kind === "uploading" ? (
              <Button variant="secondary" onClick={() => stage.abort.abort()}>
                Cancel upload
              </Button>
            ) : (
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
            )}
            <Button onClick={upload} loading={uploading} disabled={!file}>
              Upload and import
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
