import type { MultipartFile } from "@fastify/multipart";
import {
  type TSuppliedTranscript,
  ZCall,
  ZCallDetail,
  ZCallListPage,
  ZCallListQuery,
  ZCallUploadMeta,
  ZSuppliedTranscript,
} from "@plaibook/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses, ZIdParam } from "../../platform/http/rest-schemas.js";
import type { TServices } from "../../platform/services.js";
import { signedAudioUrl, verifyAudioLink } from "./audio-link.js";
import { findCallAudio, parseRange } from "./call-audio.js";
import { announceCallProgress } from "./events.js";
import { getCallDetail, listCalls } from "./read-calls.js";
import { retryCall, supplyTranscript } from "./retry-call.js";
import { uploadCall } from "./upload-call.js";

const META_FIELDS = new Set(["externalId", "repUserId", "repName", "leadPhone", "direction", "startedAt"]);

/** The first problem Zod found, named by its field ("startedAt must be an ISO 8601 date-time"). */
function firstIssue(error: z.ZodError, prefix = ""): string {
  const issue = error.issues[0];
  const path = issue?.path.join(".") ?? "";
  const message = issue?.message ?? "is invalid";
  return prefix + (!path || message.startsWith(path) ? message : `${path}: ${message}`);
}

function parseTranscript(raw: string): TSuppliedTranscript {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "transcript is not valid JSON");
  }
  const parsed = ZSuppliedTranscript.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_REQUEST", firstIssue(parsed.error, "transcript: "));
  return parsed.data;
}

