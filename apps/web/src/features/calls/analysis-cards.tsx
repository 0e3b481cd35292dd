import type { TCallAnalysis, TCallMetrics } from "@plaibook/shared";
import { clsx } from "clsx";
import { Lightbulb, PlayCircle, ThumbsUp } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { formatClock, formatDecimal, formatDuration, splitPercent } from "./call-format";
import { HANDLING_LABELS, HANDLING_TONES, OUTCOME_LABELS, OUTCOME_TONES } from "./labels";
import { useObjectionLabel } from "./objection-labels";
import { usePlayer } from "./player";

/** A time that plays the call from there. */
function SeekButton({ at, children, label }: { at: number; children?: ReactNode; label?: string }) {
  const player = usePlayer();
  return (
    <button
      type="button"
      onClick={() => player.seek(at, { play: true })}
      aria-label={label ?? `Play from ${formatClock(at)}`}
      className={clsx(
        "inline-flex items-center gap-1 rounded text-xs font-medium text-indigo-700 tabular-nums hover:text-indigo-900 hover:underline",
        focusRing,
      )}
    >
      <PlayCircle aria-hidden="true" className="size-3.5" />
      {children ?? formatClock(at)}
    </button>
  );
}

export function OutcomeCard({ outcome }: { outcome: TCallAnalysis["outcome"] }) {
  return (
    <Card>
      <CardHeader title="Outcome" />
      <div className="space-y-3 p-5">
        <Badge tone={OUTCOME_TONES[outcome.label]} className="text-sm">
          {OUTCOME_LABELS[outcome.label]}
        </Badge>
        {outcome.evidence ? (
          <blockquote className="border-l-2 border-slate-200 pl-3 text-sm text-slate-700">
            “{outcome.evidence}”
          </blockquote>
        ) : null}
        {outcome.at !== null ? (
          <SeekButton at={outcome.at} label={`Play the outcome moment at ${formatClock(outcome.at)}`}>
            Hear it at {formatClock(outcome.at)}
          </SeekButton>
        ) : null}
      </div>
    </Card>
  );
}

function Metric({ label, value, explanation }: { label: string; value: string; explanation: string }) {
  return (
    <div className="py-3 first:pt-0 last:pb-0">
      <dt className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="font-semibold text-slate-900 tabular-nums">{value}</span>
      </dt>
      <dd className="mt-0.5 text-xs text-slate-500">{explanation}</dd>
    </div>
  );
}

export function TalkMetricsCard({ metrics }: { metrics: TCallMetrics }) {
  const [rep, customer] = splitPercent(metrics.repTalkRatio);
  return (
    <Card>
      <CardHeader title="Talk metrics" />
      <div className="space-y-4 p-5">
        <div>
          <div className="mb-1.5 flex justify-between text-xs font-medium">
            <span className="text-indigo-700">Rep {rep}%</span>
            <span className="text-slate-600">Customer {customer}%</span>
          </div>
          <div
            role="img"
            aria-label={`Talk time: rep ${rep}%, customer ${customer}%`}
            className="flex h-3 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-indigo-500" style={{ width: `${rep}%` }} />
          </div>
          <p className="mt-1.5 text-xs text-slate-500">
            Share of talk time. Reps who listen more than they talk (under about 60%) tend to learn more.
          </p>
        </div>
        <dl className="divide-y divide-slate-100">
          <Metric
            label="Longest monologue"
            value={formatDuration(metrics.longestRepMonologueSeconds)}
            explanation="The rep's longest stretch without the customer speaking. Long ones lose people."
          />
          <Metric
            label="Questions asked"
            value={String(metrics.repQuestions)}
            explanation="Questions from the rep; good discovery needs several."
          />
          <Metric
            label="Interactivity"
            value={`${formatDecimal(metrics.interactivityPerMinute)} / min`}
            explanation="How often the speaker changes each minute: higher is more of a conversation."
          />
          <Metric
            label="Patience"
            value={`${formatDecimal(metrics.patienceSeconds)} s`}
            explanation="The rep's average pause before answering, so the customer can finish."
          />
        </dl>
      </div>
    </Card>
  );
}

export function ObjectionsCard({ objections }: { objections: TCallAnalysis["objections"] }) {
  const objectionLabel = useObjectionLabel();
  return (
    <Card>
      <CardHeader
        title="Objections"
        description={objections.length === 0 ? "The customer raised no objections." : undefined}
      />
      {objections.length > 0 ? (
        <ol className="divide-y divide-slate-100">
          {objections.map((objection, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: objections have no id; the order is fixed
            <li key={i} className="space-y-2 px-5 py-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-semibold text-slate-900">{objectionLabel(objection.label)}</p>
                <SeekButton at={objection.at} />
              </div>
              {objection.quote ? (
                <blockquote className="border-l-2 border-amber-300 pl-3 text-sm text-slate-700">
                  “{objection.quote}”
                </blockquote>
              ) : null}
              <Badge tone={HANDLING_TONES[objection.handling]}>{HANDLING_LABELS[objection.handling]}</Badge>
              {objection.response ? (
                <p className="text-sm text-slate-600">
                  <span className="font-medium text-slate-700">Rep's answer: </span>“{objection.response}”
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}

export function CoachingCard({ coaching }: { coaching: TCallAnalysis["coaching"] }) {
  const player = usePlayer();
  return (
    <Card>
      <CardHeader title="Coaching" description="What went well and what to try next time." />
      <ul className="grid gap-3 p-5">
        {coaching.map((item, i) => {
          const strength = item.kind === "strength";
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: coaching items have no id; the order is fixed
              key={i}
              className={clsx(
                "rounded-lg p-4 ring-1 ring-inset",
                strength ? "bg-emerald-50/60 ring-emerald-200" : "bg-amber-50/60 ring-amber-200",
              )}
            >
              <p
                className={clsx(
                  "flex items-center gap-1.5 text-xs font-semibold tracking-wide uppercase",
                  strength ? "text-emerald-700" : "text-amber-800",
                )}
              >
                {strength ? (
                  <ThumbsUp aria-hidden="true" className="size-3.5" />
                ) : (
                  <Lightbulb aria-hidden="true" className="size-3.5" />
                )}
                {strength ? "Strength" : "To improve"}
              </p>
              <h3 className="mt-1 text-sm font-semibold text-slate-900">{item.title}</h3>
              <p className="mt-1 text-sm text-slate-700">{item.advice}</p>
              <button
                type="button"
                onClick={() => player.seek(item.at, { play: true })}
                aria-label={`Go to moment ${formatClock(item.at)}: ${item.title}`}
                className={clsx(
                  "mt-2 inline-flex items-center gap-1 rounded text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline",
                  focusRing,
                )}
              >
                <PlayCircle aria-hidden="true" className="size-4" />
                Go to moment ({formatClock(item.at)})
              </button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export function SummaryCard({ summary }: { summary: string }) {
  return (
    <Card>
      <CardHeader title="Summary" />
      <p className="p-5 text-sm whitespace-pre-line text-slate-700">{summary || "No summary."}</p>
    </Card>
  );
}
