import type { TByteRange } from "../../platform/blobs/index.js";
import type { TTx } from "../../platform/db/with-org.js";

const CONTENT_TYPES: Record<string, string> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  flac: "audio/flac",
};

/** Where a call's recording is, its size and the type a browser needs to play it. */
export async function findCallAudio(tx: TTx, callId: string) {
  const { rows } = await tx.client.query<{ original_key: string; original_bytes: string; file_name: string }>(
    "select original_key, original_bytes, file_name from calls where id = $1",
    [callId],
  );
  const row = rows[0];
  if (!row) return null;
  const extension = row.original_key.split(".").at(-1)?.toLowerCase() ?? "";
  return {
    key: row.original_key,
    bytes: Number(row.original_bytes),
    contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
  };
}

/**
 * One HTTP byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`), which is all an `<audio>` element asks
 * for; null for none (or a form we do not serve: the whole file is a valid answer then).
 */
export function parseRange(header: string | undefined, size: number): TByteRange | "unsatisfiable" | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const [, first = "", last = ""] = match;
  const start = first === "" ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === "" || last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}
