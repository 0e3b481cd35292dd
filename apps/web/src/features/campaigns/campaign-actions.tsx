import type { TCampaignStatus, TRole } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { CheckCheck, Pause, Pencil, Play, Rocket } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "../../components/button";

export type TCampaignTarget = "active" | "paused" | "completed";
export type TCampaignAction = "launch" | "pause" | "resume" | "complete" | "edit";

/** What a role may do to a campaign in a given status; mirrors the server's transitions. */
export function campaignActionsFor(role: TRole, status: TCampaignStatus): TCampaignAction[] {
  if (!can(role, "campaigns.manage")) return [];
  switch (status) {
    case "draft":
      return ["launch", "edit"];
    case "active":
      return ["pause", "complete"];
    case "paused":
      return ["resume", "edit", "complete"];
    case "completed":
      return [];
  }
}

export const ACTION_TARGET: Record<Exclude<TCampaignAction, "edit">, TCampaignTarget> = {
  launch: "active",
  pause: "paused",
  resume: "active",
  complete: "completed",
};

const ACTION_UI: Record<
  TCampaignAction,
  { label: string; icon: ReactNode; variant: "primary" | "secondary" }
> = {
  launch: { label: "Launch", icon: <Rocket aria-hidden="true" className="size-4" />, variant: "primary" },
  resume: { label: "Resume", icon: <Play aria-hidden="true" className="size-4" />, variant: "primary" },
  pause: { label: "Pause", icon: <Pause aria-hidden="true" className="size-4" />, variant: "secondary" },
  edit: { label: "Edit", icon: <Pencil aria-hidden="true" className="size-4" />, variant: "secondary" },
  complete: {
    label: "Complete",
    icon: <CheckCheck aria-hidden="true" className="size-4" />,
    variant: "secondary",
  },
};

export type TCampaignActionsProps = {
  actorRole: TRole;
  status: TCampaignStatus;
  onAction: (action: TCampaignAction) => void;
  /** The action whose request is in flight: it spins, the others wait. */
  pending?: TCampaignAction | null;
};

export function CampaignActions({ actorRole, status, onAction, pending = null }: TCampaignActionsProps) {
  const actions = campaignActionsFor(actorRole, status);
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((action) => {
        const ui = ACTION_UI[action];
        return (
          <Button
            key={action}
            variant={ui.variant}
            icon={ui.icon}
            loading={pending === action}
            disabled={pending !== null && pending !== action}
            onClick={() => onAction(action)}
          >
            {ui.label}
          </Button>
        );
      })}
    </div>
  );
}
