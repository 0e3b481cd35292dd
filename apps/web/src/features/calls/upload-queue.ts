import type {
  TCall,
  TCallProgressEvent,
  TCallStatus,
  TCallUploadMeta,
  TSuppliedTranscript,
} from "@plaibook/shared";
import { CALL_AUDIO_EXTENSIONS, CALL_UPLOAD_MAX_BYTES, ZSuppliedTranscript } from "@plaibook/shared";
import { create } from "zustand";
import type { TUploadOptions } from "../../lib/http-transfer";
import { transferErrorMessage } from "../../lib/http-transfer";
import { formatBytes } from "../leads/csv-dropzone";
import { applyProgress } from "./call-progress-patch";
import { uploadCallRecording } from "./calls-api";

/** Recordings sent at the same time; the rest wait their turn. */
export const UPLOAD_CONCURRENCY = 2;

const EXTENSIONS = CALL_AUDIO_EXTENSIONS.map((ext) => ext.toUpperCase())
  .join(", ")
  .replace(/, (\w+)$/, " or $1");

/** Why a file cannot be sent (checked before anything goes over the wire), or null when it can. */
export function refuseRecording(file: Pick<File, "name" | "size">): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (!ext || !(CALL_AUDIO_EXTENSIONS as readonly string[]).includes(ext)) {
    return `Not a recording we can read. Upload a ${EXTENSIONS} file.`;
  }
  if (file.size > CALL_UPLOAD_MAX_BYTES) {
    return `Too large (${formatBytes(file.size)}). Recordings can be up to ${formatBytes(CALL_UPLOAD_MAX_BYTES)}.`;
  }
  if (file.size === 0) return "The file is empty.";
  return null;
}

/** A supplied transcript file, checked with the server's own schema; the first problem in words. */
export function parseTranscriptJson(
  text: string,
): { ok: true; transcript: TSuppliedTranscript } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "The transcript is not valid JSON." };
  }
  const parsed = ZSuppliedTranscript.safeParse(json);
  if (parsed.success) return { ok: true, transcript: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join(".")})` : "";
  return {
    ok: false,
    error: `The transcript doesn't fit the format: ${issue?.message ?? "invalid"}${where}.`,
  };
}

export type TUploadPhase =
  /** Chosen, waiting for "Upload". */
  | "staged"
  /** Refused before sending (type or size). */
  | "refused"
  /** Waiting for a free upload slot. */
  | "queued"
  | "uploading"
  /** The server refused it or the connection dropped. */
  | "error"
  /** Uploaded; following the pipeline through `call.progress`. */
  | "processing"
  /** The pipeline stopped: analysed, failed or waiting for a transcript. */
  | "finished";

export type TUploadItem = {
  key: string;
  file: File;
  phase: TUploadPhase;
  /** The refusal or upload error. */
  error: string | null;
  /** Share of the file sent, 0–1. */
  sent: number;
  transcript: { fileName: string; data: TSuppliedTranscript } | null;
  transcriptError: string | null;
  meta: TCallUploadMeta | null;
  call: TCall | null;
};

type TAction =
  | { type: "add"; items: TUploadItem[] }
  | { type: "remove"; key: string }
  | { type: "transcript"; key: string; transcript: TUploadItem["transcript"]; error: string | null }
  | { type: "start"; meta: TCallUploadMeta }
  | { type: "sending"; key: string }
  | { type: "sent"; key: string; fraction: number }
  | { type: "uploaded"; key: string; call: TCall }
  | { type: "failed"; key: string; error: string }
  | { type: "retry"; key: string }
  | { type: "progress"; event: TCallProgressEvent }
  | { type: "clearFinished" };

const STOPPED: ReadonlyArray<TCallStatus> = ["analyzed", "failed", "needs_transcript"];
const phaseFor = (call: TCall): TUploadPhase => (STOPPED.includes(call.status) ? "finished" : "processing");

function update(items: TUploadItem[], key: string, patch: (item: TUploadItem) => TUploadItem): TUploadItem[] {
  return items.map((item) => (item.key === key ? patch(item) : item));
}

export function uploadReducer(items: TUploadItem[], action: TAction): TUploadItem[] {
  switch (action.type) {
    case "add":
      return [...items, ...action.items];
    case "remove":
      return items.filter((item) => item.key !== action.key);
    case "transcript":
      return update(items, action.key, (item) => ({
        ...item,
        transcript: action.transcript,
        transcriptError: action.error,
      }));
    case "start":
      return items.map((item) =>
        item.phase === "staged" ? { ...item, phase: "queued", meta: action.meta } : item,
      );
    case "sending":
      return update(items, action.key, (item) => ({ ...item, phase: "uploading", sent: 0, error: null }));
    case "sent":
      return update(items, action.key, (item) =>
        item.phase === "uploading" ? { ...item, sent: action.fraction } : item,
      );
    case "uploaded":
      return update(items, action.key, (item) => ({
        ...item,
        sent: 1,
        call: action.call,
        phase: phaseFor(action.call),
      }));
    case "failed":
      return update(items, action.key, (item) => ({ ...item, phase: "error", error: action.error }));
    case "retry":
      return update(items, action.key, (item) =>
        item.phase === "error" ? { ...item, phase: "queued", error: null, sent: 0 } : item,
      );
    case "progress":
      return items.map((item) => {
        if (!item.call || item.call.id !== action.event.callId) return item;
        const call = applyProgress(item.call, action.event);
        return call === item.call ? item : { ...item, call, phase: phaseFor(call) };
      });
    case "clearFinished":
      return items.filter((item) => item.phase !== "finished" && item.phase !== "refused");
  }
}

