import { clsx } from "clsx";
import {
  AlertTriangle,
  ArrowUp,
  MessageSquareDashed,
  PauseCircle,
  RotateCcw,
  RotateCw,
  X,
} from "lucide-react";
import type { KeyboardEvent } from "react";
import { useEffect, useId, useRef, useState } from "react";
import { Button, focusRing } from "../../components/button";
import { Spinner } from "../../components/spinner";
import { getErrorMessage } from "../../lib/errors";
import type { TConsoleEntry } from "./console-conversation";
import { ClassificationChips, VerdictPanel } from "./turn-insights";
import type { TConsoleFailure } from "./use-console";

export const EXAMPLE_MESSAGES = [
  "How much is it?",
  "Too expensive for me",
  "Can you do Thursday at 10?",
  "I want to talk to a real person",
] as const;

export type TConsoleChatProps = {
  entries: ReadonlyArray<TConsoleEntry>;
  leadName: string;
  agentName: string;
  pending: string | null;
  failure: TConsoleFailure | null;
  handedOver: boolean;
  done: boolean;
  stageName: (key: string) => string;
  onSend: (message: string) => void;
  onRetry: (message: string) => void;
  onDismissFailure: () => void;
};

function LeadBubble({
  text,
  failed = false,
  waiting = false,
}: {
  text: string;
  failed?: boolean;
  waiting?: boolean;
}) {
  return (
    <div
      className={clsx(
        "max-w-[85%] rounded-2xl rounded-br-md bg-indigo-600 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-white shadow-sm",
        failed && "ring-2 ring-rose-400 ring-offset-1",
        waiting && "opacity-80",
      )}
    >
      {text}
    </div>
  );
}

function EntryRow({
  entry,
  leadName,
  agentName,
  stageName,
}: {
  entry: TConsoleEntry;
  leadName: string;
  agentName: string;
  stageName: (key: string) => string;
}) {
  if (entry.kind === "handover") {
    return (
      <li className="flex justify-center" data-kind="handover">
        <p
          role="note"
          className="flex max-w-[90%] items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <PauseCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="font-semibold">Handed to a person:</span> {entry.reason}
          </span>
        </p>
      </li>
    );
  }
  if (entry.kind === "lead") {
    return (
      <li className="flex flex-col items-end gap-1.5" data-kind="lead">
        <span className="px-1 text-[11px] font-medium text-slate-500">{leadName}</span>
        <LeadBubble text={entry.text} />
        {entry.classification ? <ClassificationChips classification={entry.classification} /> : null}
        <p className="max-w-md px-1 text-right text-[11px] text-slate-500">
          <span className="font-medium text-slate-600">Overseer:</span> {stageName(entry.verdict.stage)} ·{" "}
          {entry.verdict.summary}
        </p>
      </li>
    );
  }
  return (
    <li className="flex flex-col items-start gap-1.5" data-kind="agent">
      <span className="px-1 text-[11px] font-medium text-slate-500">
        {agentName} · v{entry.playbookVersion}
      </span>
      <div className="max-w-[85%] rounded-2xl rounded-bl-md bg-white px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-slate-900 shadow-sm ring-1 ring-slate-200">
        {entry.text}
      </div>
      {entry.verdict ? (
        <VerdictPanel verdict={entry.verdict} segments={entry.segments} stageName={stageName} />
      ) : null}
    </li>
  );
}

