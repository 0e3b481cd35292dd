import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export function usePlaybooks() {
  const trpc = useTRPC();
  return useQuery(trpc.playbooks.list.queryOptions());
}

export function usePlaybook(playbookId: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.playbooks.get.queryOptions({ playbookId: playbookId ?? "" }),
    enabled: playbookId !== null,
  });
}

/** One stored version; versions never change, so they are cached for good. */
export function usePlaybookVersion(playbookId: string, version: number, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.playbooks.getVersion.queryOptions({ playbookId, version }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Saving makes a new version: the list (current version, updated) and this playbook refresh. */
export function useSavePlaybook() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.playbooks.save.mutationOptions({
      onSettled: async (version) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.playbooks.list.queryKey() }),
          version
            ? queryClient.invalidateQueries({
                queryKey: trpc.playbooks.get.queryKey({ playbookId: version.playbookId }),
              })
            : Promise.resolve(),
        ]);
      },
    }),
  );
}
