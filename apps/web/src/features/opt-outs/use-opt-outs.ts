import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export function useOptOuts(input: { search: string; page: number; pageSize: number }) {
  const trpc = useTRPC();
  return useQuery(trpc.optOuts.list.queryOptions(input, { placeholderData: keepPreviousData }));
}

export function useInvalidateOptOuts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A lead's "opted out" badge follows the list.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.optOuts.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.leads.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey() }),
    ]);
}

export function useAddOptOut() {
  const trpc = useTRPC();
  const invalidate = useInvalidateOptOuts();
  return useMutation(trpc.optOuts.add.mutationOptions({ onSettled: invalidate }));
}

export function useRemoveOptOut() {
  const trpc = useTRPC();
  const invalidate = useInvalidateOptOuts();
  return useMutation(trpc.optOuts.remove.mutationOptions({ onSettled: invalidate }));
}
