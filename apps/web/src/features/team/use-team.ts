import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export function useTeamMembers() {
  const trpc = useTRPC();
  return useQuery(trpc.users.list.queryOptions());
}

/** Every team mutation refreshes the member list when it settles (no optimistic updates). */
function useInvalidateMembers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
}

export function useInviteUser() {
  const trpc = useTRPC();
  const invalidate = useInvalidateMembers();
  return useMutation(trpc.users.invite.mutationOptions({ onSettled: invalidate }));
}

export function useChangeRole() {
  const trpc = useTRPC();
  const invalidate = useInvalidateMembers();
  return useMutation(trpc.users.changeRole.mutationOptions({ onSettled: invalidate }));
}

export function useDeactivateUser() {
  const trpc = useTRPC();
  const invalidate = useInvalidateMembers();
  return useMutation(trpc.users.deactivate.mutationOptions({ onSettled: invalidate }));
}

export function useReactivateUser() {
  const trpc = useTRPC();
  const invalidate = useInvalidateMembers();
  return useMutation(trpc.users.reactivate.mutationOptions({ onSettled: invalidate }));
}
