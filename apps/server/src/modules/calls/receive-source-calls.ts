import { type TCall, ZCallUploadMeta } from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import type { CallSource, TSourceCall } from "../../integrations/ports.js";
import { withOrg } from "../../platform/db/with-org.js";
import { recordCall } from "./upload-call.js";

type TApp = Pick<TAppContext, "db" | "blobs" | "boss" | "publish" | "log">;

/** The Plaibook user a phone system's rep reference (an e-mail, or a name) stands for, if any. */
async function matchReps(app: TApp, orgId: string, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const { rows } = await withOrg(app.db.appPool, orgId, (tx) =>
    tx.client.query<{ id: string; email: string; name: string }>(
      "select id, email, name from users where lower(email) = any($1) or lower(name) = any($1)",
      [refs.map((r) => r.toLowerCase())],
    ),
  );
  const byRef = new Map<string, string>();
  for (const ref of refs) {
    const user = rows.find((u) => [u.email.toLowerCase(), u.name.toLowerCase()].includes(ref.toLowerCase()));
    if (user) byRef.set(ref, user.id);
  }
  return byRef;
}

/**
 * Calls a phone system announced (a poll or a webhook): each recording is fetched as a stream and
 * recorded like an upload, once per (source, external id). A call the source describes badly is
 * skipped with a warning instead of stopping the rest.
 */
export async function receiveSourceCalls(
  app: TApp,
  orgId: string,
  source: CallSource,
  calls: TSourceCall[],
): Promise<{ received: TCall[]; duplicates: number; skipped: { externalId: string; reason: string }[] }> {
  const reps = await matchReps(app, orgId, [...new Set(calls.flatMap((c) => (c.repRef ? [c.repRef] : [])))]);
  // Recordings can be large: one already recorded is not fetched again.
  const known = await withOrg(app.db.appPool, orgId, async (tx) => {
    const { rows } = await tx.client.query<{ external_id: string }>(
      "select external_id from calls where source = $1 and external_id = any($2)",
      [source.name, calls.map((c) => c.externalId)],
    );
    return new Set(rows.map((r) => r.external_id));
  });
  const received: TCall[] = [];
  const skipped: { externalId: string; reason: string }[] = [];
  let duplicates = 0;
  for (const call of calls) {
    if (known.has(call.externalId)) {
      duplicates += 1;
      continue;
    }
    if (Number.isNaN(call.startedAt.getTime())) {
      skipped.push({ externalId: call.externalId, reason: "the source gave no valid start time" });
      continue;
    }
    const meta = ZCallUploadMeta.safeParse({
      externalId: call.externalId,
      direction: call.direction,
      startedAt: call.startedAt.toISOString(),
      repUserId: call.repRef ? reps.get(call.repRef) : undefined,
      repName: call.repName ?? undefined,
      // A number we cannot read is left out rather than losing the call.
      leadPhone: call.leadPhone && /^\+[1-9]\d{6,14}$/.test(call.leadPhone) ? call.leadPhone : undefined,
    });
    if (!meta.success) {
      skipped.push({ externalId: call.externalId, reason: meta.error.issues[0]?.message ?? "invalid call" });
      continue;
    }
    const recording = await source.fetchRecording(call);
    const { call: stored, duplicate } = await recordCall(app, {
      orgId,
      source: source.name,
      actorUserId: null,
      meta: meta.data,
      transcript: call.transcript,
      fileName: recording.fileName,
      contentType: recording.contentType,
      file: recording.stream,
    });
    if (duplicate) duplicates += 1;
    else received.push(stored);
  }
  for (const skip of skipped)
    app.log.warn({ orgId, source: source.name, ...skip }, "call from source skipped");
  return { received, duplicates, skipped };
}

/** One poll of a source from `cursor`: what it has new, recorded; returns where to poll from next. */
export async function pollCallSource(
  app: TApp,
  orgId: string,
  source: CallSource,
  cursor: string | null,
  limit = 50,
): Promise<{ cursor: string | null; received: number; duplicates: number; skipped: number }> {
  const page = await source.listNewCalls(cursor, limit);
  const result = await receiveSourceCalls(app, orgId, source, page.calls);
  return {
    cursor: page.cursor ?? cursor,
    received: result.received.length,
    duplicates: result.duplicates,
    skipped: result.skipped.length,
  };
}
