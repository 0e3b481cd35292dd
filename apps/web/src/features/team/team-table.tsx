import type { TRole, TTeamMember, TUserStatus } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import type { TBadgeTone } from "../../components/badge";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { formatDate, formatDateTime, initials, ROLE_LABELS, STATUS_LABELS } from "../../lib/format";
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

const th =
  "px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase whitespace-nowrap";
const td = "px-4 py-3 text-sm whitespace-nowrap";

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
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Team members</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              Email
            </th>
            <th scope="col" className={th}>
              Role
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Last login
            </th>
            <th scope="col" className={th}>
              Joined
            </th>
            {canManage ? (
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {members.map((member) => {
            const actions = memberActions(actor, member);
            const busy = busyUserId === member.id;
            const isSelf = member.id === actor.id;
            return (
              <tr key={member.id} className={member.status === "deactivated" ? "bg-slate-50/60" : undefined}>
                <th scope="row" className={`${td} text-left font-normal`}>
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
                <td className={`${td} text-slate-600`}>{member.email}</td>
                <td className={`${td} text-slate-700`}>
                  {actions.roleOptions.length > 0 && onChangeRole ? (
                    <SelectField
                      label={`Role for ${member.name}`}
                      hideLabel
                      controlSize="sm"
                      className="w-32"
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
                <td className={td}>
                  <Badge tone={STATUS_TONES[member.status]}>{STATUS_LABELS[member.status]}</Badge>
                </td>
                <td className={`${td} text-slate-600`}>
                  {member.lastLoginAt ? (
                    <time dateTime={member.lastLoginAt}>{formatDateTime(member.lastLoginAt)}</time>
                  ) : (
                    <span className="text-slate-400">Never</span>
                  )}
                </td>
                <td className={`${td} text-slate-600`}>
                  <time dateTime={member.createdAt}>{formatDate(member.createdAt)}</time>
                </td>
                {canManage ? (
                  <td className={`${td} text-right`}>
                    {actions.canDeactivate && onDeactivate ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-rose-600 hover:bg-rose-50 hover:text-rose-700"
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
        </tbody>
      </table>
    </div>
  );
}

export function TeamTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        Loading team members
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="flex items-center gap-4 px-4 py-4">
          <Skeleton className="size-8 rounded-full" />
          <Skeleton className="h-4 w-32" />
          <Skeleton className="hidden h-4 w-48 sm:block" />
          <Skeleton className="ml-auto h-4 w-16" />
        </div>
      ))}
    </div>
  );
}
