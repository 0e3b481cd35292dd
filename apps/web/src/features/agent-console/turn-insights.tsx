import type { TSegmentCount, TSmsClassification, TTurnVerdict } from "@plaibook/shared";
import { clsx } from "clsx";
import { AlertTriangle, Clock, ShieldCheck, UserRound } from "lucide-react";
import { Badge } from "../../components/badge";
import {
  adherenceTone,
  formatMentionedTime,
  formatObjection,
  formatSentiment,
  humanize,
  INTENT_LABELS,
  INTENT_TONES,
  sentimentTone,
} from "./console-format";

/** What the classifier read in a lead's message, as chips. */
export function ClassificationChips({ classification }: { classification: TSmsClassification }) {
  const c = classification;
  return (
    <ul aria-label="Classification" className="flex flex-wrap justify-end gap-1">
      <li>
        <Badge tone={INTENT_TONES[c.intent]}>
          <span className="sr-only">Intent: </span>
          {INTENT_LABELS[c.intent]}
          <span className="ml-1 opacity-70">{Math.round(c.confidence * 100)}%</span>
        </Badge>
      </li>
      {c.objection ? (
        <li>
          <Badge tone="warning">
            <span className="sr-only">Objection: </span>
            {formatObjection(c.objection)}
          </Badge>
        </li>
      ) : null}
      <li>
        <Badge tone={sentimentTone(c.sentimentScore)}>
          <span className="sr-only">Sentiment: </span>
          {humanize(c.sentiment)} {formatSentiment(c.sentimentScore)}
        </Badge>
      </li>
      {c.mentionedTime ? (
        <li>
          <Badge tone="accent">
            <Clock aria-hidden="true" className="mr-1 size-3" />
            <span className="sr-only">Time mentioned: </span>
            {formatMentionedTime(c.mentionedTime)}
          </Badge>
        </li>
      ) : null}
      {c.humanRequest ? (
        <li>
          <Badge tone="danger">
            <UserRound aria-hidden="true" className="mr-1 size-3" />
            Asked for a person
          </Badge>
        </li>
      ) : null}
      {c.escalate ? (
        <li>
          <Badge tone="danger" className="whitespace-normal">
            <AlertTriangle aria-hidden="true" className="mr-1 size-3 shrink-0" />
            Escalate{c.escalateReason ? `: ${c.escalateReason}` : ""}
          </Badge>
        </li>
      ) : null}
    </ul>
  );
}

function segmentText(count: TSegmentCount): string {
  return `${count.segments} SMS ${count.segments === 1 ? "segment" : "segments"} · ${count.encoding}, ${count.units} ${
    count.encoding === "GSM-7" ? "chars" : "units"
  }`;
}

/** The Overseer's verdict on one turn: stage, adherence, violations and a one-line summary. */
export function VerdictPanel({
  verdict,
  segments,
  stageName,
  align = "left",
}: {
  verdict: TTurnVerdict;
  segments?: TSegmentCount | undefined;
  stageName: (key: string) => string;
  align?: "left" | "right";
}) {
  return (
    <section
      aria-label="Overseer verdict"
      className={clsx(
        "w-full max-w-md rounded-lg bg-white px-3 py-2 text-xs text-slate-600 ring-1 ring-slate-200",
        align === "right" && "ml-auto",
      )}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <ShieldCheck aria-hidden="true" className="size-3.5 text-slate-400" />
        <span className="font-semibold text-slate-700">Overseer</span>
        <Badge>
          <span className="sr-only">Stage: </span>
          {stageName(verdict.stage)}
        </Badge>
        <Badge tone={adherenceTone(verdict.adherence)}>Adherence {verdict.adherence}</Badge>
        <Badge tone={sentimentTone(verdict.sentiment)}>Sentiment {formatSentiment(verdict.sentiment)}</Badge>
        {verdict.escalate ? <Badge tone="danger">Escalate</Badge> : null}
      </div>
      <p className="mt-1.5 text-slate-700">{verdict.summary}</p>
      {verdict.escalate && verdict.escalateReason ? (
        <p className="mt-1 text-rose-700">Why escalate: {verdict.escalateReason}</p>
      ) : null}
      {verdict.violations.length > 0 ? (
        <div className="mt-1.5">
          <p className="font-medium text-rose-700">
            {verdict.violations.length === 1 ? "1 violation" : `${verdict.violations.length} violations`}
          </p>
          <ul className="mt-0.5 list-disc space-y-0.5 pl-4 text-rose-700">
            {verdict.violations.map((violation) => (
              <li key={violation}>{violation}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {segments ? <p className="mt-1.5 text-slate-500">{segmentText(segments)}</p> : null}
    </section>
  );
}
