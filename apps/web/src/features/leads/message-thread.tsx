import type { TMessage, TMessageStatus } from "@plaibook/shared";
import { clsx } from "clsx";
import { AlertCircle, Check, CheckCheck, Clock } from "lucide-react";
import type { ReactNode } from "react";
import { formatDateTime } from "../../lib/format";

/**
 * Whose phone the thread is drawn from. "business": our messages on the right (the lead page).
 * "lead": the lead's messages on the right, as on their own phone (the phone simulator).
 */
export type TThreadPerspective = "business" | "lead";

const STATUS_LABELS: Record<TMessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  undeliverable: "Undeliverable",
  blocked: "Blocked",
  received: "Received",
  draft: "Draft — awaiting approval",
  rejected: "Rejected",
};

/** Who wrote an outbound message, on the team's side of the thread. */
const AUTHOR_LABELS: Record<TMessage["author"], string> = {
  lead: "Lead",
  ai: "AI",
  // Shown when the person's name is unknown (e.g. a removed user).
  human: "Teammate",
  system: "System",
};

const AUTHOR_TONES: Record<TMessage["author"], string> = {
  lead: "bg-slate-100 text-slate-600",
  ai: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  human: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  system: "bg-slate-100 text-slate-600 ring-slate-500/20",
};

const KIND_LABELS: Partial<Record<TMessage["kind"], string>> = {
  first_touch: "First touch",
  follow_up: "Follow-up",
  compliance: "Compliance",
  manual: "Sent by a teammate",
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric" });

function messageTime(message: TMessage): string {
  return message.sentAt ?? message.createdAt;
}

function StatusIcon({ status }: { status: TMessageStatus }) {
  const cls = "size-3.5";
  if (status === "delivered") return <CheckCheck aria-hidden="true" className={cls} />;
  if (status === "sent") return <Check aria-hidden="true" className={cls} />;
  if (status === "failed" || status === "undeliverable" || status === "blocked")
    return <AlertCircle aria-hidden="true" className={clsx(cls, "text-rose-600")} />;
  if (status === "queued" || status === "sending") return <Clock aria-hidden="true" className={cls} />;
  return null;
}

function isFailure(status: TMessageStatus): boolean {
  return status === "failed" || status === "undeliverable" || status === "blocked";
}

export function MessageBubble({
  message,
  perspective,
  dark = false,
  showAuthor = false,
  after,
}: {
  message: TMessage;
  perspective: TThreadPerspective;
  /** Inside the phone frame. */
  dark?: boolean;
  /** Badge our messages with who wrote them (AI, a teammate, the system). */
  showAuthor?: boolean;
  /** Shown under the message, on its side (draft actions, the Overseer's note). */
  after?: ReactNode;
}) {
  const ours = message.direction === "outbound";
  const onRight = perspective === "business" ? ours : !ours;
  const iso = messageTime(message);
  const date = new Date(iso);
  const draft = message.status === "draft";
  const rejected = message.status === "rejected";
  // The author badge already says "Teammate" for a manual message.
  const kind = ours && !(showAuthor && message.kind === "manual") ? KIND_LABELS[message.kind] : undefined;
  const author =
    perspective === "lead"
      ? ours
        ? "Business"
        : "You"
      : ours
        ? showAuthor
          ? AUTHOR_LABELS[message.author]
          : "Plaibook"
        : "Lead";
  return (
    <li
      className={clsx("flex flex-col", onRight ? "items-end" : "items-start")}
      data-side={onRight ? "right" : "left"}
      data-direction={message.direction}
      data-status={message.status}
    >
      <span className="sr-only">
        {draft ? "Draft by " : rejected ? "Rejected draft by " : ""}
        {author}:{" "}
      </span>
      <div
        className={clsx(
          "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm break-words whitespace-pre-wrap shadow-sm",
          draft
            ? "rounded-br-md border-2 border-dashed border-amber-400 bg-amber-50 text-slate-900"
            : rejected
              ? "rounded-br-md bg-slate-100 text-slate-400 line-through"
              : onRight
                ? "rounded-br-md bg-indigo-600 text-white"
                : dark
                  ? "rounded-bl-md bg-white text-slate-900"
                  : "rounded-bl-md bg-slate-100 text-slate-900",
          isFailure(message.status) && "ring-2 ring-rose-400",
        )}
      >
        {message.body}
      </div>
      <p
        className={clsx(
          "mt-1 flex flex-wrap items-center gap-1 px-1 text-[11px]",
          isFailure(message.status) ? "text-rose-600" : "text-slate-500",
        )}
      >
        {showAuthor && ours ? (
          <span
            aria-hidden="true"
            className={clsx("rounded px-1 py-px font-medium ring-1 ring-inset", AUTHOR_TONES[message.author])}
          >
            {message.author === "human" && message.authorName
              ? message.authorName
              : AUTHOR_LABELS[message.author]}
          </span>
        ) : null}
        {kind ? <span>{kind} ·</span> : null}
        <time dateTime={iso} title={formatDateTime(iso)}>
          {Number.isNaN(date.getTime()) ? "" : timeFormat.format(date)}
        </time>
        {ours ? (
          <>
            <span aria-hidden="true">·</span>
            <StatusIcon status={message.status} />
            <span>{STATUS_LABELS[message.status]}</span>
            {message.status === "queued" &&
            message.scheduledFor &&
            Date.parse(message.scheduledFor) > Date.now() ? (
              // Quiet hours (8:00–21:00 in the lead's zone) or the campaign's business hours.
              <span title={formatDateTime(message.scheduledFor)}>
                · sends {formatDateTime(message.scheduledFor)} (outside sending hours)
              </span>
            ) : null}
          </>
        ) : null}
      </p>
      {ours && isFailure(message.status) && (message.errorMessage || message.errorCode) ? (
        <p className="max-w-[85%] px-1 text-[11px] text-rose-600">
          {message.errorMessage ?? `Error ${message.errorCode}`}
        </p>
      ) : null}
      {after}
    </li>
  );
}

/**
 * Oldest first. Messages written in one transaction share a timestamp (a STOP and its confirmation):
 * the lead's message goes first, since ours answers it.
 */
export function orderMessages(messages: ReadonlyArray<TMessage>): TMessage[] {
  return [...messages].sort(
    (a, b) =>
      a.createdAt.localeCompare(b.createdAt) ||
      (a.direction === b.direction ? 0 : a.direction === "inbound" ? -1 : 1),
  );
}

/** Messages oldest first, with a divider whenever the day changes. */
export function MessageThread({
  messages,
  perspective,
  dark = false,
  label = "Messages",
  showAuthors = false,
  renderAfter,
}: {
  messages: ReadonlyArray<TMessage>;
  perspective: TThreadPerspective;
  dark?: boolean;
  label?: string;
  showAuthors?: boolean;
  renderAfter?: (message: TMessage) => ReactNode;
}) {
  let lastDay = "";
  // The lead's phone never received drafts (sent or turned down): they belong to the team's view only.
  const shown =
    perspective === "lead"
      ? messages.filter((m) => m.status !== "draft" && m.status !== "rejected")
      : messages;
  return (
    <ol aria-label={label} className="space-y-3">
      {orderMessages(shown).map((message) => {
        const date = new Date(messageTime(message));
        const day = Number.isNaN(date.getTime()) ? "" : dayFormat.format(date);
        const divider = day && day !== lastDay;
        lastDay = day || lastDay;
        return (
          <DayGroup key={message.id} day={divider ? day : null} dark={dark}>
            <MessageBubble
              message={message}
              perspective={perspective}
              dark={dark}
              showAuthor={showAuthors}
              after={renderAfter?.(message)}
            />
          </DayGroup>
        );
      })}
    </ol>
  );
}

function DayGroup({ day, dark, children }: { day: string | null; dark: boolean; children: ReactNode }) {
  if (!day) return children;
  return (
    <>
      <li
        aria-hidden="true"
        className={clsx(
          "pt-1 text-center text-[11px] font-medium",
          dark ? "text-slate-500" : "text-slate-400",
        )}
      >
        {day}
      </li>
      {children}
    </>
  );
}
