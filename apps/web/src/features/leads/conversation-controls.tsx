import type { TConversation } from "@plaibook/shared";
import { clsx } from "clsx";
import { Bot, Siren, UserRound } from "lucide-react";
import { useEffect, useRef } from "react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { formatDateTime, formatRelative } from "../../lib/format";
import type { TConversationControl } from "./use-conversation-control";

/** "objection_handling" → "Objection handling". */
export function stageLabel(stage: string): string {
  const words = stage.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function controllerName(conversation: TConversation, myUserId: string): string {
  if (conversation.controlledBy === myUserId) return "You";
  return conversation.controlledByName ?? "A teammate";
}

/** An escalation hands the conversation to people without naming one: someone has to take it. */
function awaitingPerson(conversation: TConversation): boolean {
  return conversation.control === "human" && conversation.controlledBy === null;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Who answers the lead now, for the conversation's header row. */
export function ControlBadge({ conversation, myUserId }: { conversation: TConversation; myUserId: string }) {
  if (conversation.control === "ai")
    return (
      <Badge tone="accent" className="gap-1">
        <Bot aria-hidden="true" className="size-3.5" />
        AI answering
      </Badge>
    );
  if (awaitingPerson(conversation))
    return (
      <Badge tone="warning" className="gap-1">
        <UserRound aria-hidden="true" className="size-3.5" />
        Needs a person
      </Badge>
    );
  return (
    <Badge tone="success" className="gap-1">
      <UserRound aria-hidden="true" className="size-3.5" />
      {controllerName(conversation, myUserId)}
      {conversation.controlledBy === myUserId ? " have it" : " has it"}
    </Badge>
  );
}

/** Shown while an escalation is open: why the AI stepped back, and since when. */
export function EscalationBanner({ conversation }: { conversation: TConversation }) {
  if (!conversation.escalatedAt) return null;
  return (
    <div className="flex gap-2.5 rounded-md bg-rose-50 px-3 py-2.5 text-sm text-rose-800 ring-1 ring-rose-200">
      <Siren aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-rose-600" />
      <div className="min-w-0">
        <p className="font-medium">
          Escalated{" "}
          <time dateTime={conversation.escalatedAt} title={formatDateTime(conversation.escalatedAt)}>
            {formatRelative(conversation.escalatedAt)}
          </time>
        </p>
        <p className="break-words">
          {conversation.escalationReason
            ? sentence(conversation.escalationReason)
            : "A person should look at this conversation."}
        </p>
      </div>
    </div>
  );
}

/** The Overseer's running view of the conversation: where it stands and what has happened. */
export function ConversationInsight({ conversation }: { conversation: TConversation }) {
  const hasStage = Boolean(conversation.currentStage);
  const hasAdherence = conversation.averageAdherence !== null;
  if (!hasStage && !hasAdherence && !conversation.runningSummary) return null;
  return (
    <section
      aria-label="Conversation summary"
      className="rounded-md bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-slate-200"
    >
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        {conversation.currentStage ? (
          <span>
            Stage <span className="font-medium text-slate-800">{stageLabel(conversation.currentStage)}</span>
          </span>
        ) : null}
        {conversation.averageAdherence !== null ? (
          <span>
            Playbook adherence{" "}
            <span
              className={clsx(
                "font-medium tabular-nums",
                conversation.averageAdherence < 60 ? "text-rose-600" : "text-slate-800",
              )}
            >
              {Math.round(conversation.averageAdherence)}%
            </span>
          </span>
        ) : null}
      </p>
      {conversation.runningSummary ? (
        <p className="mt-1 break-words text-slate-700">{conversation.runningSummary}</p>
      ) : null}
    </section>
  );
}

/** Who has the conversation, and the button that changes it. */
export function ControlBar({
  conversation,
  control,
  canControl,
  myUserId,
}: {
  conversation: TConversation;
  control: TConversationControl;
  canControl: boolean;
  myUserId: string;
}) {
  const ai = conversation.control === "ai";
  const waiting = awaitingPerson(conversation);
  const input = { conversationId: conversation.id };
  const barRef = useRef<HTMLDivElement>(null);
  const restoreFocus = useRef(false);
  const pending = control.takeOver.isPending || control.handBack.isPending;
  // A loading button is disabled, which drops keyboard focus to the page: put it back on the toggle.
  useEffect(() => {
    if (pending || !restoreFocus.current) return;
    restoreFocus.current = false;
    if (document.activeElement === document.body) barRef.current?.querySelector("button")?.focus();
  }, [pending]);
  const optedOut = conversation.status === "opted_out";
  const takeOver = (
    <Button
      variant="secondary"
      size="sm"
      loading={control.takeOver.isPending}
      onClick={() => {
        restoreFocus.current = true;
        control.takeOver.mutate(input);
      }}
    >
      Take over
    </Button>
  );
  const handBack = (
    <Button
      variant="secondary"
      size="sm"
      loading={control.handBack.isPending}
      onClick={() => {
        restoreFocus.current = true;
        control.handBack.mutate(input);
      }}
    >
      Hand back to AI
    </Button>
  );
  return (
    <div ref={barRef} className="flex flex-wrap items-center justify-between gap-3">
      <p className="flex min-w-0 items-center gap-2 text-sm text-slate-600">
        {ai ? (
          <Bot aria-hidden="true" className="size-4 shrink-0 text-indigo-500" />
        ) : (
          <UserRound
            aria-hidden="true"
            className={clsx("size-4 shrink-0", waiting ? "text-amber-600" : "text-emerald-600")}
          />
        )}
        <span>
          {ai ? (
            "The AI agent answers this lead."
          ) : waiting ? (
            "The AI has stepped back and no one has taken this conversation yet."
          ) : (
            <>
              <span className="font-medium text-slate-900">{controllerName(conversation, myUserId)}</span>
              {conversation.controlledBy === myUserId ? " are" : " is"} answering; the AI is paused.
            </>
          )}
        </span>
      </p>
      {canControl && !optedOut ? (
        <div className="flex shrink-0 gap-2">
          {/* One slot for the usual toggle, so keyboard focus stays on it when it flips. */}
          {ai ? takeOver : handBack}
          {waiting ? takeOver : null}
        </div>
      ) : null}
    </div>
  );
}
