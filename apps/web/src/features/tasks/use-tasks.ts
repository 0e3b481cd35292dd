import type { TTask } from "@plaibook/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export type TTaskFilter = { mine?: boolean; includeDone?: boolean; leadId?: string };

export function useTasks(filter: TTaskFilter) {
  const trpc = useTRPC();
  return useQuery(trpc.tasks.list.queryOptions(filter));
}

function useInvalidateTasks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tasks.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey() }),
    ]);
}

export function useCreateTask() {
  const trpc = useTRPC();
  const invalidate = useInvalidateTasks();
  return useMutation(trpc.tasks.create.mutationOptions({ onSettled: invalidate }));
}

/** Ticks the box at once in every cached list; rolls back if the server refuses. */
export function useSetTaskDone() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateTasks();
  const listKey = trpc.tasks.list.queryKey();
  return useMutation(
    trpc.tasks.setDone.mutationOptions({
      onMutate: async ({ taskId, done }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueriesData<TTask[]>({ queryKey: listKey });
        queryClient.setQueriesData<TTask[]>({ queryKey: listKey }, (tasks) =>
          tasks?.map((t) => (t.id === taskId ? { ...t, done } : t)),
        );
        return { snapshot };
      },
      onError: (_error, _input, context) => {
        for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      },
      onSettled: invalidate,
    }),
  );
}
