import type { TCallListQuery, TCallProgressEvent } from "@plaibook/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { TOrgEvent } from "../../lib/socket";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";
import { applyProgress, pageHasCall, patchListPage } from "./call-progress-patch";
import { useUploadStore } from "./upload-queue";

/** `call.progress` (see the server's calls/events.ts): where a call stands in the pipeline. */
export const CALL_PROGRESS_EVENT: TOrgEvent = "call.progress";

/** Calls `handler` for every `call.progress` event while the component is mounted. */
export function useCallProgressEvents(handler: (event: TCallProgressEvent) => void): void {
  useOrgEvent<TCallProgressEvent>(CALL_PROGRESS_EVENT, handler);
}

export function useCallsPage(query: TCallListQuery) {
  const trpc = useTRPC();
  // Keep the current page on screen while the next one (or new filters) load.
  return useQuery(trpc.calls.list.queryOptions(query, { placeholderData: keepPreviousData }));
}

export function useCall(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.calls.get.queryOptions({ id }));
}

/** The people a call can be filed under (the rep filter and the upload form). */
export function useCallReps() {
  const trpc = useTRPC();
  return useQuery(trpc.calls.reps.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** Gives a waiting call its transcript; the call then moves on live (call.progress). */
export function useSupplyTranscript() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.calls.supplyTranscript.mutationOptions({
      onSuccess: (call) =>
        queryClient.setQueryData(trpc.calls.get.queryKey({ id: call.id }), (old) =>
          old
            ? applyProgress(old, {
                callId: call.id,
                status: call.status,
                progress: call.progress,
                statusReason: call.statusReason,
                durationSeconds: call.durationSeconds,
              })
            : old,
        ),
    }),
  );
}

export function useRetryCall() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.calls.retry.mutationOptions({
      onSuccess: (call) => {
        const event = {
          callId: call.id,
          status: call.status,
          progress: call.progress,
          statusReason: call.statusReason,
          durationSeconds: call.durationSeconds,
        };
        queryClient.setQueriesData({ queryKey: trpc.calls.list.queryKey() }, (old: unknown) =>
          old ? patchListPage(old as Parameters<typeof patchListPage>[0], event) : old,
        );
        queryClient.setQueryData(trpc.calls.get.queryKey({ id: call.id }), (old) =>
          old ? applyProgress(old, event) : old,
        );
      },
    }),
  );
}

export function useCallSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.callSettings.get.queryOptions());
}

export function useSaveCallSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.callSettings.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.callSettings.get.queryKey(), saved),
    }),
  );
}

/** New calls and finished analyses are fetched at most this often (a batch upload sends many events). */
export const LIST_REFRESH_MS = 1_000;

/**
 * Keeps the cached Calls list pages and call pages live from `call.progress`: a call's status and
 * progress are written straight into the caches (no refetch, no flicker); a call the lists do not hold
 * yet (just uploaded) or one whose analysis finished (outcome, objections) refreshes the lists, and a
 * finished analysis refetches that call's page (its transcript and analysis). The upload list follows
 * its calls from the same events.
 */
export function useLiveCallProgress() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refreshListsSoon = useCallback(() => {
    timer.current ??= setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: trpc.calls.list.queryKey() });
    }, LIST_REFRESH_MS);
  }, [queryClient, trpc]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onProgress = useCallback(
    (event: TCallProgressEvent) => {
      useUploadStore.getState().onProgress(event);
      const listKey = trpc.calls.list.queryKey();
      let known = false;
      for (const [key, page] of queryClient.getQueriesData<Parameters<typeof patchListPage>[0]>({
        queryKey: listKey,
      })) {
        if (!page || !pageHasCall(page, event.callId)) continue;
        known = true;
        queryClient.setQueryData(key, patchListPage(page, event));
      }
      // A call not on any cached page is new (received) or may now match a filter (its step ended);
      // a call that is there only needs the list's analysis columns once it is analysed.
      const stepEnded =
        event.status !== "transcoding" && event.status !== "transcribing" && event.status !== "analyzing";
      if (known ? event.status === "analyzed" : stepEnded) refreshListsSoon();

      const detailKey = trpc.calls.get.queryKey({ id: event.callId });
      const detail = queryClient.getQueryData(detailKey);
      if (detail) {
        queryClient.setQueryData(detailKey, applyProgress(detail, event));
        // The transcript and the analysis arrive with the last step: fetch them.
        if (event.status === "analyzed" || event.status === "needs_transcript")
          void queryClient.invalidateQueries({ queryKey: detailKey });
      }
    },
    [queryClient, refreshListsSoon, trpc],
  );
  useCallProgressEvents(onProgress);
}
