import type { TBoardRow } from "@plaibook/shared";
import { BOARD_STATUS_LABELS } from "@plaibook/shared";
import { clsx } from "clsx";
import { Bot, FileClock, Siren, UserRound } from "lucide-react";
import { memo } from "react";
import { focusRing } from "../../components/button";
import { formatRelative } from "../../lib/format";
import { stageLabel } from "../leads/conversation-controls";
import { formatMicros } from "../usage/money";
import { useIsReplying } from "./replying-store";
import { formatScore, Sparkline } from "./sparkline";

/** Height of a row on the board (the list is virtualised with fixed-size rows). */
export const BOARD_ROW_HEIGHT = 104;

const STATUS_ACCENT: Record<TBoardRow["boardStatus"], string> = {
  escalated: "bg-rose-500",
  needs_approval: "bg-amber-400",
  human: "bg-emerald-500",
  ai: "bg-indigo-300",
};

function controller(row: TBoardRow, myUserId: string): string {
  if (row.control === "ai") return "AI";
  if (row.controlledBy === myUserId) return "You";
  return row.controlledByName ?? "Needs a person";
}

/** What a screen reader hears for a row: the lead first, then what matters about it. */
export function rowLabel(row: TBoardRow, myUserId: string, replying: boolean): string {
  const parts = [row.leadName, BOARD_STATUS_LABELS[row.boardStatus]];
  if (row.control === "human")
    parts.push(row.controlledBy ? `answered by ${controller(row, myUserId)}` : "needs a person");
  if (row.pendingDrafts > 0)
    parts.push(`${row.pendingDrafts} ${row.pendingDrafts === 1 ? "draft" : "drafts"}`);
  if (replying) parts.push("AI is replying");
  if (row.status === "closed" || row.status === "opted_out")
    parts.push(row.status === "closed" ? "closed" : "opted out");
  // Not "message": a label search for the composer ("Message") must not match every row.
  if (row.lastMessageAt) parts.push(`active ${formatRelative(row.lastMessageAt)}`);
  return parts.join(", ");
}

/** One conversation on the board; memoised so a live update re-renders only the rows it changed. */
export const BoardRow = memo(function BoardRow({
  row,
  selected,
  myUserId,
  onSelect,
}: {
  row: TBoardRow;
  selected: boolean;
  myUserId: string;
  onSelect: (conversationId: string) => void;
}) {
  const replying = useIsReplying(row.id);
  const ended = row.status === "closed" || row.status === "opted_out";
  return (
    <button
      type="button"
      onClick={() => onSelect(row.id)}
      aria-current={selected ? "true" : undefined}
      aria-label={rowLabel(row, myUserId, replying)}
      data-conversation-id={row.id}
      className={clsx(
        "relative flex h-full w-full flex-col gap-1 border-b border-slate-100 py-2.5 pr-3 pl-4 text-left transition-colors",
        focusRing,
        "focus-visible:-outline-offset-2",
        selected ? "bg-indigo-50" : "bg-white hover:bg-slate-50",
        ended && "opacity-70",
      )}
    >
      <span
        aria-hidden="true"
        className={clsx("absolute inset-y-0 left-0 w-1", STATUS_ACCENT[row.boardStatus])}
      />
      <span className="flex w-full items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900">{row.leadName}</span>
        {row.escalatedAt ? (
          <span className="inline-flex items-center gap-0.5 rounded-full bg-rose-50 px-1.5 py-px text-[11px] font-medium text-rose-700 ring-1 ring-rose-600/20 ring-inset">
            <Siren aria-hidden="true" className="size-3" />
            Escalated
          </span>
        ) : null}
        {row.pendingDrafts > 0 ? (
          <span className="inline-flex items-center gap-0.5 rounded-full bg-amber-50 px-1.5 py-px text-[11px] font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset">
            <FileClock aria-hidden="true" className="size-3" />
            {row.pendingDrafts}
            <span className="sr-only"> {row.pendingDrafts === 1 ? "draft" : "drafts"}</span>
          </span>
        ) : null}
        {row.lastMessageAt ? (
          <time dateTime={row.lastMessageAt} className="shrink-0 text-[11px] text-slate-500">
            {formatRelative(row.lastMessageAt)}
          </time>
        ) : null}
      </span>
      <span className="flex w-full items-center gap-1.5 text-xs text-slate-500">
        <span className="min-w-0 truncate">{row.campaignName ?? "Direct conversation"}</span>
        {row.currentStage ? (
          <>
            <span aria-hidden="true">·</span>
            <span className="shrink-0">{stageLabel(row.currentStage)}</span>
          </>
        ) : null}
        {ended ? (
          <>
            <span aria-hidden="true">·</span>
            <span className="shrink-0 font-medium">{row.status === "closed" ? "Closed" : "Opted out"}</span>
          </>
        ) : null}
      </span>
      <span className="block w-full truncate text-xs text-slate-600">
        {replying ? (
          <span className="font-medium text-indigo-600">AI is replying…</span>
        ) : (
          (row.lastMessagePreview ?? <span className="text-slate-400">No messages yet</span>)
        )}
      </span>
      <span className="mt-auto flex w-full items-center gap-3 text-[11px] text-slate-500 tabular-nums">
        <span
          className={clsx(
            "inline-flex min-w-0 items-center gap-1",
            row.control === "human" ? "text-emerald-700" : "text-indigo-600",
          )}
        >
          {row.control === "ai" ? (
            <Bot aria-hidden="true" className="size-3.5 shrink-0" />
          ) : (
            <UserRound aria-hidden="true" className="size-3.5 shrink-0" />
          )}
          <span className="truncate">{controller(row, myUserId)}</span>
        </span>
        <span className="inline-flex items-center gap-1" title="Sentiment trend">
          <Sparkline values={row.sentimentTrend} width={48} height={16} />
          {row.sentiment !== null ? <span>{formatScore(row.sentiment)}</span> : null}
        </span>
        <span
          title="Playbook adherence"
          className={clsx(
            row.averageAdherence !== null && row.averageAdherence < 60 && "font-medium text-rose-600",
          )}
        >
          {row.averageAdherence === null ? "—" : `${Math.round(row.averageAdherence)}%`}
        </span>
        <span className="ml-auto" title="Cost so far">
          {formatMicros(row.costMicros)}
        </span>
      </span>
    </button>
  );
});
