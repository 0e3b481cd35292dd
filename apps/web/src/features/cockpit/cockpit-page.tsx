import type { TBoardRow, TControlEvent, TMessageEvent } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { Keyboard, MessagesSquare, Radar } from "lucide-react";
import type { ReactNode } from "react";
import { useCallback, useMemo, useRef, useState } from "react";
import { Button } from "../../components/button";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useOrgEvent } from "../../lib/socket";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../auth/use-auth";
import { useCampaigns } from "../campaigns/use-campaigns";
import { SoundToggle } from "../escalations/sound-toggle";
import { orderMessages } from "../leads/message-thread";
import { useConversationControl } from "../leads/use-conversation-control";
import { useConversation, useLiveConversations } from "../leads/use-leads";
import { describeControlEvent, useActivityStore } from "./activity";
import { BoardList } from "./board-list";
import { neighbourId } from "./board-patch";
import { BoardFilters, StatusTabs } from "./board-toolbar";
import type { TCockpitSearch } from "./cockpit-search";
import { hasFilters, toBoardFilter } from "./cockpit-search";
import { ConversationPane } from "./conversation-pane";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useLiveBoard } from "./use-board";
import type { TCockpitAction } from "./use-cockpit-keys";
import { useCockpitKeys } from "./use-cockpit-keys";

function BoardSkeleton() {
  return (
    <div aria-busy="true" className="space-y-px">
      <span className="sr-only" role="status">
        Loading conversations
      </span>
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="space-y-2 border-b border-slate-100 px-4 py-3">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-3 w-56" />
          <Skeleton className="h-3 w-full" />
        </div>
      ))}
    </div>
  );
}

/** Stages seen on the board so far (the stage filter's options; a playbook's stages are its own). */
function useSeenStages(rows: ReadonlyArray<TBoardRow> | undefined, selected: string | undefined) {
  const seen = useRef(new Set<string>());
  for (const row of rows ?? []) if (row.currentStage) seen.current.add(row.currentStage);
  if (selected) seen.current.add(selected);
  return [...seen.current].sort();
}

export type TCockpitPageProps = {
  search: TCockpitSearch;
  onSearchChange: (patch: Partial<TCockpitSearch>) => void;
  /** Launching a campaign, for the empty board. */
  campaignsLink: ReactNode;
  leadLink?: (leadId: string, name: string) => ReactNode;
};

/**
 * The Cockpit: every live conversation on a virtualised board (counters, filters and sort in the URL),
 * the selected one on the right with every control, kept live over the socket; j/k/t/h/a/? shortcuts.
 */
