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

export type TRecordCallInput = {
  orgId: string;
  /** `upload`, or the phone system's source name. */
  source: string;
  /** Who uploaded it; null when a phone system sent it. */
  actorUserId: string | null;
  meta: TCallUploadMeta;
  transcript: TSuppliedTranscript | null;
  fileName: string;
  contentType: string | null;
  file: NodeJS.ReadableStream;
  /** True when the transport cut the file at its size limit (the stream then just ends). */
  truncated?: () => boolean;
};

/**
 * Any source's recording: streamed into the BlobStore (never whole in memory), recorded, and its
 * first pipeline step queued in the same transaction. Idempotent per (organisation, source, external
 * id); without an external id the file's SHA-256 stands in for it, so the same file twice is one call.
 */
export async function recordCall(
  app: Pick<TAppContext, "db" | "blobs" | "boss" | "publish">,
  input: TRecordCallInput,
): Promise<{ call: TCall; duplicate: boolean }> {
  const { orgId, source } = input;
  const extension = audioExtensionOf(input.fileName);
  if (input.meta.externalId) {
    const existing = await withOrg(app.db.appPool, orgId, (tx) =>
      findCallByExternalId(tx, source, input.meta.externalId as string),
    );
    if (existing) {
      input.file.resume();
      return { call: publicCall(existing), duplicate: true };
    }
  }
  const callId = randomUUID();
  const originalKey = `${orgId}/calls/${callId}/original.${extension}`;
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
  const result = await withOrg(app.db.appPool, orgId, async (tx) => {
    const call = await insertCall(tx, {
      id: callId,
      orgId,
      source,
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
      createdBy: input.actorUserId,
    });
    if (!call) {
      const existing = await findCallByExternalId(tx, source, externalId);
      return { call: existing, duplicate: true };
    }
    await enqueueCallStep(app.boss, tx, "ingest", { orgId, callId });
    await recordAudit(tx, null, {
      action: source === UPLOAD_SOURCE ? "call.upload" : "call.received",
      orgId,
      actorUserId: input.actorUserId,
      targetType: "call",
      targetId: callId,
      details: { source, fileName: input.fileName, bytes: stored.bytes },
    });
    return { call, duplicate: false };
  });
  if (result.duplicate) await app.blobs.delete(originalKey);
  if (!result.call) throw new Error("the call vanished while it was being recorded");
  const call = publicCall(result.call);
  if (!result.duplicate) announceCallProgress(app.publish, orgId, call);
  return { call, duplicate: result.duplicate };
}

/** A recording a person uploaded (the web app or the public API). */
export async function uploadCall(
  app: Pick<TAppContext, "db" | "blobs" | "boss" | "publish">,
  actor: TActor,
  input: Omit<TRecordCallInput, "orgId" | "source" | "actorUserId">,
): Promise<{ call: TCall; duplicate: boolean }> {
  const repUserId = input.meta.repUserId;
  if (repUserId && repUserId !== actor.userId) {
    const { rows } = await withOrg(app.db.appPool, actor.orgId, (tx) =>
      tx.client.query("select 1 from users where id = $1", [repUserId]),
    );
    if (rows.length === 0) {
      input.file.resume();
      throw new AppError("BAD_REQUEST", "repUserId is not a person in this organisation");
    }
  }
  return recordCall(app, { ...input, orgId: actor.orgId, source: UPLOAD_SOURCE, actorUserId: actor.userId });
}
