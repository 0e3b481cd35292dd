import { clsx } from "clsx";
import { UploadCloud } from "lucide-react";
import type { DragEvent } from "react";
import { useId, useState } from "react";

export function isCsvFile(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === "text/csv" || file.type === "application/vnd.ms-excel";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type TCsvDropzoneProps = {
  file: File | null;
  /** Called with the dropped or chosen file (any type; check it with `isCsvFile`). */
  onFile: (file: File) => void;
  disabled?: boolean;
  hint?: string;
  /** Extra text after the chosen file's size. */
  detail?: string | null;
};

/** A drop zone that is also a file input (click, Enter or Space opens the picker). */
export function CsvDropzone({
  file,
  onFile,
  disabled = false,
  hint = "One row per record, with a header row",
  detail,
}: TCsvDropzoneProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };
  return (
    <label
      htmlFor={inputId}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="csv-dropzone"
      className={clsx(
        "flex cursor-pointer flex-col items-center rounded-lg border-2 border-dashed px-4 py-7 text-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
        dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 hover:border-slate-400",
        disabled && "cursor-not-allowed opacity-60",
      )}
    >
      <UploadCloud aria-hidden="true" className="mb-2 size-8 text-slate-400" />
      {file ? (
        <>
          <span className="max-w-full truncate text-sm font-medium text-slate-900">{file.name}</span>
          <span className="mt-0.5 text-xs text-slate-500">
            {formatBytes(file.size)}
            {detail ? ` · ${detail}` : ""} · click to choose another
          </span>
        </>
      ) : (
        <>
          <span className="text-sm font-medium text-slate-900">
            Drop a CSV file here, or click to choose one
          </span>
          <span className="mt-0.5 text-xs text-slate-500">{hint}</span>
        </>
      )}
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file"
        className="sr-only"
        disabled={disabled}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
          // Choosing the same file again should still fire a change.
          e.target.value = "";
        }}
      />
    </label>
  );
}
