import { randomBytes } from "node:crypto";
import type { TAppContext } from "../../app-context.js";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { getConversation } from "./queries.js";
import { receiveInbound } from "./receive-message.js";
import { readSandboxBotSetting, SANDBOX_PERSONAS } from "./sandbox-bot.js";

/**
 * The phone simulator: a text "from" the lead's phone to our Sandbox number, taking exactly the
 * path a carrier's inbound message takes. Runs after the caller's read of the conversation.
 */
export async function replyAsLead(
  ctx: TCtx,
  app: Pick<TAppContext, "db" | "boss" | "publish" | "config">,
  input: { conversationId: string; body: string },
): Promise<{ conversationId: string }> {
  const conversation = await getConversation(ctx.tx, input.conversationId);
  const { rows } = await ctx.tx.client.query<{ provider: string }>(
    "select provider from phone_numbers where e164 = $1",
    [conversation.ourNumber],
  );
  if (rows[0]?.provider !== "sandbox")
    throw new AppError("BAD_REQUEST", "The phone simulator only works with Sandbox numbers");
  const result = await receiveInbound(app, {
    orgId: ctx.actor.orgId,
    provider: "sandbox",
    sid: `SMsim${randomBytes(14).toString("hex")}`,
    from: conversation.leadPhone,
    to: conversation.ourNumber,
    body: input.body,
  });
  return { conversationId: result.conversationId ?? input.conversationId };
}

export async function getSandboxSettings(ctx: TCtx) {
  return {
    botEnabled: await readSandboxBotSetting(ctx.tx),
    personas: SANDBOX_PERSONAS.map((p) => ({ ...p })),
  };
}

export async function setSandboxBot(ctx: TCtx, enabled: boolean) {
  await ctx.tx.client.query(
    "update organizations set sms_settings = sms_settings || jsonb_build_object('sandboxBot', $1::boolean)",
    [enabled],
  );
  return getSandboxSettings(ctx);
}