export function CockpitPage({ search, onSearchChange, campaignsLink, leadLink }: TCockpitPageProps) {
  const { user } = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filter = useMemo(() => toBoardFilter(search), [search]);
  const board = useLiveBoard(filter);
  const campaigns = useCampaigns();
  const stages = useSeenStages(board.data?.rows, search.stage);
  const selectedId = search.conversationId ?? null;
  const [helpOpen, setHelpOpen] = useState(false);
  useLiveConversations();

  const rows = board.data?.rows;
  const select = useCallback(
    (conversationId: string | null) => {
      onSearchChange({ conversationId: conversationId ?? undefined, view: undefined });
      // Stacked (narrow) layout: the conversation replaces the board, so start at its top.
      if (globalThis.matchMedia?.("(max-width: 1023px)").matches) globalThis.scrollTo?.({ top: 0 });
    },
    [onSearchChange],
  );

  // Teammates' actions: a line in the conversation's activity, a toast when it is the open one.
  const addActivity = useActivityStore((s) => s.add);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onControl = useCallback(
    (event: TControlEvent) => {
      if (event.by.userId === user.id) return;
      const text = describeControlEvent(event, user.id);
      addActivity(event.conversationId, text);
      if (event.conversationId === selectedId) {
        const lead = rowsRef.current?.find((r) => r.id === event.conversationId)?.leadName;
        toast.info(text, lead ? `Conversation with ${lead}` : undefined);
      }
    },
    [addActivity, selectedId, user.id],
  );
  useOrgEvent<TControlEvent>("conversation.control", onControl);
  // The Overseer's verdicts land after the message: refresh the open thread's notes and the replay.
  const onAnalysed = useCallback(
    (event: { conversationId: string }) => {
      void queryClient.invalidateQueries({
        queryKey: trpc.conversations.get.queryKey({ conversationId: event.conversationId }),
      });
      void queryClient.invalidateQueries({
        queryKey: trpc.conversations.replay.queryKey({ conversationId: event.conversationId }),
      });
    },
    [queryClient, trpc],
  );
  useOrgEvent<{ conversationId: string }>("turn.analyzed", onAnalysed);
  useOrgEvent<TMessageEvent>("message.created", onAnalysed);

  // The keyboard acts on the open conversation with the same mutations as its buttons.
  const control = useConversationControl(selectedId ?? "");
  const thread = useConversation(selectedId);
  const canControl = can(user.role, "conversations.control");
  const onKey = (action: TCockpitAction) => {
    if (action === "help") return setHelpOpen(true);
    if (action === "next" || action === "previous") {
      const next = neighbourId(rows ?? [], selectedId, action === "next" ? 1 : -1);
      if (next && next !== selectedId) select(next);
      return;
    }
    const conversation = thread.data?.conversation;
    if (!conversation || !canControl || conversation.status === "opted_out") return;
    const input = { conversationId: conversation.id };
    if (action === "takeOver") {
      if (conversation.control === "ai" || conversation.controlledBy === null) control.takeOver.mutate(input);
      else if (conversation.controlledBy !== user.id)
        toast.info(`${conversation.controlledByName ?? "A teammate"} has this conversation`);
    } else if (action === "handBack") {
      if (conversation.control === "human") control.handBack.mutate(input);
    } else if (action === "approve") {
      const draft = orderMessages(thread.data?.messages ?? []).find((m) => m.status === "draft");
      if (draft) control.approveDraft.mutate({ messageId: draft.id });
      else toast.info("No draft to approve");
    }
  };
  useCockpitKeys(onKey, !helpOpen);

  const boardPane = board.isPending ? (
    <BoardSkeleton />
  ) : board.isError ? (
    <ErrorState
      title="Couldn't load the board"
      message={getErrorMessage(board.error)}
      onRetry={() => void board.refetch()}
      retrying={board.isFetching}
    />
  ) : board.data.rows.length === 0 ? (
    hasFilters(search) || search.closed ? (
      <EmptyState
        icon={<MessagesSquare aria-hidden="true" className="size-8" />}
        title="No conversations match"
        description="Try another status or clear the filters."
        action={
          <Button
            variant="secondary"
            onClick={() =>
              onSearchChange({
                status: undefined,
                campaignId: undefined,
                stage: undefined,
                sentiment: undefined,
                mine: undefined,
              })
            }
          >
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={<Radar aria-hidden="true" className="size-8" />}
        title="No live conversations yet — launch a campaign"
        description="When a campaign texts your leads and they answer, every conversation shows up here live."
        action={campaignsLink}
      />
    )
  ) : (
    <BoardList
      rows={board.data.rows}
      selectedId={selectedId}
      myUserId={user.id}
      onSelect={select}
      className={clsx("h-full", board.isPlaceholderData && "opacity-60")}
    />
  );

  return (
    <div className="flex flex-col gap-4 lg:h-[calc(100dvh-4rem)]">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Cockpit</h1>
          <p className="mt-1 text-sm text-slate-500">
            Every live conversation, as it happens. Step in, approve drafts, or hand back to the AI.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SoundToggle />
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setHelpOpen(true)}
            icon={<Keyboard aria-hidden="true" className="size-4" />}
            aria-keyshortcuts="?"
          >
            Shortcuts
          </Button>
        </div>
      </div>

      {/* On a phone an open conversation takes the screen; the counters and filters come back with the board. */}
      <div className={clsx("flex flex-col gap-4", selectedId && "hidden lg:flex")}>
        <StatusTabs
          counts={board.data?.counts}
          status={search.status}
          onChange={(status) => onSearchChange({ status })}
        />
        <BoardFilters
          search={search}
          campaigns={campaigns.data ?? []}
          stages={stages}
          onChange={onSearchChange}
        />
      </div>

      <div className="grid min-h-0 flex-1 grid-cols-1 gap-4 lg:grid-cols-[minmax(18rem,24rem)_minmax(0,1fr)]">
        <div
          className={clsx(
            "flex min-h-0 flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200",
            selectedId ? "hidden lg:flex" : "flex",
          )}
        >
          <div className="h-[70dvh] min-h-0 flex-1 lg:h-auto">{boardPane}</div>
          {board.data?.truncated ? (
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
              Showing the first {board.data.rows.length.toLocaleString()} conversations. Filter to narrow them
              down.
            </p>
          ) : null}
        </div>
        <div
          className={clsx(
            "min-h-0 overflow-y-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200",
            selectedId ? "block" : "hidden lg:block",
          )}
        >
          {selectedId ? (
            <ConversationPane
              key={selectedId}
              conversationId={selectedId}
              control={control}
              view={search.view === "replay" ? "replay" : "live"}
              onViewChange={(view) => onSearchChange({ view: view === "replay" ? "replay" : undefined })}
              onBack={() => select(null)}
              leadLink={leadLink}
            />
          ) : (
            <EmptyState
              icon={<MessagesSquare aria-hidden="true" className="size-8" />}
              title="Pick a conversation"
              description="Choose one on the board, or press j and k to move through them."
            />
          )}
        </div>
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
