import type { TCallUploadMeta } from "@plaibook/shared";
import { CALL_AUDIO_EXTENSIONS, ZCallUploadMeta } from "@plaibook/shared";
import { clsx } from "clsx";
import { CheckCircle2, FileAudio, FileJson, RotateCw, UploadCloud, X } from "lucide-react";
import type { DragEvent, FormEvent, ReactNode } from "react";
import { useEffect, useId, useRef, useState } from "react";
import { Button, focusRing } from "../../components/button";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { issuesToFieldErrors } from "../../lib/form-errors";
import { useTRPCClient } from "../../lib/trpc";
import { formatBytes } from "../leads/csv-dropzone";
import { CallStatusBadge, ProgressBar } from "./call-status";
import { CALL_STATUS_LABELS, isProcessing } from "./labels";
import type { TUploadItem } from "./upload-queue";
import { hasPendingUploads, useUploadStore } from "./upload-queue";

const ACCEPT = [...CALL_AUDIO_EXTENSIONS.map((ext) => `.${ext}`), "audio/*"].join(",");

/** `YYYY-MM-DDTHH:mm` in the browser's zone, for a datetime-local input. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

type TFormValues = {
  direction: "inbound" | "outbound";
  startedAt: string;
  repUserId: string;
  leadPhone: string;
};

/** The form's values as the upload's fields, or the problems per field (the server's own schema). */
export function parseUploadForm(
  values: TFormValues,
): { ok: true; meta: TCallUploadMeta } | { ok: false; errors: Record<string, string> } {
  const started = values.startedAt ? new Date(values.startedAt) : null;
  if (!started || Number.isNaN(started.getTime())) {
    return { ok: false, errors: { startedAt: "Give the day and time the call started." } };
  }
  const parsed = ZCallUploadMeta.safeParse({
    direction: values.direction,
    startedAt: started.toISOString(),
    repUserId: values.repUserId || undefined,
    leadPhone: values.leadPhone.replace(/[\s()-]/g, "") || undefined,
  });
  if (parsed.success) return { ok: true, meta: parsed.data };
  const errors = issuesToFieldErrors(parsed.error.issues);
  if (errors.leadPhone) errors.leadPhone = "Use the international form, e.g. +12025550142.";
  return { ok: false, errors };
}

function phaseText(item: TUploadItem): string {
  switch (item.phase) {
    case "staged":
      return "Ready to upload";
    case "refused":
      return "Can't upload";
    case "queued":
      return "Waiting for a free slot…";
    case "uploading":
      return `Uploading… ${Math.floor(item.sent * 100)}%`;
    case "error":
      return "Upload failed";
    case "processing":
    case "finished":
      return item.call ? CALL_STATUS_LABELS[item.call.status] : "Uploaded";
  }
}

