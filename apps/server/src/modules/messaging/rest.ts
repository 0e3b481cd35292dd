import { ZControlEvent, ZConversation, ZConversationRollup, ZMessage, ZTurnAnalysis } from "@plaibook/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses, ZIdParam } from "../../platform/http/rest-schemas.js";
import type { TServices } from "../../platform/services.js";
import {
  announceControl,
  approveDraft,
  handBack,
  rejectDraft,
  sendAsPerson,
  type THumanControlEvent,
  takeOver,
} from "../agent/human-control.js";
import { assertConversationVisible, assertMessageVisible } from "../cockpit/scope.js";
import { findAnalyses } from "../overseer/queries.js";
import { replayConversation } from "../overseer/replay.js";
import { findConversationMessages, findConversations, getConversation } from "./queries.js";

const ZControlResult = ZControlEvent.omit({ leadId: true });

/** A rep reaches only their own conversations, through the API as in the app. */
const visible = (ctx: { tx: TTx; actor: TActor }, conversationId: string) =>
  assertConversationVisible(ctx.tx, ctx.actor, conversationId);

export async function conversationsRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/conversations",
    {
      schema: {
        tags: ["conversations"],
        summary: "List conversations, latest first",
        security: bearer,
        querystring: z.object({
          campaignId: z.uuid().optional(),
          leadId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(ZConversation), ...errorResponses },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        (ctx) => findConversations(ctx.tx, req.query, ctx.actor),
        "conversations.view",
      ),
  );
  api.get(
    "/api/v1/conversations/:id",
    {
      schema: {
        tags: ["conversations"],
        summary: "A conversation with its messages, oldest first",
        security: bearer,
        params: ZIdParam,
        response: {
          200: z.object({ conversation: ZConversation, messages: z.array(ZMessage) }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        async (ctx) => ({
          conversation: await visible(ctx, req.params.id).then(() => getConversation(ctx.tx, req.params.id)),
          messages: await findConversationMessages(ctx.tx, req.params.id),
        }),
        "conversations.view",
      ),
  );

  /** Runs a takeover-style action, then tells everyone watching once it has committed. */
  const control = async (
    req: Parameters<typeof withBearer>[1],
    permission: "conversations.control" | "messages.send",
    work: (ctx: Parameters<Parameters<typeof withBearer>[2]>[0]) => Promise<THumanControlEvent>,
  ) => {
    let orgId = "";
    const event = await withBearer(
      services,
      req,
      (ctx) => {
        orgId = ctx.actor.orgId;
        return work(ctx);
      },
      permission,
    );
    announceControl(services.app.publish, orgId, event);
    const { leadId: _leadId, ...result } = event;
    return result;
  };
  const controlSchema = (summary: string) => ({
    schema: {
      tags: ["conversations"],
      summary,
      security: bearer,
      params: ZIdParam,
      response: { 200: ZControlResult, ...errorResponses },
    },
  });

  api.post(
    "/api/v1/conversations/:id/takeover",
    controlSchema("Take the conversation from the AI (it stops answering until handed back)"),
    async (req) =>
      control(req, "conversations.control", (ctx) =>
        visible(ctx, req.params.id).then(() => takeOver(ctx, req.params.id)),
      ),
  );
  api.post(
    "/api/v1/conversations/:id/handback",
    controlSchema("Hand the conversation back to the AI (it answers a waiting message at once)"),
    async (req) =>
      control(req, "conversations.control", (ctx) =>
        visible(ctx, req.params.id).then(() => handBack(services.app.boss, ctx, req.params.id)),
      ),
  );
  api.post(
    "/api/v1/conversations/:id/messages",
    {
      schema: {
        tags: ["conversations"],
        summary: "Text the lead as a person (takes the conversation from the AI)",
        security: bearer,
        params: ZIdParam,
        body: z.object({ body: z.string().trim().min(1).max(1600) }),
        response: { 200: ZControlResult, ...errorResponses },
      },
    },
    async (req) =>
      control(req, "messages.send", async (ctx) => {
        await visible(ctx, req.params.id);
        return sendAsPerson(services.app.boss, ctx, { conversationId: req.params.id, body: req.body.body });
      }),
  );
  api.post(
    "/api/v1/messages/:id/approve",
    {
      schema: {
        tags: ["conversations"],
        summary: "Approve an AI draft (approval mode), optionally edited",
        security: bearer,
        params: ZIdParam,
        body: z.object({ body: z.string().trim().min(1).max(1600).optional() }).optional(),
        response: { 200: ZControlResult, ...errorResponses },
      },
    },
    async (req) =>
      control(req, "conversations.control", async (ctx) => {
        await assertMessageVisible(ctx.tx, ctx.actor, req.params.id);
        return approveDraft(services.app.boss, ctx, { messageId: req.params.id, body: req.body?.body });
      }),
  );
  api.post("/api/v1/messages/:id/reject", controlSchema("Reject an AI draft (approval mode)"), async (req) =>
    control(req, "conversations.control", (ctx) =>
      assertMessageVisible(ctx.tx, ctx.actor, req.params.id).then(() => rejectDraft(ctx, req.params.id)),
    ),
  );
  api.get(
    "/api/v1/conversations/:id/analyses",
    {
      schema: {
        tags: ["conversations"],
        summary: "The Overseer's verdict on every turn, in order (append-only)",
        security: bearer,
        params: ZIdParam,
        response: { 200: z.array(ZTurnAnalysis), ...errorResponses },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        (ctx) => visible(ctx, req.params.id).then(() => findAnalyses(ctx.tx, req.params.id)),
        "conversations.view",
      ),
  );
  api.get(
    "/api/v1/conversations/:id/replay",
    {
      schema: {
        tags: ["conversations"],
        summary: "The conversation as it stood at a turn, rebuilt from the Overseer's log",
        security: bearer,
        params: ZIdParam,
        querystring: z.object({ turn: z.coerce.number().int().min(0).optional() }),
        response: {
          200: z.object({
            turn: z.number().int(),
            totalTurns: z.number().int(),
            messages: z.array(ZMessage),
            analyses: z.array(ZTurnAnalysis),
            state: ZConversationRollup,
          }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        (ctx) =>
          visible(ctx, req.params.id).then(() => replayConversation(ctx.tx, req.params.id, req.query.turn)),
        "conversations.view",
      ),
  );
}
