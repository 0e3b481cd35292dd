import type { TTeamMember } from "@plaibook/shared";
import type { TCtx } from "../../platform/context.js";
import { findTeamMembers } from "./queries.js";

export function listUsers(ctx: TCtx): Promise<TTeamMember[]> {
  return findTeamMembers(ctx.tx);
}
