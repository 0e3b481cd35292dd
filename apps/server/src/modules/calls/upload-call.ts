import { randomUUID } from "node:crypto";
import {
  CALL_AUDIO_EXTENSIONS,
  CALL_UPLOAD_MAX_BYTES,
  type TCall,
  type TCallUploadMeta,
  type TSuppliedTranscript,
} from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import type { TActor } from "../../platform/auth/actor.js";
import { BlobTooLargeError } from "../../platform/blobs/index.js";
import { withOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { announceCallProgress } from "./events.js";
import { enqueueCallStep } from "./pipeline.js";
import { findCallByExternalId, insertCall, publicCall } from "./queries.js";

export const UPLOAD_SOURCE = "upload";

/** The recording's format from its name; ffmpeg later decides whether the bytes really are audio. */
export function audioExtensionOf(fileName: string): (typeof CALL_AUDIO_EXTENSIONS)[number] {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const known = CALL_AUDIO_EXTENSIONS.find((e) => e === extension);
  if (!known)
    throw new AppError(
      "BAD_REQUEST",
      `"${fileName}" is not a recording we take: use ${CALL_AUDIO_EXTENSIONS.join(", ")} (up to 200 MB)`,
    );
  return known;
}

/**
 * A recording uploaded by a person or over the API: streamed into the BlobStore (never whole in
 * memory), recorded, and its first pipeline step queued in the same transaction. Idempotent per
 * (organisation, source, external id); without an external id the file's SHA-256 stands in for it,
 * so the same file twice is one call.
 */
export async function uploadCall(
  app: Pick<TAppContext, "db" | "blobs" | "boss" | "publish">,
  actor: TActor,
  input: {
    meta: TCallUploadMeta;
    transcript: TSuppliedTranscript | null;
    fileName: string;
    contentType: string | null;
    file: NodeJS.ReadableStream;
    /** True when the transport cut the file at its size limit (the stream then just ends). */
    truncated?: () => boolean;
  },
): Promise<{ call: TCall; duplicate: boolean }> {
  const extension = audioExtensionOf(input.fileName);
  if (input.meta.externalId) {
    const existing = await withOrg(app.db.appPool, actor.orgId, (tx) =>
      findCallByExternalId(tx, UPLOAD_SOURCE, input.meta.externalId as string),
    );
    if (existing) {
      input.file.resume();
      return { call: publicCall(existing), duplicate: true };
    }
  }
  const callId = randomUUID();
  const originalKey = `${actor.orgId}/calls/${callId}/original.${extension}`;
  const stored = await app.blobs
    .put(originalKey, input.file, {
      contentType: input.contentType ?? undefined,
      maxBytes: CALL_UPLOAD_MAX_BYTES,
    })
    .catch((error: unknown) => {
      if (error instanceof BlobTooLargeError)
        throw new AppError("BAD_REQUEST", `${error.message}: the limit is 200 MB`);
      throw error;
    });
  if (input.truncated?.()) {
    await app.blobs.delete(originalKey);
    throw new AppError("BAD_REQUEST", `"${input.fileName}" is larger than 200 MB`);
  }
  if (stored.bytes === 0) {
    await app.blobs.delete(originalKey);
    throw new AppError("BAD_REQUEST", `"${input.fileName}" is empty`);
  }
  const externalId = input.meta.externalId ?? `sha256:${stored.sha256}`;
  const result = await withOrg(app.db.appPool, actor.orgId, async (tx) => {
    const call = await insertCall(tx, {
      id: callId,
      orgId: actor.orgId,
      source: UPLOAD_SOURCE,
      externalId,
      repUserId: input.meta.repUserId ?? null,
      repName: input.meta.repName ?? null,
      leadPhone: input.meta.leadPhone ?? null,
      direction: input.meta.direction,
      startedAt: input.meta.startedAt,
      fileName: input.fileName,
      contentType: input.contentType,
      originalKey,
      originalBytes: stored.bytes,
      originalSha256: stored.sha256,
      suppliedTranscript: input.transcript,
      createdBy: actor.userId,
    });
    if (!call) {
      const existing = await findCallByExternalId(tx, UPLOAD_SOURCE, externalId);
      return { call: existing, duplicate: true };
    }
    await enqueueCallStep(app.boss, tx, "ingest", { orgId: actor.orgId, callId });
    await recordAudit(tx, null, {
      action: "call.upload",
      orgId: actor.orgId,
      actorUserId: actor.userId,
      targetType: "call",
      targetId: callId,
      details: { fileName: input.fileName, bytes: stored.bytes },
    });
    return { call, duplicate: false };
  });
  if (result.duplicate) await app.blobs.delete(originalKey);
  if (!result.call) throw new Error("the call vanished while it was being recorded");
  const call = publicCall(result.call);
  if (!result.duplicate) announceCallProgress(app.publish, actor.orgId, call);
  return { call, duplicate: result.duplicate };
}