function UploadRow({
  item,
  renderCallLink,
}: {
  item: TUploadItem;
  renderCallLink: (callId: string, label: ReactNode) => ReactNode;
}) {
  const { remove, retry, attachTranscript } = useUploadStore.getState();
  const transcriptInput = useId();
  const call = item.call;
  const name = item.file.name;
  const bar = (() => {
    if (item.phase === "uploading" || item.phase === "queued") {
      return (
        <ProgressBar
          label={`Upload of ${name}`}
          value={item.phase === "queued" ? 0 : item.sent * 100}
          valueText={phaseText(item)}
        />
      );
    }
    if (call && (item.phase === "processing" || item.phase === "finished")) {
      return (
        <ProgressBar
          label={`Processing of ${name}`}
          value={call.status === "analyzed" ? 100 : call.progress}
          tone={
            call.status === "analyzed"
              ? "success"
              : call.status === "failed"
                ? "danger"
                : call.status === "needs_transcript"
                  ? "warning"
                  : "accent"
          }
          valueText={`${CALL_STATUS_LABELS[call.status]}, ${call.progress}%`}
        />
      );
    }
    return null;
  })();
  return (
    <li className="px-4 py-3" data-testid="upload-row">
      <div className="flex items-start gap-3">
        <FileAudio aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-slate-400" />
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <p className="min-w-0 truncate text-sm font-medium text-slate-900" title={name}>
              {name} <span className="font-normal text-slate-500">· {formatBytes(item.file.size)}</span>
            </p>
            <p className="flex items-center gap-2 text-xs text-slate-600" aria-live="polite">
              {call ? <CallStatusBadge status={call.status} /> : <span>{phaseText(item)}</span>}
              {call && isProcessing(call.status) ? (
                <span className="tabular-nums">{call.progress}%</span>
              ) : null}
            </p>
          </div>
          {bar}
          {item.error ? (
            <p role="alert" className="text-sm text-rose-700">
              {item.error}
            </p>
          ) : null}
          {call?.statusReason && (call.status === "failed" || call.status === "needs_transcript") ? (
            <p className={clsx("text-sm", call.status === "failed" ? "text-rose-700" : "text-amber-800")}>
              {call.statusReason}
            </p>
          ) : null}
          {item.phase === "staged" ? (
            <details className="text-sm">
              <summary
                className={clsx("cursor-pointer rounded text-xs font-medium text-slate-600", focusRing)}
              >
                Advanced: attach a transcript
              </summary>
              <div className="mt-2 space-y-1">
                <p className="text-xs text-slate-500">
                  A JSON file like {"{"}"segments": [{"{"}"speaker": "rep", "start": 0, "end": 4.2, "text":
                  "Hi…"{"}"}]{"}"}. Speech-to-text is then skipped.
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  <label
                    htmlFor={transcriptInput}
                    className={clsx(
                      "inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
                    )}
                  >
                    <FileJson aria-hidden="true" className="size-4" />
                    {item.transcript ? "Choose another transcript" : "Choose transcript"}
                    <input
                      id={transcriptInput}
                      type="file"
                      accept=".json,application/json"
                      aria-label={`Transcript for ${name}`}
                      className="sr-only"
                      onChange={(e) => {
                        const file = e.target.files?.[0] ?? null;
                        void attachTranscript(item.key, file);
                        e.target.value = "";
                      }}
                    />
                  </label>
                  {item.transcript ? (
                    <span className="flex items-center gap-1 text-xs text-emerald-700">
                      <CheckCircle2 aria-hidden="true" className="size-3.5" />
                      {item.transcript.fileName} ({item.transcript.data.segments.length} segments)
                      <button
                        type="button"
                        className={clsx("rounded p-0.5 text-slate-400 hover:text-slate-600", focusRing)}
                        aria-label={`Remove the transcript from ${name}`}
                        onClick={() => void attachTranscript(item.key, null)}
                      >
                        <X aria-hidden="true" className="size-3.5" />
                      </button>
                    </span>
                  ) : null}
                </div>
                {item.transcriptError ? (
                  <p role="alert" className="text-xs font-medium text-rose-600">
                    {item.transcriptError}
                  </p>
                ) : null}
              </div>
            </details>
          ) : item.transcript ? (
            <p className="text-xs text-slate-500">With transcript {item.transcript.fileName}</p>
          ) : null}
          {call ? <p className="text-sm">{renderCallLink(call.id, "Open call")}</p> : null}
        </div>
        <div className="flex shrink-0 items-center gap-1">
          {item.phase === "error" ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => retry(item.key)}
              icon={<RotateCw aria-hidden="true" className="size-3.5" />}
              aria-label={`Try uploading ${name} again`}
            >
              Retry
            </Button>
          ) : null}
          {item.phase !== "processing" ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => remove(item.key)}
              aria-label={
                item.phase === "uploading" || item.phase === "queued" ? `Cancel ${name}` : `Remove ${name}`
              }
              icon={<X aria-hidden="true" className="size-4" />}
            />
          ) : null}
        </div>
      </div>
    </li>
  );
}

function Dropzone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    onFiles([...event.dataTransfer.files]);
  };
  return (
    <label
      htmlFor={inputId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="recording-dropzone"
      className={clsx(
        "flex cursor-pointer flex-col items-center rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
        dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 hover:border-slate-400",
      )}
    >
      <UploadCloud aria-hidden="true" className="mb-2 size-8 text-slate-400" />
      <span className="text-sm font-medium text-slate-900">Drop recordings here, or click to choose</span>
      <span className="mt-0.5 text-xs text-slate-500">
        WAV, MP3, M4A, OGG or FLAC, up to 200 MB each. Several at once is fine.
      </span>
      <input
        id={inputId}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label="Call recordings"
        className="sr-only"
        onChange={(e) => {
          const chosen = [...(e.target.files ?? [])];
          if (chosen.length > 0) onFiles(chosen);
          e.target.value = "";
        }}
      />
    </label>
  );
}

