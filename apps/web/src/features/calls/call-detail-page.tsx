import type { TCallDetail, TCallStatus } from "@plaibook/shared";
import { clsx } from "clsx";
import { ArrowDownLeft, ArrowUpRight, Check, FileQuestion } from "lucide-react";
import type { ReactNode } from "react";
import { useEffect, useState } from "react";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { formatPhone } from "../leads/lead-format";
import { CoachingCard, ObjectionsCard, OutcomeCard, SummaryCard, TalkMetricsCard } from "./analysis-cards";
import { AudioElement, CallTimeline, PlayerControls, Waveform } from "./audio-player";
import { formatDuration } from "./call-format";
import { CallStatusBadge, ProgressBar } from "./call-status";
import { CALL_STATUS_LABELS, DIRECTION_LABELS, isProcessing, TRANSCRIPT_SOURCE_LABELS } from "./labels";
import { ObjectionLabelsProvider } from "./objection-labels";
import type { TPlayer } from "./player";
import { createPlayer, PlayerContext, usePlayerKeys } from "./player";
import { StoppedPanel } from "./stopped-panel";
import { TranscriptView } from "./transcript-view";
import { useCall, useLiveCallProgress } from "./use-calls";

export type TCallDetailPanelProps = {
  callId: string;
  /** Back to the list (shown when the call cannot be found). */
  backLink: ReactNode;
  /** A link to Settings → Calls, for calls waiting for a transcript. */
  settingsLink: ReactNode;
};

/** The length the page can show before the audio's metadata loads. */
function knownDuration(call: TCallDetail): number {
  if (call.durationSeconds) return call.durationSeconds;
  const last = call.transcript?.segments.at(-1);
  return last ? last.end : 0;
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function CallHeader({ call }: { call: TCallDetail }) {
  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {call.leadPhone
            ? `Call with ${formatPhone(call.leadPhone)}`
            : `Call on ${formatDateTime(call.startedAt)}`}
        </h1>
        <CallStatusBadge status={call.status} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-5">
        <Meta label="Rep">{call.repName ?? <span className="text-slate-400">Unassigned</span>}</Meta>
        <Meta label="Lead">
          {call.leadPhone ? formatPhone(call.leadPhone) : <span className="text-slate-400">Unknown</span>}
        </Meta>
        <Meta label="Direction">
          <span className="inline-flex items-center gap-1">
            {call.direction === "inbound" ? (
              <ArrowDownLeft aria-hidden="true" className="size-4 text-slate-400" />
            ) : (
              <ArrowUpRight aria-hidden="true" className="size-4 text-slate-400" />
            )}
            {DIRECTION_LABELS[call.direction]}
          </span>
        </Meta>
        <Meta label="Started">
          <time dateTime={call.startedAt}>{formatDateTime(call.startedAt)}</time>
        </Meta>
        <Meta label="Length">{formatDuration(call.durationSeconds)}</Meta>
      </dl>
    </div>
  );
}

const STEPS: ReadonlyArray<{ status: TCallStatus; label: string }> = [
  { status: "received", label: "Recording received" },
  { status: "transcoding", label: "Converting the audio" },
  { status: "transcribing", label: "Transcribing" },
  { status: "analyzing", label: "Analysing the conversation" },
];

