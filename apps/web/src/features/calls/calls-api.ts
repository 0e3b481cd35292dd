import type { TCall, TCallUploadMeta, TSuppliedTranscript } from "@plaibook/shared";
import type { TUploadOptions } from "../../lib/http-transfer";
import { uploadForm } from "../../lib/http-transfer";

export const CALLS_UPLOAD_URL = "/api/v1/calls";

/**
 * Sends one recording: the fields first (the server reads them before it streams the file into
 * storage), then the file. Resolves with the call (201 new, 200 the same file or external id again).
 */
export function uploadCallRecording(
  file: File,
  meta: TCallUploadMeta,
  transcript: TSuppliedTranscript | null,
  options: TUploadOptions = {},
): Promise<TCall> {
  return uploadForm<TCall>(
    CALLS_UPLOAD_URL,
    () => {
      const body = new FormData();
      body.append("direction", meta.direction);
      body.append("startedAt", meta.startedAt);
      if (meta.repUserId) body.append("repUserId", meta.repUserId);
      if (meta.repName) body.append("repName", meta.repName);
      if (meta.leadPhone) body.append("leadPhone", meta.leadPhone);
      if (meta.externalId) body.append("externalId", meta.externalId);
      if (transcript) body.append("transcript", JSON.stringify(transcript));
      body.append("file", file, file.name);
      return body;
    },
    options,
  );
}