export type TUploadPanelProps = {
  reps: ReadonlyArray<{ id: string; name: string }>;
  me: { id: string; name: string };
  renderCallLink: (callId: string, label: ReactNode) => ReactNode;
  onClose?: () => void;
};

/** Choose recordings, say whose calls they are, and follow each one from upload to analysis. */
export function UploadPanel({ reps, me, renderCallLink, onClose }: TUploadPanelProps) {
  const items = useUploadStore((s) => s.items);
  const { add, start, clearFinished } = useUploadStore.getState();
  const [values, setValues] = useState<TFormValues>(() => ({
    direction: "outbound",
    startedAt: toLocalInputValue(new Date()),
    repUserId: me.id,
    leadPhone: "",
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof TFormValues>(field: K, value: TFormValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors(({ [field]: _removed, ...rest }) => rest);
  };

  useResyncUploads();

  const pending = hasPendingUploads(items);
  useEffect(() => {
    if (!pending) return;
    // Closing the tab would drop the uploads still being sent.
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [pending]);

  const staged = items.filter((item) => item.phase === "staged");
  const finished = items.some((item) => item.phase === "finished" || item.phase === "refused");
  const badTranscript = staged.some((item) => item.transcriptError);
  const repOptions = [
    ...(reps.some((r) => r.id === me.id) ? [] : [{ value: me.id, label: `${me.name} (me)` }]),
    ...reps.map((r) => ({ value: r.id, label: r.id === me.id ? `${r.name} (me)` : r.name })),
    { value: "", label: "No rep" },
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseUploadForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    start(parsed.meta);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Upload call recordings">
      <div className="grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label="Direction"
          name="direction"
          value={values.direction}
          onChange={(e) => set("direction", e.target.value as TFormValues["direction"])}
          options={[
            { value: "outbound", label: "Outbound (we called)" },
            { value: "inbound", label: "Inbound (they called)" },
          ]}
        />
        <TextField
          label="Started at"
          name="startedAt"
          type="datetime-local"
          value={values.startedAt}
          onChange={(e) => set("startedAt", e.target.value)}
          error={errors.startedAt}
        />
        <SelectField
          label="Rep"
          name="repUserId"
          value={values.repUserId}
          onChange={(e) => set("repUserId", e.target.value)}
          options={repOptions}
          error={errors.repUserId}
        />
        <TextField
          label="Lead phone (optional)"
          name="leadPhone"
          type="tel"
          autoComplete="off"
          placeholder="+12025550142"
          value={values.leadPhone}
          onChange={(e) => set("leadPhone", e.target.value)}
          error={errors.leadPhone}
        />
      </div>
      <p className="-mt-2 px-5 pb-4 text-xs text-slate-500">
        These details apply to every recording in this batch.
      </p>
      <div className="px-5 pb-5">
        <Dropzone onFiles={add} />
      </div>
      {items.length > 0 ? (
        <ul aria-label="Recordings" className="divide-y divide-slate-100 border-t border-slate-200">
          {items.map((item) => (
            <UploadRow key={item.key} item={item} renderCallLink={renderCallLink} />
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
        {finished ? (
          <Button variant="ghost" onClick={clearFinished}>
            Clear finished
          </Button>
        ) : null}
        {onClose ? (
          <Button variant="secondary" onClick={onClose}>
            {pending ? "Hide (uploads continue)" : "Close"}
          </Button>
        ) : null}
        <Button
          type="submit"
          disabled={staged.length === 0 || badTranscript}
          icon={<UploadCloud aria-hidden="true" className="size-4" />}
        >
          {staged.length <= 1 ? "Upload recording" : `Upload ${staged.length} recordings`}
        </Button>
      </div>
    </form>
  );
}

/**
 * Uploads followed while this page was closed missed their `call.progress` events: ask once for where
 * each of them stands now.
 */
function useResyncUploads() {
  const client = useTRPCClient();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const { items, onProgress } = useUploadStore.getState();
    for (const item of items) {
      if (item.phase !== "processing" || !item.call) continue;
      client.calls.get.query({ id: item.call.id }).then(
        (call) =>
          onProgress({
            callId: call.id,
            status: call.status,
            progress: call.progress,
            statusReason: call.statusReason,
            durationSeconds: call.durationSeconds,
          }),
        () => undefined,
      );
    }
  }, [client]);
}
