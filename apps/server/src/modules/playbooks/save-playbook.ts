import { can, type TPlaybookVersion, type ZSavePlaybookInput } from "@plaibook/shared";
import type { z } from "zod";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import {
  bumpPlaybookVersion,
  getPlaybookVersionById,
  insertPlaybook,
  insertPlaybookVersion,
} from "./queries.js";

/** Creates a playbook or saves a new immutable version of one; earlier versions never change. */
export async function savePlaybook(
  ctx: TCtx,
  input: z.output<typeof ZSavePlaybookInput>,
): Promise<TPlaybookVersion> {
  if (!can(ctx.actor.role, "playbooks.edit"))
    throw new AppError("FORBIDDEN", "Only managers and above edit playbooks");
  const { tx, actor } = ctx;
  const playbookId =
    input.playbookId ??
    (await insertPlaybook(tx, { orgId: actor.orgId, name: input.name, description: input.description }));
  const version = await bumpPlaybookVersion(tx, playbookId, {
    name: input.name,
    description: input.description,
  });
  const versionId = await insertPlaybookVersion(tx, {
    orgId: actor.orgId,
    playbookId,
    version,
    content: input.content,
    note: input.note,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx.meta, {
    action: input.playbookId ? "playbook.version_saved" : "playbook.created",
    orgId: actor.orgId,
    actorUserId: actor.userId,
    targetType: "playbook",
    targetId: playbookId,
    details: { version },
  });
  return getPlaybookVersionById(tx, versionId);
}