function EmptyThread({ onPick, disabled }: { onPick: (message: string) => void; disabled: boolean }) {
  return (
    <div className="flex h-full flex-col items-center justify-center px-4 py-8 text-center">
      <MessageSquareDashed aria-hidden="true" className="mb-3 size-8 text-slate-400" />
      <h3 className="text-sm font-semibold text-slate-900">Start the conversation as the lead</h3>
      <p className="mt-1 max-w-sm text-sm text-slate-500">
        Type what a lead would text, or try one of these. Nothing is sent to anyone.
      </p>
      <ul aria-label="Example messages" className="mt-4 flex max-w-md flex-wrap justify-center gap-2">
        {EXAMPLE_MESSAGES.map((example) => (
          <li key={example}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(example)}
              className={clsx(
                "rounded-full bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50",
                focusRing,
              )}
            >
              {example}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The chat pane: the thread with each turn's analysis, and a composer that writes as the lead. */
export function ConsoleChat({
  entries,
  leadName,
  agentName,
  pending,
  failure,
  handedOver,
  done,
  stageName,
  onSend,
  onRetry,
  onDismissFailure,
}: TConsoleChatProps) {
  const [text, setText] = useState("");
  const composerId = useId();
  const hintId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const waiting = pending !== null;

  // Follow the thread as it grows, and while an answer is awaited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scroll is triggered by these changing
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries.length, pending, failure]);

  // Back to the composer once the answer is in, so the next message can be typed straight away.
  const wasWaiting = useRef(false);
  useEffect(() => {
    if (wasWaiting.current && !waiting) composerRef.current?.focus({ preventScroll: true });
    wasWaiting.current = waiting;
  }, [waiting]);

  const send = (body: string) => {
    const trimmed = body.trim();
    if (!trimmed || waiting) return;
    onSend(trimmed);
    setText("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(text);
    }
  };

  const empty = entries.length === 0 && !waiting && !failure;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scrollRef}
        className="min-h-0 flex-1 overflow-y-auto bg-slate-50 px-3 py-4 sm:px-4"
        aria-live="polite"
        aria-relevant="additions"
      >
        {empty ? (
          <EmptyThread onPick={send} disabled={waiting} />
        ) : (
          <ol aria-label="Conversation" className="space-y-4">
            {entries.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                leadName={leadName}
                agentName={agentName}
                stageName={stageName}
              />
            ))}
            {pending !== null ? (
              <li className="flex flex-col gap-1.5" data-kind="pending">
                <div className="flex justify-end">
                  <LeadBubble text={pending} waiting />
                </div>
                <div className="flex items-center gap-2 self-start rounded-2xl rounded-bl-md bg-white px-3.5 py-2 text-sm text-slate-500 shadow-sm ring-1 ring-slate-200">
                  <Spinner size="sm" label={null} className="text-indigo-600" />
                  <span role="status">{agentName} is replying…</span>
                </div>
              </li>
            ) : null}
            {failure ? (
              <li className="flex flex-col items-end gap-1.5" data-kind="failed">
                <LeadBubble text={failure.message} failed />
                <div
                  role="alert"
                  className="flex w-full max-w-md flex-col gap-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
                >
                  <p className="flex items-start gap-2">
                    <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    <span>
                      <span className="font-semibold">No answer to this message.</span>{" "}
                      {getErrorMessage(failure.error)}
                    </span>
                  </p>
                  <div className="flex justify-end gap-2">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={onDismissFailure}
                      icon={<X aria-hidden="true" className="size-4" />}
                    >
                      Discard
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => onRetry(failure.message)}
                      icon={<RotateCw aria-hidden="true" className="size-4" />}
                    >
                      Try again
                    </Button>
                  </div>
                </div>
              </li>
            ) : null}
          </ol>
        )}
      </div>

      {handedOver || done ? (
        <p className="flex items-start gap-2 border-t border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-900">
          <PauseCircle aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          {handedOver
            ? "Live, the AI would now be paused and a person would answer. You can keep testing what the agent would say."
            : "The agent considers this conversation finished. Live, it would stop texting; you can keep testing."}
        </p>
      ) : null}

      <form
        className="flex items-end gap-2 border-t border-slate-200 bg-white px-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          send(text);
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor={composerId} className="sr-only">
            Message from {leadName}
          </label>
          <textarea
            id={composerId}
            ref={composerRef}
            rows={2}
            value={text}
            disabled={waiting}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            maxLength={1600}
            aria-describedby={hintId}
            placeholder={`Write as ${leadName}…`}
            className="block max-h-40 min-h-10 w-full resize-y rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500"
          />
          <p id={hintId} className="mt-1 text-[11px] text-slate-500">
            Enter sends · Shift+Enter for a new line
          </p>
        </div>
        <Button
          type="submit"
          className="mb-5"
          loading={waiting}
          disabled={!text.trim()}
          icon={<ArrowUp aria-hidden="true" className="size-4" />}
        >
          Send
        </Button>
      </form>
    </div>
  );
}

export function ResetButton({ onReset, disabled }: { onReset: () => void; disabled: boolean }) {
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={onReset}
      disabled={disabled}
      icon={<RotateCcw aria-hidden="true" className="size-4" />}
    >
      Reset conversation
    </Button>
  );
}
