import type { MultipartFile } from "@fastify/multipart";
import { ZOptOut } from "@plaibook/shared";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses } from "../../platform/http/rest-schemas.js";
import type { TServices } from "../../platform/services.js";
import { importOptOuts } from "./import-opt-outs.js";
import { addOptOut } from "./manage-opt-outs.js";
import { findOptOutPage, findOptOutsAfter } from "./queries.js";

export async function optOutsRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/opt-outs",
    {
      schema: {
        tags: ["opt-outs"],
        summary: "List opted-out numbers",
        security: bearer,
        querystring: z.object({
          search: z.string().max(40).default(""),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(10).max(200).default(50),
        }),
        response: { 200: z.object({ rows: z.array(ZOptOut), total: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => withBearer(services, req, (ctx) => findOptOutPage(ctx.tx, req.query), "optouts.view"),
  );
  api.post(
    "/api/v1/opt-outs",
    {
      schema: {
        tags: ["opt-outs"],
        summary: "Opt a number out",
        security: bearer,
        body: z.object({ phone: z.string().min(3).max(40) }),
        response: { 201: ZOptOut, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await withBearer(services, req, (ctx) => addOptOut(ctx, req.body.phone, "api"), "optouts.manage"),
        ),
  );
  api.get(
    "/api/v1/opt-outs.csv",
    {
      schema: {
        tags: ["opt-outs"],
        summary: "Every opt-out as CSV (phone, source, keyword, created_at)",
        security: bearer,
      },
    },
    async (req, reply) => {
      const orgId = await withBearer(services, req, async (ctx) => ctx.actor.orgId, "optouts.view");
      const csv = stringify({ header: true, columns: ["phone", "source", "keyword", "created_at"] });
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="opt-outs.csv"');
      void (async () => {
        try {
          let after = "";
          for (;;) {
            const page = await withOrg(services.db.appPool, orgId, (tx) => findOptOutsAfter(tx, after, 5000));
            for (const o of page)
              if (!csv.write([o.phone, o.source, o.keyword ?? "", o.createdAt]))
                await new Promise((r) => csv.once("drain", r));
            if (page.length < 5000) break;
            after = page.at(-1)?.phone ?? after;
          }
          csv.end();
        } catch (error) {
          csv.destroy(error as Error);
        }
      })();
      return reply.send(csv);
    },
  );
  api.post(
    "/api/v1/opt-outs/import",
    {
      schema: {
        tags: ["opt-outs"],
        summary: "Import opt-outs from a CSV with a phone column (multipart `file`)",
        security: bearer,
        consumes: ["multipart/form-data"],
        response: {
          200: z.object({
            added: z.number().int(),
            rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError("BAD_REQUEST", "Send the CSV as multipart/form-data with a `file` field");
      const actor = await withBearer(services, req, async (ctx) => ctx.actor, "optouts.manage");
      const file = (await req.file()) as MultipartFile | undefined;
      if (!file) throw new AppError("BAD_REQUEST", "No `file` field in the upload");
      return importOptOuts(services.db.appPool, {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        rows: file.file.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true })),
      });
    },
  );
}
