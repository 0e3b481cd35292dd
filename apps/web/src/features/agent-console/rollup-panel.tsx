import type { TAgentState, TConversationRollup } from "@plaibook/shared";
import { clsx } from "clsx";
import type { ReactNode } from "react";
import { lazy, Suspense } from "react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { Skeleton } from "../../components/skeleton";
import { formatCount, formatMicros } from "../usage/money";
import type { TConsoleTurnUsage } from "./console-conversation";
import { adherenceTone, formatInZone, formatLatency } from "./console-format";

const SentimentSparkline = lazy(() =>
  import("./sentiment-sparkline").then((m) => ({ default: m.SentimentSparkline })),
);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-3 py-2">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="min-w-0 text-right text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function RollupCard({
  rollup,
  stageName,
}: {
  rollup: TConversationRollup | null;
  stageName: (key: string) => string;
}) {
  return (
    <Card>
      <CardHeader title="Overseer rollup" />
      {rollup === null ? (
        <p className="px-5 py-4 text-sm text-slate-500">
          Send a message to see how the Overseer reads the conversation.
        </p>
      ) : (
        <div className="px-5 py-3">
          <dl className="divide-y divide-slate-100">
            <Row label="Current stage">{rollup.currentStage ? stageName(rollup.currentStage) : "—"}</Row>
            <Row label="Average adherence">
              {rollup.averageAdherence === null ? (
                "—"
              ) : (
                <Badge tone={adherenceTone(rollup.averageAdherence)}>
                  {Math.round(rollup.averageAdherence)} / 100
                </Badge>
              )}
            </Row>
            <Row label="Turns judged">{rollup.turns}</Row>
            {rollup.escalated ? (
              <Row label="Escalated">
                <span className="text-rose-700">{rollup.escalateReason ?? "Yes"}</span>
              </Row>
            ) : null}
          </dl>
          <div className="border-t border-slate-100 pt-2">
            <p className="text-sm text-slate-500">Sentiment trend</p>
            <Suspense fallback={<Skeleton className="h-14 w-full" />}>
              <SentimentSparkline trend={rollup.sentimentTrend} />
            </Suspense>
          </div>
          {rollup.runningSummary ? (
            <div className="border-t border-slate-100 pt-2 pb-1">
              <p className="text-sm text-slate-500">Running summary</p>
              <p className="mt-1 text-sm break-words text-slate-700">{rollup.runningSummary}</p>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}

function SlotsCard({ state, timeZone }: { state: TAgentState | null; timeZone: string }) {
  const offered = state?.offeredSlots ?? [];
  const booked = state?.booked ?? null;
  return (
    <Card>
      <CardHeader
        title="Calendar"
        description={`Times shown in the lead's zone (${timeZone}). Nothing is booked.`}
      />
      <div className="space-y-3 px-5 py-4 text-sm">
        {booked ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-800 ring-1 ring-emerald-200">
            <span className="font-semibold">Would book:</span> {formatInZone(booked.start, timeZone)}
          </p>
        ) : null}
        <div>
          <p className="text-slate-500">Slots offered</p>
          {offered.length === 0 ? (
            <p className="mt-1 text-slate-700">None yet.</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {offered.map((slot) => (
                <li key={slot.id} className="font-medium text-slate-900 tabular-nums">
                  {formatInZone(slot.start, timeZone)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}

function CallList({ turn }: { turn: TConsoleTurnUsage }) {
  return (
    <div>
      <p className="flex justify-between text-xs font-semibold text-slate-500 uppercase">
        <span>Turn {turn.turn}</span>
        <span className="tabular-nums">{formatMicros(turn.costMicros)}</span>
      </p>
      {turn.calls.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">No model calls.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 rounded-md bg-slate-50 text-xs ring-1 ring-slate-200">
          {turn.calls.map((call, index) => (
            <li
              // Calls have no id; their order within a turn never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              className={clsx("px-2 py-1.5", call.failure && "bg-rose-50")}
            >
              <p className="flex justify-between gap-2">
                <span className="min-w-0 truncate font-medium text-slate-800" title={call.model}>
                  {call.engine === "offline" ? "Offline engine" : call.model}
                </span>
                <span className="shrink-0 text-slate-500 tabular-nums">{formatLatency(call.latencyMs)}</span>
              </p>
              <p className="text-slate-500 tabular-nums">
                {formatCount(call.inputTokens)} in · {formatCount(call.outputTokens)} out tokens
              </p>
              {call.failure ? <p className="text-rose-700">Failed: {call.failure}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CallsCard({ usage, costMicros }: { usage: ReadonlyArray<TConsoleTurnUsage>; costMicros: number }) {
  const latest = usage.at(-1);
  const earlier = usage.slice(0, -1).reverse();
  const callCount = usage.reduce((sum, turn) => sum + turn.calls.length, 0);
  const latency = usage.reduce((sum, turn) => sum + turn.calls.reduce((s, c) => s + c.latencyMs, 0), 0);
  return (
    <Card>
      <CardHeader title="Model calls" />
      <div className="px-5 py-3">
        <dl className="divide-y divide-slate-100">
          <Row label="Cost so far">
            <span className="tabular-nums">{formatMicros(costMicros)}</span>
          </Row>
          <Row label="Calls">
            {formatCount(callCount)}
            {callCount > 0 ? (
              <span className="font-normal text-slate-500"> · {formatLatency(latency)} in all</span>
            ) : null}
          </Row>
        </dl>
        {latest ? (
          <div className="mt-1 space-y-3 border-t border-slate-100 pt-3">
            <CallList turn={latest} />
            {earlier.length > 0 ? (
              <details className="group">
                <summary
                  className={clsx(
                    "cursor-pointer rounded text-xs font-medium text-indigo-700 hover:underline",
                    focusRing,
                  )}
                >
                  Earlier turns ({earlier.length})
                </summary>
                <div className="mt-2 space-y-3">
                  {earlier.map((turn) => (
                    <CallList key={turn.turn} turn={turn} />
                  ))}
                </div>
              </details>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}

/** The side panel: the Overseer's running view, the calendar and what the model calls cost. */
export function RollupPanel({
  rollup,
  state,
  usage,
  costMicros,
  timeZone,
  stageName,
}: {
  rollup: TConversationRollup | null;
  state: TAgentState | null;
  usage: ReadonlyArray<TConsoleTurnUsage>;
  costMicros: number;
  timeZone: string;
  stageName: (key: string) => string;
}) {
  return (
    <aside aria-label="Conversation analysis" className="min-w-0 space-y-4">
      <RollupCard rollup={rollup} stageName={stageName} />
      <SlotsCard state={state} timeZone={timeZone} />
      <CallsCard usage={usage} costMicros={costMicros} />
    </aside>
  );
}
