import type { TSessionOrg, TSessionUser } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { Link } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ArrowRight, Check } from "lucide-react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Card } from "../../components/card";
import { ROLE_LABELS } from "../../lib/format";

/** What this role can do today; later features add their own lines. */
export function capabilitiesFor(role: TSessionUser["role"]): string[] {
  const lines: string[] = [];
  if (can(role, "campaigns.manage"))
    lines.push("Write playbooks, import leads and launch SMS campaigns; watch their funnels fill live.");
  else if (can(role, "leads.edit"))
    lines.push("Add and edit leads, follow their conversations and keep your tasks.");
  else lines.push("Follow campaigns, leads and conversations as they happen.");
  if (can(role, "sandbox.simulate"))
    lines.push("Reply as any lead from the phone simulator to try a campaign end to end.");
  if (can(role, "team.view"))
    lines.push("See everyone on your team, their roles and when they last signed in.");
  if (can(role, "team.manage")) {
    lines.push(
      role === "owner"
        ? "Invite teammates, assign any role (including owner) and deactivate or reactivate accounts."
        : "Invite teammates, assign roles up to admin and deactivate or reactivate accounts.",
    );
  } else {
    lines.push("Ask an admin or owner when someone needs to be invited or have their role changed.");
  }
  return lines;
}

export function WelcomeCard({ user, org }: { user: TSessionUser; org: TSessionOrg }) {
  return (
    <Card className="p-6 sm:p-8">
      <p className="text-sm font-medium text-indigo-600">{org.name}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Welcome, {user.name}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        You're signed in as <Badge tone="accent">{ROLE_LABELS[user.role]}</Badge>
      </p>

      <h2 className="mt-6 text-sm font-semibold text-slate-900">What you can do</h2>
      <ul className="mt-2 space-y-2">
        {capabilitiesFor(user.role).map((line) => (
          <li key={line} className="flex gap-2 text-sm text-slate-600">
            <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-500" />
            {line}
          </li>
        ))}
      </ul>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-4 border-t border-slate-100 pt-5">
        <p className="text-sm text-slate-500">
          The live Cockpit and call analysis will appear here as they arrive.
        </p>
        <Link
          to="/campaigns"
          className={clsx(
            "inline-flex items-center gap-1 rounded-md text-sm font-medium text-indigo-600 hover:text-indigo-500",
            focusRing,
          )}
        >
          Go to campaigns <ArrowRight aria-hidden="true" className="size-4" />
        </Link>
      </div>
    </Card>
  );
}