let keySeq = 0;

/** A small file's text (FileReader: not every environment has Blob.text). */
export function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export type TUploadFn = (
  file: File,
  meta: TCallUploadMeta,
  transcript: TSuppliedTranscript | null,
  options: TUploadOptions,
) => Promise<TCall>;

export type TUploadState = {
  items: TUploadItem[];
  /** Checks and lists files; refused ones say why and are never sent. */
  add: (files: Iterable<File>) => void;
  /** Attaches (or, with null, detaches) a transcript JSON file to a staged recording. */
  attachTranscript: (key: string, file: File | null) => Promise<void>;
  /** Drops a file from the list, cancelling its upload if it is being sent. */
  remove: (key: string) => void;
  /** Queues every staged file with these fields. */
  start: (meta: TCallUploadMeta) => void;
  retry: (key: string) => void;
  clearFinished: () => void;
  /** Feeds a `call.progress` event to the uploads that became that call. */
  onProgress: (event: TCallProgressEvent) => void;
  /** Tests only: forget everything. */
  reset: () => void;
};

/**
 * The upload list, kept outside any component so uploads go on (and are still listed) while the person
 * opens a call and comes back: files are checked as they are added, sent when `start` is called with
 * the form's fields, at most `concurrency` at a time, each with its own progress; once uploaded, each
 * follows its call through the pipeline from `call.progress` events.
 */
export function createUploadStore({
  upload = (...args) => uploadCallRecording(...args),
  concurrency = UPLOAD_CONCURRENCY,
}: {
  upload?: TUploadFn;
  concurrency?: number;
} = {}) {
  return create<TUploadState>()((set, get) => {
    const controllers = new Map<string, AbortController>();
    // Progress can be announced before the upload's own response arrives: keep the latest per call.
    const early = new Map<string, TCallProgressEvent>();

    const dispatch = (action: TAction) => set({ items: uploadReducer(get().items, action) });

    /** Fills the free slots with the next queued files, in the order they were added. */
    const pump = () => {
      for (;;) {
        const items = get().items;
        if (items.filter((item) => item.phase === "uploading").length >= concurrency) return;
        const next = items.find((item) => item.phase === "queued" && item.meta);
        if (!next?.meta) return;
        send(next, next.meta);
      }
    };

    const send = (item: TUploadItem, meta: TCallUploadMeta) => {
      const { key } = item;
      const controller = new AbortController();
      controllers.set(key, controller);
      dispatch({ type: "sending", key });
      upload(item.file, meta, item.transcript?.data ?? null, {
        signal: controller.signal,
        onProgress: (fraction) => dispatch({ type: "sent", key, fraction }),
      }).then(
        (call) => {
          controllers.delete(key);
          dispatch({ type: "uploaded", key, call });
          const event = early.get(call.id);
          if (event) dispatch({ type: "progress", event });
          pump();
        },
        (error: unknown) => {
          controllers.delete(key);
          if (!controller.signal.aborted)
            dispatch({ type: "failed", key, error: transferErrorMessage(error) });
          pump();
        },
      );
    };

    return {
      items: [],
      add: (files) => {
        const next: TUploadItem[] = [];
        for (const file of files) {
          const error = refuseRecording(file);
          next.push({
            key: `upload-${++keySeq}`,
            file,
            phase: error ? "refused" : "staged",
            error,
            sent: 0,
            transcript: null,
            transcriptError: null,
            meta: null,
            call: null,
          });
        }
        if (next.length > 0) dispatch({ type: "add", items: next });
      },
      attachTranscript: async (key, file) => {
        if (!file) {
          dispatch({ type: "transcript", key, transcript: null, error: null });
          return;
        }
        const parsed = parseTranscriptJson(await readText(file));
        dispatch(
          parsed.ok
            ? {
                type: "transcript",
                key,
                transcript: { fileName: file.name, data: parsed.transcript },
                error: null,
              }
            : { type: "transcript", key, transcript: null, error: parsed.error },
        );
      },
      remove: (key) => {
        controllers.get(key)?.abort();
        controllers.delete(key);
        dispatch({ type: "remove", key });
        pump();
      },
      start: (meta) => {
        dispatch({ type: "start", meta });
        pump();
      },
      retry: (key) => {
        dispatch({ type: "retry", key });
        pump();
      },
      clearFinished: () => dispatch({ type: "clearFinished" }),
      onProgress: (event) => {
        early.set(event.callId, event);
        if (early.size > 500) {
          const oldest = early.keys().next().value;
          if (oldest !== undefined) early.delete(oldest);
        }
        dispatch({ type: "progress", event });
      },
      reset: () => {
        for (const controller of controllers.values()) controller.abort();
        controllers.clear();
        early.clear();
        set({ items: [] });
      },
    };
  });
}

/** The app's one upload list. */
export const useUploadStore = createUploadStore();

/** Uploads still sending or waiting to: leaving the page would cancel them. */
export function hasPendingUploads(items: ReadonlyArray<TUploadItem>): boolean {
  return items.some((item) => item.phase === "queued" || item.phase === "uploading");
}
