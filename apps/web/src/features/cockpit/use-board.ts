import type { TBoard, TBoardFilter, TBoardSort, TControlEvent, TMessageEvent } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { Socket } from "socket.io-client";
import { getSocket, useOrgEvent } from "../../lib/socket";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { useSession } from "../auth/use-auth";
import { applyBoardChanges, takeBatch } from "./board-patch";
import { useReplyingStore } from "./replying-store";

/** Live events for a burst of conversations are gathered this long, then fetched in one call. */
export const CHANGES_DEBOUNCE_MS = 150;
/**
 * And at most one call this often: on a busy board every manager's Cockpit would otherwise ask the
 * server several times a second (each call also recounts the board).
 */
export const CHANGES_MIN_INTERVAL_MS = 1000;
const WATCH_MAX = 500;

/** Milliseconds until the next `changes` call may go, given when the last one went. */
export const nextFlushIn = (lastFlushAt: number, now = Date.now()) =>
  Math.max(CHANGES_DEBOUNCE_MS, lastFlushAt + CHANGES_MIN_INTERVAL_MS - now);

type TFilter = TBoardFilter & { sort: TBoardSort };
type TConversationEvent = { conversationId: string };

/** Tells the server which conversations this person watches (reps see only theirs; a no-op for managers). */
function watch(socket: Socket | null, ids: ReadonlyArray<string>) {
  if (!socket) return;
  for (let i = 0; i < ids.length; i += WATCH_MAX) {
    socket.emit("conversation.watch", ids.slice(i, i + WATCH_MAX), () => undefined);
  }
}

/**
 * The Cockpit board, kept live: conversation events are debounced into `cockpit.changes({ ids })` and
 * patched into the cached board (no refetch, no flicker); after a socket reconnect the board asks for
 * everything changed since its `asOf`, and the open threads are refetched.
 */
export function useLiveBoard(filter: TFilter) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const board = useQuery(trpc.cockpit.board.queryOptions(filter, { placeholderData: keepPreviousData }));

  const filterRef = useRef(filter);
  filterRef.current = filter;
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastFlushAt = useRef(0);

  const patch = useCallback(
    (forFilter: TFilter, update: (board: TBoard) => TBoard) =>
      queryClient.setQueryData(trpc.cockpit.board.queryKey(forFilter), (old) => (old ? update(old) : old)),
    [queryClient, trpc],
  );

  const flush = useCallback(() => {
    timer.current = null;
    const ids = takeBatch(pending.current);
    if (ids.length === 0) return;
    lastFlushAt.current = Date.now();
    const forFilter = filterRef.current;
    client.cockpit.changes.query({ filter: forFilter, ids }).then(
      (changes) => patch(forFilter, (old) => applyBoardChanges(old, changes, forFilter.sort)),
      () => void queryClient.invalidateQueries({ queryKey: trpc.cockpit.board.queryKey(forFilter) }),
    );
    if (pending.current.size > 0) timer.current = setTimeout(flush, nextFlushIn(lastFlushAt.current));
  }, [client, patch, queryClient, trpc]);

  const touch = useCallback(
    (conversationId: string) => {
      pending.current.add(conversationId);
      timer.current ??= setTimeout(flush, nextFlushIn(lastFlushAt.current));
    },
    [flush],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const startReplying = useReplyingStore((s) => s.start);
  const stopReplying = useReplyingStore((s) => s.stop);
  const onEvent = useCallback((event: TConversationEvent) => touch(event.conversationId), [touch]);
  const onMessage = useCallback(
    (event: TMessageEvent) => {
      stopReplying(event.conversationId);
      touch(event.conversationId);
    },
    [stopReplying, touch],
  );
  const onReplying = useCallback(
    (event: TConversationEvent) => startReplying(event.conversationId),
    [startReplying],
  );
  useOrgEvent<TMessageEvent>("message.created", onMessage);
  useOrgEvent<TMessageEvent>("message.status", onEvent);
  useOrgEvent<TConversationEvent>("conversation.updated", onEvent);
  useOrgEvent<TControlEvent>("conversation.control", onEvent);
  useOrgEvent<TConversationEvent>("turn.analyzed", onEvent);
  useOrgEvent<TConversationEvent>("escalation.raised", onEvent);
  useOrgEvent<TConversationEvent>("escalation.acknowledged", onEvent);
  useOrgEvent<TConversationEvent>("agent.replying", onReplying);

  // Reps hear about a conversation only once they watch it: after every load, watch what the board shows.
  const watchAll = !can(user.role, "conversations.viewAll");
  const idsKey = watchAll ? (board.data?.rows.map((r) => r.id).join(",") ?? "") : "";
  useEffect(() => {
    if (!idsKey) return;
    watch(getSocket() as Socket | null, idsKey.split(","));
  }, [idsKey]);

  // Back from a disconnect: catch up on what changed meanwhile, and refetch the open conversation.
  const asOfRef = useRef<string | null>(null);
  asOfRef.current = board.data?.asOf ?? null;
  const idsRef = useRef(idsKey);
  idsRef.current = idsKey;
  useEffect(() => {
    const socket = getSocket() as Socket | null;
    if (!socket) return;
    let wasDisconnected = false;
    const onDisconnect = () => {
      wasDisconnected = true;
    };
    const onConnect = () => {
      if (!wasDisconnected) return;
      wasDisconnected = false;
      if (idsRef.current) watch(socket, idsRef.current.split(","));
      void queryClient.invalidateQueries({ queryKey: trpc.conversations.get.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.conversations.replay.queryKey() });
      const forFilter = filterRef.current;
      const since = asOfRef.current;
      if (!since) {
        void queryClient.invalidateQueries({ queryKey: trpc.cockpit.board.queryKey(forFilter) });
        return;
      }
      client.cockpit.changes.query({ filter: forFilter, since }).then(
        (changes) =>
          patch(forFilter, (old) => applyBoardChanges(old, changes, forFilter.sort, { complete: true })),
        () => void queryClient.invalidateQueries({ queryKey: trpc.cockpit.board.queryKey(forFilter) }),
      );
    };
    socket.on("disconnect", onDisconnect);
    socket.on("connect", onConnect);
    return () => {
      socket.off("disconnect", onDisconnect);
      socket.off("connect", onConnect);
    };
  }, [client, patch, queryClient, trpc]);

  return board;
}