/** Where a call being processed stands, live from `call.progress`. */
export function ProcessingPanel({ call }: { call: TCallDetail }) {
  const at = STEPS.findIndex((step) => step.status === call.status);
  return (
    <Card>
      <CardHeader
        title="Analysing this call…"
        description="This page fills in by itself when the analysis is ready."
      />
      <div className="space-y-4 p-5">
        <ProgressBar
          label="Call processing"
          value={call.progress}
          valueText={`${CALL_STATUS_LABELS[call.status]}, ${call.progress}%`}
          className="h-2.5"
        />
        <ol className="space-y-2">
          {STEPS.map((step, i) => {
            const done = i < at;
            const current = i === at;
            const label =
              step.status === "transcribing" && call.hasSuppliedTranscript
                ? "Reading the supplied transcript"
                : step.label;
            return (
              <li
                key={step.status}
                aria-current={current ? "step" : undefined}
                className={clsx(
                  "flex items-center gap-2 text-sm",
                  done ? "text-slate-500" : current ? "font-medium text-slate-900" : "text-slate-400",
                )}
              >
                <span
                  aria-hidden="true"
                  className={clsx(
                    "flex size-5 items-center justify-center rounded-full text-xs",
                    done
                      ? "bg-emerald-100 text-emerald-700"
                      : current
                        ? "bg-indigo-600 text-white"
                        : "bg-slate-100 text-slate-400",
                  )}
                >
                  {done ? <Check className="size-3.5" /> : i + 1}
                </span>
                {label}
                {current ? (
                  <span className="text-xs text-slate-500 tabular-nums">{call.progress}%</span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </Card>
  );
}

function PlayerCard({ call }: { call: TCallDetail }) {
  return (
    <Card className="sticky top-14 z-10 space-y-3 p-4 lg:top-0">
      {call.audioUrl ? (
        <>
          <AudioElement src={call.audioUrl} />
          <PlayerControls />
          <Waveform peaks={call.peaks} />
          {call.analysis ? (
            <CallTimeline stages={call.analysis.stages} objections={call.analysis.objections} />
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-500">The recording isn't available to play.</p>
      )}
    </Card>
  );
}

/** A call: its recording with waveform and timeline, the synced transcript, and the analysis. */
export function CallDetailView({ call, settingsLink }: { call: TCallDetail; settingsLink: ReactNode }) {
  const [player] = useState<TPlayer>(() => createPlayer(knownDuration(call)));
  const duration = knownDuration(call);
  useEffect(() => player.setFallbackDuration(duration), [player, duration]);
  usePlayerKeys(player);
  const analysis = call.analysis;
  const segments = call.transcript?.segments ?? [];

  return (
    <ObjectionLabelsProvider>
      <PlayerContext.Provider value={player}>
        <CallHeader call={call} />
        <div className="space-y-6">
          <PlayerCard call={call} />
          {isProcessing(call.status) ? <ProcessingPanel call={call} /> : null}
          {call.status === "failed" || call.status === "needs_transcript" ? (
            <StoppedPanel call={call} settingsLink={settingsLink} />
          ) : null}
          {segments.length > 0 || analysis ? (
            <div className="grid gap-6 lg:grid-cols-12">
              <div className="space-y-6 lg:col-span-7">
                {segments.length > 0 ? (
                  <Card>
                    <CardHeader
                      title="Transcript"
                      description={
                        call.transcript
                          ? (TRANSCRIPT_SOURCE_LABELS[call.transcript.source] ?? call.transcript.source)
                          : undefined
                      }
                    />
                    <TranscriptView
                      segments={segments}
                      repName={call.repName ?? "Rep"}
                      objections={analysis?.objections}
                    />
                  </Card>
                ) : null}
                {analysis ? <SummaryCard summary={analysis.summary} /> : null}
              </div>
              {analysis ? (
                <div className="space-y-6 lg:col-span-5">
                  <OutcomeCard outcome={analysis.outcome} />
                  <CoachingCard coaching={analysis.coaching} />
                  <ObjectionsCard objections={analysis.objections} />
                  <TalkMetricsCard metrics={analysis.metrics} />
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
      </PlayerContext.Provider>
    </ObjectionLabelsProvider>
  );
}

function CallDetailSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only" role="status">
        Loading the call
      </span>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-12 w-full" />
      <Skeleton className="h-40 w-full rounded-xl" />
      <div className="grid gap-6 lg:grid-cols-12">
        <Skeleton className="h-96 rounded-xl lg:col-span-7" />
        <Skeleton className="h-96 rounded-xl lg:col-span-5" />
      </div>
    </div>
  );
}

/** The call page: loads the call and keeps it live while it is processed. */
export function CallDetailPanel({ callId, backLink, settingsLink }: TCallDetailPanelProps) {
  useLiveCallProgress();
  const call = useCall(callId);
  if (call.isPending) return <CallDetailSkeleton />;
  if (call.isError) {
    const code = getErrorCode(call.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <Card>
          <EmptyState
            icon={<FileQuestion aria-hidden="true" className="size-8" />}
            title="Call not found"
            description="It may have been deleted, or the link is wrong."
            action={backLink}
          />
        </Card>
      );
    }
    return (
      <Card>
        <ErrorState
          title="Couldn't load the call"
          message={getErrorMessage(call.error)}
          onRetry={() => void call.refetch()}
          retrying={call.isFetching}
        />
      </Card>
    );
  }
  return <CallDetailView key={call.data.id} call={call.data} settingsLink={settingsLink} />;
}
