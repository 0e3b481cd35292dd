import { ZSaveIntegrationInput } from "@plaibook/shared";
import { z } from "zod";
import { CrmError, NotifyError } from "../../integrations/ports.js";
import { AppError } from "../../platform/errors.js";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { recordAudit } from "../audit/record-audit.js";
import {
  listIntegrations,
  loadCrm,
  loadNotifier,
  removeIntegration,
  saveIntegration,
} from "./org-integrations.js";

const ZKind = z.object({ kind: z.enum(["fieldroutes", "slack"]) });

export const integrationsRouter = router({
  list: procedureWith("org.settings").query(({ ctx }) => listIntegrations(ctx.uc.tx)),
  save: procedureWith("org.settings")
    .input(ZSaveIntegrationInput)
    .mutation(async ({ ctx, input }) => {
      await saveIntegration(ctx.uc.tx, ctx.services.app.secretsKey, input);
      await recordAudit(ctx.uc.tx, ctx.uc.meta, {
        action: "integration.saved",
        orgId: ctx.uc.actor.orgId,
        actorUserId: ctx.uc.actor.userId,
        details: { kind: input.kind, credentialsChanged: Boolean(input.secrets) },
      });
      return listIntegrations(ctx.uc.tx);
    }),
  remove: procedureWith("org.settings")
    .input(ZKind)
    .mutation(async ({ ctx, input }) => {
      await removeIntegration(ctx.uc.tx, input.kind);
      await recordAudit(ctx.uc.tx, ctx.uc.meta, {
        action: "integration.removed",
        orgId: ctx.uc.actor.orgId,
        actorUserId: ctx.uc.actor.userId,
        details: { kind: input.kind },
      });
      return listIntegrations(ctx.uc.tx);
    }),
  /** Tries the connection: a test alert to Slack, or the next week's open slots from FieldRoutes. */
  test: procedureWith("org.settings")
    .input(ZKind)
    .mutation(async ({ ctx, input }) => {
      try {
        if (input.kind === "slack") {
          const notifier = await loadNotifier(ctx.uc.tx, ctx.services.app);
          if (!notifier) throw new AppError("BAD_REQUEST", "Connect Slack first");
          await notifier.post({ text: "Plaibook test alert: escalations will appear here." });
          return { ok: true, detail: "Test alert posted to Slack" };
        }
        const crm = await loadCrm(ctx.uc.tx, ctx.services.app);
        if (!crm) throw new AppError("BAD_REQUEST", "Connect FieldRoutes first");
        const slots = await crm.listOpenSlots({
          from: new Date(),
          to: new Date(Date.now() + 7 * 86_400_000),
        });
        return { ok: true, detail: `FieldRoutes answered: ${slots.length} open slots in the next 7 days` };
      } catch (error) {
        if (error instanceof NotifyError || error instanceof CrmError)
          throw new AppError("BAD_REQUEST", `The connection test failed: ${error.message}`);
        throw error;
      }
    }),
});
