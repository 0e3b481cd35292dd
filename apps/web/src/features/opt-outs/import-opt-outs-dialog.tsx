import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { FormError } from "../../components/form-error";
import { CsvDropzone, isCsvFile } from "../leads/csv-dropzone";
import { transferErrorMessage } from "../leads/http-transfer";
import type { TOptOutImportResult } from "./opt-outs-api";

export type TImportOptOutsDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Uploads the file; resolves with what was added and which rows were refused. */
  onImport: (file: File, onProgress: (fraction: number) => void) => Promise<TOptOutImportResult>;
  onImported?: (result: TOptOutImportResult) => void;
};

export function ImportOptOutsDialog(props: TImportOptOutsDialogProps) {
  if (!props.open) return null;
  return <ImportOptOutsForm {...props} />;
}

export function RejectedRows({ rejected }: { rejected: TOptOutImportResult["rejected"] }) {
  return (
    <div className="max-h-56 overflow-y-auto rounded-lg ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Rows that were not imported</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-500 uppercase">
              Row
            </th>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-500 uppercase">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rejected.map((r) => (
            <tr key={`${r.row}-${r.reason}`}>
              <td className="px-3 py-2 text-slate-700 tabular-nums">{r.row}</td>
              <td className="px-3 py-2 text-slate-700">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportOptOutsForm({ open, onClose, onImport, onImported }: TImportOptOutsDialogProps) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<TOptOutImportResult | null>(null);
  const pending = progress !== null;

  const choose = (next: File) => {
    setError(null);
    if (!isCsvFile(next)) {
      setError("Choose a .csv file.");
      return;
    }
    setFile(next);
  };

  const upload = () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    onImport(file, setProgress).then(
      (res) => {
        setProgress(null);
        setResult(res);
        onImported?.(res);
      },
      (err: unknown) => {
        setProgress(null);
        setError(transferErrorMessage(err));
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Import opt-outs"
      description={
        result
          ? undefined
          : "A CSV with a phone column (phone, mobile, number…). Every number in it stops receiving texts."
      }
      dismissible={!pending}
    >
      {result ? (
        <div className="space-y-4">
          <p className="flex items-start gap-2 text-sm text-slate-700" role="status">
            <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
            {result.added.toLocaleString()} {result.added === 1 ? "number" : "numbers"} added to the opt-out
            list.
          </p>
          {result.rejected.length > 0 ? (
            <div className="space-y-2">
              <p className="flex items-start gap-2 text-sm text-rose-700">
                <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                {result.rejected.length.toLocaleString()}{" "}
                {result.rejected.length === 1 ? "row was" : "rows were"} not imported:
              </p>
              <RejectedRows rejected={result.rejected} />
            </div>
          ) : null}
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-5">
          <CsvDropzone
            file={file}
            onFile={choose}
            disabled={pending}
            hint="One number per row, with a header row"
          />
          {progress !== null ? (
            <div
              role="progressbar"
              aria-label="Upload progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(progress * 100)}
              className="h-2 overflow-hidden rounded-full bg-slate-200"
            >
              <div
                className="h-full rounded-full bg-indigo-600 transition-[width]"
                style={{ width: `${Math.max(2, progress * 100)}%` }}
              />
            </div>
          ) : null}
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button onClick={upload} loading={pending} disabled={!file}>
              Import
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
