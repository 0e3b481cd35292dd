import type { MultipartFile } from "@fastify/multipart";
import { ZLead, ZLeadImport, ZLeadInput, ZLeadPage, ZListLeadsInput } from "@plaibook/shared";
import { stringify } from "csv-stringify";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses, ZIdParam } from "../../platform/http/rest-schemas.js";
import { orgRoom } from "../../platform/realtime/socket.js";
import type { TServices } from "../../platform/services.js";
import { getLeadDetail } from "./get-lead-detail.js";
import { importLeads, refreshLeadStatistics } from "./import-leads.js";
import { findLeadPage, findRejectionsAfter, getLeadImport } from "./queries.js";
import { createLead } from "./save-lead.js";

const ZLeadCreate = ZLeadInput.extend({ campaignId: z.uuid().optional() });

export async function leadsRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/leads/import",
    {
      schema: {
        tags: ["leads"],
        summary: "Import leads from a CSV file (multipart: optional campaignId field, then the file)",
        description:
          "Streams the file; progress is sent as Socket.IO `import.progress` events. Answers when the import is finished, with its counts; rejected rows are at /api/v1/leads/imports/{id}/rejected.csv.",
        security: bearer,
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ import: ZLeadImport }), ...errorResponses },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError("BAD_REQUEST", "Send the CSV as multipart/form-data with a `file` field");
      const actor = await withBearer(services, req, async (ctx) => ctx.actor, "leads.import");
      let campaignId: string | null = null;
      for await (const part of req.parts()) {
        if (part.type === "field") {
          if (part.fieldname === "campaignId" && String(part.value).trim()) {
            const parsed = z.uuid().safeParse(String(part.value).trim());
            if (!parsed.success) throw new AppError("BAD_REQUEST", "campaignId must be a campaign id");
            campaignId = parsed.data;
          }
          continue;
        }
        const file = part as MultipartFile;
        if (file.fieldname !== "file") {
          file.file.resume();
          continue;
        }
        const result = await importLeads(services.db.appPool, {
          orgId: actor.orgId,
          actorUserId: actor.userId,
          campaignId,
          fileName: file.filename || "upload.csv",
          csv: file.file,
          onProgress: (progress) =>
            services.realtime.publish(orgRoom(actor.orgId), "import.progress", progress),
        });
        if (file.file.truncated)
          throw new AppError("BAD_REQUEST", "The file is larger than the upload limit");
        await refreshLeadStatistics(services.db.ownerPool, result);
        return { import: result };
      }
      throw new AppError("BAD_REQUEST", "No `file` field in the upload");
    },
  );

  api.get(
    "/api/v1/leads/imports/:id",
    {
      schema: {
        tags: ["leads"],
        summary: "An import's status and counts",
        security: bearer,
        params: ZIdParam,
        response: { 200: ZLeadImport, ...errorResponses },
      },
    },
    async (req) => withBearer(services, req, (ctx) => getLeadImport(ctx.tx, req.params.id), "leads.view"),
  );

  api.get(
    "/api/v1/leads/imports/:id/rejected.csv",
    {
      schema: {
        tags: ["leads"],
        summary: "Every rejected row of an import with its reason (CSV: row, reason, raw)",
        security: bearer,
        params: ZIdParam,
      },
    },
    async (req, reply) => {
      const { orgId, imported } = await withBearer(
        services,
        req,
        async (ctx) => ({ orgId: ctx.actor.orgId, imported: await getLeadImport(ctx.tx, req.params.id) }),
        "leads.view",
      );
      const csv = stringify({ header: true, columns: ["row", "reason", "raw"] });
      reply.header("content-type", "text/csv; charset=utf-8");
      reply.header(
        "content-disposition",
        `attachment; filename="rejected-${imported.fileName.replace(/[^\w.-]/g, "_")}"`,
      );
      // Pages through the rows so a report of any size streams in constant memory.
      void (async () => {
        try {
          let after = 0;
          for (;;) {
            const page = await withOrg(services.db.appPool, orgId, (tx) =>
              findRejectionsAfter(tx, req.params.id, after, 2000),
            );
            for (const r of page) {
              if (!csv.write([r.rowNumber, r.reason, r.raw]))
                await new Promise((resolve) => csv.once("drain", resolve));
            }
            if (page.length < 2000) break;
            after = page.at(-1)?.rowNumber ?? after;
          }
          csv.end();
        } catch (error) {
          csv.destroy(error as Error);
        }
      })();
      return reply.send(csv);
    },
  );

  api.get(
    "/api/v1/leads",
    {
      schema: {
        tags: ["leads"],
        summary: "List leads (paged, searchable)",
        security: bearer,
        querystring: z.object({
          search: z.string().max(200).optional(),
          campaignId: z.uuid().optional(),
          page: z.coerce.number().int().min(1).optional(),
          pageSize: z.coerce.number().int().min(10).max(200).optional(),
          sort: ZListLeadsInput.shape.sort.optional(),
          direction: ZListLeadsInput.shape.direction.optional(),
        }),
        response: { 200: ZLeadPage, ...errorResponses },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        (ctx) => findLeadPage(ctx.tx, ZListLeadsInput.parse(req.query)),
        "leads.view",
      ),
  );

  api.get(
    "/api/v1/leads/:id",
    {
      schema: {
        tags: ["leads"],
        summary: "One lead",
        security: bearer,
        params: ZIdParam,
        response: { 200: ZLead, ...errorResponses },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        async (ctx) => (await getLeadDetail(ctx.tx, req.params.id)).lead,
        "leads.view",
      ),
  );

  api.post(
    "/api/v1/leads",
    {
      schema: {
        tags: ["leads"],
        summary: "Create a lead (phone normalised to E.164)",
        security: bearer,
        body: ZLeadCreate,
        response: { 201: ZLead, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await withBearer(services, req, (ctx) => createLead(ctx, req.body), "leads.edit")),
  );

  api.post(
    "/api/v1/leads/bulk",
    {
      schema: {
        tags: ["leads"],
        summary: "Create or merge up to 1,000 leads; each bad one is reported with its index and reason",
        security: bearer,
        body: z.object({
          campaignId: z.uuid().optional(),
          leads: z.array(z.record(z.string(), z.unknown())).min(1).max(1000),
        }),
        response: {
          200: z.object({
            created: z.number().int(),
            merged: z.number().int(),
            rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => withBearer(services, req, (ctx) => bulkCreateLeads(ctx, req.body), "leads.edit"),
  );
}

import { bulkCreateLeads } from "./bulk-create-leads.js";
