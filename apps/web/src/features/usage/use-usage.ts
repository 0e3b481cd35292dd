import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export const USAGE_RANGES = [7, 30, 90] as const;
export type TUsageRange = (typeof USAGE_RANGES)[number];

export function useUsage(days: TUsageRange, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.agent.usage.queryOptions({ days }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
