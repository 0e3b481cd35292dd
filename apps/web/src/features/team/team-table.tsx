import type { TRole, TTeamMember, TUserStatus } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { clsx } from "clsx";
import type { TBadgeTone } from "../../components/badge";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { StackedTable, stackedCellLabel } from "../../components/stacked-table";
import { TableSkeletonRows } from "../../components/table-states";
import {
  formatDate,
  formatDateTime,
  formatRelative,
  initials,
  ROLE_LABELS,
  STATUS_LABELS,
} from "../../lib/format";
import type { TActor } from "./member-permissions";
import { memberActions } from "./member-permissions";

const STATUS_TONES: Record<TUserStatus, TBadgeTone> = {
  active: "success",
  invited: "warning",
  deactivated: "neutral",
};

export type TTeamTableProps = {
  members: ReadonlyArray<TTeamMember>;
  actor: TActor;
  onChangeRole?: (member: TTeamMember, role: TRole) => void;
  onDeactivate?: (member: TTeamMember) => void;
  onReactivate?: (member: TTeamMember) => void;
  /** A member with a request in flight; their controls are disabled meanwhile. */
  busyUserId?: string | null;
};

/**
 * On phones each row becomes a small card (cells stack, labelled by `data-label`); from `sm` up it is a
 * normal table. One DOM either way, so every value appears exactly once.
 */
const td = `block text-sm sm:table-cell sm:px-3 sm:py-3 sm:whitespace-nowrap ${stackedCellLabel}`;

export function TeamTable({
  members,
  actor,
  onChangeRole,
  onDeactivate,
  onReactivate,
  busyUserId = null,
}: TTeamTableProps) {
  const canManage = can(actor.role, "team.manage");
  return (
    <StackedTable
      caption="Team members"
      headerPadding="px-3 py-3"
      columns={[
        { label: "Name" },
        { label: "Email" },
        { label: "Role" },
        { label: "Status" },
        { label: "Last login" },
        { label: "Joined" },
        ...(canManage ? [{ label: "Actions", srOnly: true }] : []),
      ]}
    >
      {members.map((member) => {
        const actions = memberActions(actor, member);
        const busy = busyUserId === member.id;
        const isSelf = member.id === actor.id;
        return (
          <tr
            key={member.id}
            className={clsx(
              "grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 sm:table-row sm:p-0",
              member.status === "deactivated" && "bg-slate-50/60",
            )}
          >
            <th
              scope="row"
              className="col-span-2 block text-left text-sm font-normal sm:table-cell sm:px-3 sm:py-3 sm:whitespace-nowrap"
            >
              <div className="flex items-center gap-3">
                <span
                  aria-hidden="true"
                  className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-xs font-semibold text-indigo-700"
                >
                  {initials(member.name)}
                </span>
                <span className="font-medium text-slate-900">{member.name}</span>
                {isSelf ? <Badge tone="accent">You</Badge> : null}
              </div>
            </th>
            <td data-label="Email" className={clsx(td, "col-span-2 break-all text-slate-600")}>
              {member.email}
            </td>
            <td data-label="Role" className={clsx(td, "text-slate-700")}>
              {actions.roleOptions.length > 0 && onChangeRole ? (
                <SelectField
                  label={`Role for ${member.name}`}
                  hideLabel
                  controlSize="sm"
                  className="w-30"
                  value={member.role}
                  disabled={busy}
                  options={actions.roleOptions.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                  onChange={(e) => {
                    const role = actions.roleOptions.find((r) => r === e.target.value);
                    if (role && role !== member.role) onChangeRole(member, role);
                  }}
                />
              ) : (
                ROLE_LABELS[member.role]
              )}
            </td>
            <td data-label="Status" className={td}>
              <Badge tone={STATUS_TONES[member.status]}>{STATUS_LABELS[member.status]}</Badge>
            </td>
            <td data-label="Last login" className={clsx(td, "text-slate-600")}>
              {member.lastLoginAt ? (
                <time dateTime={member.lastLoginAt} title={formatDateTime(member.lastLoginAt)}>
                  {formatRelative(member.lastLoginAt)}
                </time>
              ) : (
                <span className="text-slate-400">Never</span>
              )}
            </td>
            <td data-label="Joined" className={clsx(td, "text-slate-600")}>
              <time dateTime={member.createdAt}>{formatDate(member.createdAt)}</time>
            </td>
            {canManage ? (
              <td className="col-span-2 block text-sm empty:hidden sm:table-cell sm:px-3 sm:py-3 sm:text-right">
                {actions.canDeactivate && onDeactivate ? (
                  <Button
                    variant="danger-ghost"
                    size="sm"
                    className="-ml-2.5 sm:ml-0"
                    disabled={busy}
                    aria-label={`Deactivate ${member.name}`}
                    onClick={() => onDeactivate(member)}
                  >
                    Deactivate
                  </Button>
                ) : null}
                {actions.canReactivate && onReactivate ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    loading={busy}
                    aria-label={`Reactivate ${member.name}`}
                    onClick={() => onReactivate(member)}
                  >
                    Reactivate
                  </Button>
                ) : null}
              </td>
            ) : null}
          </tr>
        );
      })}
    </StackedTable>
  );
}

export function TeamTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <TableSkeletonRows label="Loading team members" rows={rows}>
      <Skeleton className="size-8 rounded-full" />
      <Skeleton className="h-4 w-32" />
      <Skeleton className="hidden h-4 w-48 sm:block" />
      <Skeleton className="ml-auto h-4 w-16" />
    </TableSkeletonRows>
  );
}
