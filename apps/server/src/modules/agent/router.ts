import { ZAiSettingsView, ZCalendarSettings, ZConsoleTurnInput, ZOrgAiSettings } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { findLeadAppointments } from "../appointments/queries.js";
import { recordAudit } from "../audit/record-audit.js";
import { summariseUsage } from "../billing/usage-summary.js";
import { runConsoleTurn } from "./console.js";

async function readSettings(tx: Parameters<typeof findLeadAppointments>[0]) {
  const { rows } = await tx.client.query<{ ai_settings: unknown; calendar_settings: unknown }>(
    "select ai_settings, calendar_settings from organizations limit 1",
  );
  return {
    ai: ZOrgAiSettings.parse(rows[0]?.ai_settings ?? {}),
    calendar: ZCalendarSettings.parse(rows[0]?.calendar_settings ?? {}),
  };
}

export const agentRouter = router({
  /** Chat with the agent on a playbook version; the Overseer's verdicts come with each reply. */
  console: procedureWith("agent.console")
    .input(ZConsoleTurnInput)
    .mutation(({ ctx, input }) => runConsoleTurn(ctx.uc, ctx.services.app, input)),

  settings: procedureWith("campaigns.view")
    .output(ZAiSettingsView)
    .query(async ({ ctx }) => ({
      ...(await readSettings(ctx.uc.tx)),
      llmAvailable: Boolean(ctx.services.config.OPENROUTER_API_KEY),
    })),

  saveSettings: procedureWith("org.settings")
    .input(z.object({ ai: ZOrgAiSettings, calendar: ZCalendarSettings }))
    .mutation(async ({ ctx, input }) => {
      await ctx.uc.tx.client.query(
        "update organizations set ai_settings = $1, calendar_settings = $2, updated_at = now()",
        [input.ai, input.calendar],
      );
      await recordAudit(ctx.uc.tx, ctx.uc.meta, {
        action: "org.ai_settings_updated",
        orgId: ctx.uc.actor.orgId,
        actorUserId: ctx.uc.actor.userId,
        details: { model: input.ai.model, fallbackModel: input.ai.fallbackModel, engine: input.ai.engine },
      });
      return {
        ...(await readSettings(ctx.uc.tx)),
        llmAvailable: Boolean(ctx.services.config.OPENROUTER_API_KEY),
      };
    }),

  usage: procedureWith("usage.view")
    .input(z.object({ days: z.number().int().min(1).max(366).default(30) }).default({ days: 30 }))
    .query(async ({ ctx, input }) => {
      const { calendar } = await readSettings(ctx.uc.tx);
      return summariseUsage(ctx.uc.tx, { days: input.days, timeZone: calendar.timeZone });
    }),

  appointments: procedureWith("leads.view")
    .input(z.object({ leadId: z.uuid() }))
    .query(({ ctx, input }) => findLeadAppointments(ctx.uc.tx, input.leadId)),
});