export async function callsRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/calls",
    {
      schema: {
        tags: ["calls"],
        summary: "Upload a call recording (multipart: the fields first, then `file`)",
        description:
          "Fields: direction (inbound|outbound), startedAt (ISO 8601), optional externalId (repeating it returns the same call), repUserId, repName, leadPhone (E.164), transcript (JSON: {segments:[{speaker:'rep'|'customer',start,end,text}]}, skips speech-to-text). File: wav, mp3, m4a, ogg or flac, up to 200 MB. Answers 201 with the call (status `received`); progress follows as Socket.IO `call.progress` events. 200 with the existing call for a repeated externalId or file.",
        security: bearer,
        consumes: ["multipart/form-data"],
        response: { 200: ZCall, 201: ZCall, ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError("BAD_REQUEST", "Send the recording as multipart/form-data with a `file` field");
      const actor = await withBearer(services, req, async (ctx) => ctx.actor, "calls.upload");
      const fields: Record<string, string> = {};
      let transcript: TSuppliedTranscript | null = null;
      for await (const part of req.parts()) {
        if (part.type === "field") {
          const value = String(part.value).trim();
          if (part.fieldname === "transcript") transcript = value ? parseTranscript(value) : null;
          else if (META_FIELDS.has(part.fieldname) && value) fields[part.fieldname] = value;
          continue;
        }
        const file = part as MultipartFile;
        if (file.fieldname !== "file") {
          file.file.resume();
          continue;
        }
        const meta = ZCallUploadMeta.safeParse(fields);
        if (!meta.success) {
          file.file.resume();
          throw new AppError("BAD_REQUEST", firstIssue(meta.error));
        }
        const { call, duplicate } = await uploadCall(services.app, actor, {
          meta: meta.data,
          transcript,
          fileName: file.filename || "recording",
          contentType: file.mimetype || null,
          file: file.file,
          truncated: () => file.file.truncated,
        });
        return reply.status(duplicate ? 200 : 201).send(call);
      }
      throw new AppError("BAD_REQUEST", "No `file` field in the upload");
    },
  );

  api.post(
    "/api/v1/calls/:id/retry",
    {
      schema: {
        tags: ["calls"],
        summary:
          "Run a failed call through the pipeline again from its stored recording, or try speech-to-text again for one waiting for a transcript",
        security: bearer,
        params: ZIdParam,
        response: { 200: ZCall, ...errorResponses },
      },
    },
    async (req) => {
      const { orgId, call } = await withBearer(
        services,
        req,
        async (ctx) => ({
          orgId: ctx.actor.orgId,
          call: await retryCall(ctx, services.app.boss, req.params.id),
        }),
        "calls.upload",
      );
      announceCallProgress(services.app.publish, orgId, call);
      return call;
    },
  );

  api.get(
    "/api/v1/calls",
    {
      schema: {
        tags: ["calls"],
        summary: "Calls, newest first, filtered and paged",
        description:
          "Filters: repUserId, from / to (ISO 8601, on the start time), outcome, objection (a category such as `price` or a label such as `price/budget`), minDurationSeconds / maxDurationSeconds, status; sort (newest|oldest|longest|shortest), page, pageSize (≤ 100). A rep sees only the calls they made or uploaded.",
        security: bearer,
        querystring: ZCallListQuery,
        response: { 200: ZCallListPage, ...errorResponses },
      },
    },
    async (req) => withBearer(services, req, (ctx) => listCalls(ctx.tx, ctx.actor, req.query), "calls.view"),
  );

  api.get(
    "/api/v1/calls/:id",
    {
      schema: {
        tags: ["calls"],
        summary: "A call with where it stands, its transcript and its analysis",
        description:
          "`transcript` and `analysis` are null until those steps are done. `audioUrl` plays the recording for 6 hours without a bearer header.",
        security: bearer,
        params: ZIdParam,
        response: { 200: ZCallDetail, ...errorResponses },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        async (ctx) => {
          const call = await getCallDetail(ctx.tx, ctx.actor, req.params.id);
          return { ...call, audioUrl: await signedAudioUrl(services.tokens, ctx.actor.orgId, call.id) };
        },
        "calls.view",
      ),
  );

  api.post(
    "/api/v1/calls/:id/transcript",
    {
      schema: {
        tags: ["calls"],
        summary: "Give the transcript of a call that waits for one; the analysis follows",
        security: bearer,
        params: ZIdParam,
        body: ZSuppliedTranscript,
        response: { 200: ZCall, ...errorResponses },
      },
    },
    async (req) => {
      const { orgId, call } = await withBearer(
        services,
        req,
        async (ctx) => ({
          orgId: ctx.actor.orgId,
          call: await supplyTranscript(ctx, services.app.boss, req.params.id, req.body),
        }),
        "calls.upload",
      );
      announceCallProgress(services.app.publish, orgId, call);
      return call;
    },
  );

  api.get(
    "/api/v1/calls/:id/audio",
    {
      schema: {
        tags: ["calls"],
        summary: "The recording, with byte ranges (the signed `audioUrl` of a call)",
        params: ZIdParam,
        querystring: z.object({ token: z.string().min(1) }),
      },
    },
    async (req, reply) => {
      const orgId = await verifyAudioLink(services.tokens, req.params.id, req.query.token);
      if (!orgId)
        throw new AppError("UNAUTHORIZED", "This audio link is invalid or has expired: reload the call");
      const audio = await withOrg(services.db.appPool, orgId, (tx) => findCallAudio(tx, req.params.id));
      if (!audio) throw new AppError("NOT_FOUND", "Call not found");
      const range = parseRange(req.headers.range, audio.bytes);
      if (range === "unsatisfiable")
        return reply.status(416).header("content-range", `bytes */${audio.bytes}`).send();
      reply
        .header("accept-ranges", "bytes")
        .header("content-type", audio.contentType)
        .header("cache-control", "private, max-age=3600");
      if (!range)
        return reply.header("content-length", audio.bytes).send(await services.app.blobs.get(audio.key));
      return reply
        .status(206)
        .header("content-range", `bytes ${range.start}-${range.end}/${audio.bytes}`)
        .header("content-length", range.end - range.start + 1)
        .send(await services.app.blobs.get(audio.key, range));
    },
  );
}
