import type { MultipartFile } from "@fastify/multipart";
import { type TSuppliedTranscript, ZCall, ZCallUploadMeta, ZSuppliedTranscript } from "@plaibook/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "../../platform/errors.js";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses, ZIdParam } from "../../platform/http/rest-schemas.js";
import type { TServices } from "../../platform/services.js";
import { announceCallProgress } from "./events.js";
import { getCall, publicCall } from "./queries.js";
import { retryCall } from "./retry-call.js";
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
        summary: "Run a failed call through the pipeline again, from the stored recording",
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
    "/api/v1/calls/:id",
    {
      schema: {
        tags: ["calls"],
        summary: "A call and where it stands in the pipeline",
        security: bearer,
        params: ZIdParam,
        response: { 200: ZCall, ...errorResponses },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        async (ctx) => publicCall(await getCall(ctx.tx, req.params.id)),
        "calls.view",
      ),
  );
}
