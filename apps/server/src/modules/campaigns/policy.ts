import type { TCampaignStatus } from "@plaibook/shared";
import { AppError } from "../../platform/errors.js";

const TRANSITIONS: Record<TCampaignStatus, TCampaignStatus[]> = {
  draft: ["active", "completed"],
  active: ["paused", "completed"],
  paused: ["active", "completed"],
  completed: [],
};

export function assertTransition(from: TCampaignStatus, to: TCampaignStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError("CONFLICT", `A ${from} campaign cannot become ${to}`);
  }
}

export function assertEditable(status: TCampaignStatus): void {
  if (status !== "draft" && status !== "paused") {
    throw new AppError("CONFLICT", `Pause the campaign before editing it (it is ${status})`);
  }
}
