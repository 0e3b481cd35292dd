import type { TTurnAnalysis } from "@plaibook/shared";
import { clsx } from "clsx";
import { ChevronLeft, ChevronRight, History, Siren } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "../../components/button";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Spinner } from "../../components/spinner";
import { getErrorMessage } from "../../lib/errors";
import { stageLabel } from "../leads/conversation-controls";
import { MessageThread } from "../leads/message-thread";
import { OverseerNote } from "../leads/thread-annotations";
import { formatScore, Sparkline, trendLabel } from "./sparkline";
import { useReplay } from "./use-cockpit-actions";

function analysisByMessage(analyses: ReadonlyArray<TTurnAnalysis>) {
  return new Map(analyses.flatMap((a) => (a.messageId ? [[a.messageId, a] as const] : [])));
}

/**
 * The conversation turn by turn, as the Overseer saw it: a slider (and previous/next) picks the turn;
 * the thread shows the messages up to it and the panel the Overseer's state at that point.
 */
export function ReplayView({ conversationId }: { conversationId: string }) {
  const sliderId = useId();
  const [turn, setTurn] = useState<number | null>(null);
  const replay = useReplay(conversationId, turn);

  if (replay.isPending) {
    return (
      <div className="flex justify-center py-10 text-slate-400">
        <Spinner label="Loading the replay" />
      </div>
    );
  }
  if (replay.isError) {
    return (
      <ErrorState
        title="Couldn't load the replay"
        message={getErrorMessage(replay.error)}
        onRetry={() => void replay.refetch()}
        retrying={replay.isFetching}
      />
    );
  }
  const data = replay.data;
  if (data.totalTurns === 0) {
    return (
      <EmptyState
        icon={<History aria-hidden="true" className="size-8" />}
        title="Nothing to replay yet"
        description="Once messages are exchanged, you can step through them here with the Overseer's view of each turn."
      />
    );
  }
  const last = data.totalTurns - 1;
  // The slider follows the hand at once; the thread catches up when that turn has loaded.
  const at = turn === null ? data.turn : Math.min(turn, last);
  const go = (next: number) => setTurn(Math.max(0, Math.min(last, next)));
  const { state } = data;
  const notes = analysisByMessage(data.analyses);

  return (
    <div className="space-y-4">
      <div className="rounded-md bg-slate-50 px-3 py-3 ring-1 ring-slate-200">
        <div className="flex items-center justify-between gap-3">
          <label htmlFor={sliderId} className="text-sm font-medium text-slate-700">
            Replay turn
          </label>
          <p className="text-sm text-slate-600 tabular-nums" aria-live="polite">
            Turn {at + 1} of {data.totalTurns}
            {replay.isFetching ? <Spinner size="sm" label={null} /> : null}
          </p>
        </div>
        <div className="mt-2 flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            aria-label="Previous turn"
            disabled={at <= 0}
            onClick={() => go(at - 1)}
            icon={<ChevronLeft aria-hidden="true" className="size-4" />}
          />
          <input
            id={sliderId}
            type="range"
            min={0}
            max={last}
            step={1}
            value={at}
            aria-valuetext={`Turn ${at + 1} of ${data.totalTurns}`}
            onChange={(e) => go(Number(e.target.value))}
            className="h-2 min-w-0 flex-1 cursor-pointer accent-indigo-600"
          />
          <Button
            variant="secondary"
            size="sm"
            aria-label="Next turn"
            disabled={at >= last}
            onClick={() => go(at + 1)}
            icon={<ChevronRight aria-hidden="true" className="size-4" />}
          />
        </div>
      </div>

      <section
        aria-label="Overseer at this turn"
        className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-md bg-white px-3 py-3 text-sm ring-1 ring-slate-200 sm:grid-cols-4"
      >
        <div>
          <p className="text-xs text-slate-500">Stage</p>
          <p className="font-medium text-slate-900">
            {state.currentStage ? stageLabel(state.currentStage) : "—"}
          </p>
        </div>
        <div>
          <p className="text-xs text-slate-500">Sentiment</p>
          <p className="flex items-center gap-2 font-medium text-slate-900 tabular-nums">
            <Sparkline
              values={state.sentimentTrend}
              width={72}
              height={20}
              label={trendLabel(state.sentimentTrend)}
            />
            {state.sentimentTrend.length > 0 ? formatScore(state.sentimentTrend.at(-1) ?? 0) : "—"}
          </p>
        </div>
        <div>
          <p className="text-xs text-slate-500">Adherence</p>
          <p
            className={clsx(
              "font-medium tabular-nums",
              state.averageAdherence !== null && state.averageAdherence < 60
                ? "text-rose-600"
                : "text-slate-900",
            )}
          >
            {state.averageAdherence === null ? "—" : `${Math.round(state.averageAdherence)}%`}
          </p>
        </div>
        <div>
          <p className="text-xs text-slate-500">Escalated</p>
          {state.escalated ? (
            <p className="inline-flex items-center gap-1 font-medium text-rose-700">
              <Siren aria-hidden="true" className="size-4" />
              Yes
            </p>
          ) : (
            <p className="font-medium text-slate-900">No</p>
          )}
        </div>
        <div className="col-span-2 sm:col-span-4">
          <p className="text-xs text-slate-500">Summary</p>
          <p className="break-words text-slate-700">
            {state.runningSummary || <span className="text-slate-400">No summary yet.</span>}
            {state.escalated && state.escalateReason ? (
              <span className="mt-1 block text-rose-700">Escalation: {state.escalateReason}</span>
            ) : null}
          </p>
        </div>
      </section>

      <MessageThread
        messages={data.messages}
        perspective="business"
        label="Thread up to this turn"
        showAuthors
        renderAfter={(message) => {
          const analysis = notes.get(message.id);
          return analysis ? (
            <OverseerNote analysis={analysis} onRight={message.direction === "outbound"} />
          ) : null;
        }}
      />
    </div>
  );
}
