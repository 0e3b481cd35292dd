import type { TTeamMember } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { UserPlus, Users } from "lucide-react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { ROLE_LABELS } from "../../lib/format";
import { useSession } from "../auth/use-auth";
import { InviteUserDialog } from "./invite-user-dialog";
import { TeamTable, TeamTableSkeleton } from "./team-table";
import {
  useChangeRole,
  useDeactivateUser,
  useInviteUser,
  useReactivateUser,
  useTeamMembers,
} from "./use-team";

/** The team settings card: member list for everyone, management controls for admins and owners. */
export function TeamPanel() {
  const { user } = useSession();
  const actor = { id: user.id, role: user.role };
  const canManage = can(user.role, "team.manage");

  const members = useTeamMembers();
  const invite = useInviteUser();
  const changeRole = useChangeRole();
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();

  const [inviteOpen, setInviteOpen] = useState(false);
  const [confirmTarget, setConfirmTarget] = useState<TTeamMember | null>(null);

  const busyUserId =
    (changeRole.isPending && changeRole.variables?.userId) ||
    (deactivate.isPending && deactivate.variables?.userId) ||
    (reactivate.isPending && reactivate.variables?.userId) ||
    null;

  const fail = (title: string) => (error: unknown) => toast.error(title, getErrorMessage(error));

  const body = (() => {
    if (members.isPending) return <TeamTableSkeleton />;
    if (members.isError) {
      return (
        <ErrorState
          title="Couldn't load your team"
          message={getErrorMessage(members.error)}
          onRetry={() => void members.refetch()}
          retrying={members.isFetching}
        />
      );
    }
    if (members.data.length === 0) {
      return (
        <EmptyState
          icon={<Users aria-hidden="true" className="size-8" />}
          title="No team members yet"
          description={canManage ? "Invite your teammates to get started." : undefined}
        />
      );
    }
    return (
      <TeamTable
        members={members.data}
        actor={actor}
        busyUserId={busyUserId}
        onChangeRole={(member, role) =>
          changeRole.mutate(
            { userId: member.id, role },
            {
              onSuccess: (updated) => toast.success(`${updated.name} is now ${ROLE_LABELS[updated.role]}`),
              onError: fail(`Couldn't change ${member.name}'s role`),
            },
          )
        }
        onDeactivate={setConfirmTarget}
        onReactivate={(member) =>
          reactivate.mutate(
            { userId: member.id },
            {
              onSuccess: (updated) => toast.success(`${updated.name} was reactivated`),
              onError: fail(`Couldn't reactivate ${member.name}`),
            },
          )
        }
      />
    );
  })();

  return (
    <>
      <Card>
        <CardHeader
          title="Team members"
          description={
            canManage
              ? "Invite teammates, change their roles, or remove their access."
              : "Everyone in your organisation. Ask an admin or owner to make changes."
          }
          actions={
            canManage ? (
              <Button
                onClick={() => setInviteOpen(true)}
                icon={<UserPlus aria-hidden="true" className="size-4" />}
              >
                Invite user
              </Button>
            ) : null
          }
        />
        {body}
      </Card>

      {canManage ? (
        <>
          <InviteUserDialog
            open={inviteOpen}
            onClose={() => setInviteOpen(false)}
            actorRole={user.role}
            onInvite={(input) => invite.mutateAsync(input)}
          />
          <ConfirmDialog
            open={confirmTarget !== null}
            title={`Deactivate ${confirmTarget?.name ?? "user"}?`}
            description="They will lose access to Plaibook until someone reactivates them. Their history stays."
            confirmLabel="Deactivate"
            pending={deactivate.isPending}
            onCancel={() => setConfirmTarget(null)}
            onConfirm={() => {
              if (!confirmTarget) return;
              const target = confirmTarget;
              deactivate.mutate(
                { userId: target.id },
                {
                  onSuccess: (updated) => toast.success(`${updated.name} was deactivated`),
                  onError: fail(`Couldn't deactivate ${target.name}`),
                  onSettled: () => setConfirmTarget(null),
                },
              );
            }}
          />
        </>
      ) : null}
    </>
  );
}
