import type { TConversation, TMessage } from "@plaibook/shared";
import { clsx } from "clsx";
import { ArrowUp } from "lucide-react";
import type { KeyboardEvent, ReactNode } from "react";
import { useEffect, useId, useRef, useState } from "react";
import { focusRing } from "../../components/button";
import { Spinner } from "../../components/spinner";
import { formatPhone } from "../leads/lead-format";
import { MessageThread } from "../leads/message-thread";

export const QUICK_REPLIES = ["STOP", "HELP", "What does it cost?", "Can you come Tuesday after 3?"] as const;

export type TPhoneFrameProps = {
  conversation: TConversation;
  messages: ReadonlyArray<TMessage> | undefined;
  loading?: boolean;
  /** Replaces the thread while it cannot be shown (e.g. an error with a retry). */
  threadFallback?: ReactNode;
  /** Null when the user may not reply here; the reason is shown instead of the composer. */
  composerDisabledReason?: string | null;
  /** Sends as the lead; resolves when the server has taken it. */
  onSend: (body: string) => Promise<unknown>;
  sending?: boolean;
};

/** The lead's phone: our texts on the left, the lead's ("you") on the right, and a composer to reply as them. */
export function PhoneFrame({
  conversation,
  messages,
  loading = false,
  threadFallback,
  composerDisabledReason = null,
  onSend,
  sending = false,
}: TPhoneFrameProps) {
  const [text, setText] = useState("");
  const composerId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const leadLabel = conversation.leadName || formatPhone(conversation.leadPhone);
  const count = messages?.length ?? 0;
  const lastId = messages?.[count - 1]?.id;
  const lastStatus = messages?.[count - 1]?.status;

  // Follow the conversation as it grows (a new message, or a status change on the last one).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scroll is triggered by these changing
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId, lastStatus, conversation.id]);

  const send = (body: string) => {
    const trimmed = body.trim();
    if (!trimmed || sending) return;
    onSend(trimmed).then(
      () => setText((current) => (current.trim() === trimmed ? "" : current)),
      () => {
        // The caller reports the error; the text stays so it can be sent again.
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(text);
    }
  };

  return (
    <div className="mx-auto flex h-[min(680px,calc(100dvh-10rem))] min-h-[480px] w-full max-w-[380px] flex-col overflow-hidden rounded-[2.5rem] border-[10px] border-slate-900 bg-slate-100 shadow-xl">
      <div className="flex flex-col items-center border-b border-slate-200 bg-white/90 px-4 pt-2 pb-2.5 text-center">
        <span aria-hidden="true" className="mb-2 h-1.5 w-16 rounded-full bg-slate-900" />
        <p className="max-w-full truncate text-sm font-semibold text-slate-900">
          {conversation.campaignName ?? "Business"}
        </p>
        <p className="text-xs text-slate-500 tabular-nums">{formatPhone(conversation.ourNumber)}</p>
      </div>

      <div
        ref={scrollRef}
        className="flex-1 overflow-y-auto px-3 py-4"
        aria-live="polite"
        aria-relevant="additions"
      >
        {threadFallback ??
          (loading || !messages ? (
            <div className="flex h-full items-center justify-center text-slate-400">
              <Spinner label="Loading messages" />
            </div>
          ) : messages.length === 0 ? (
            <p className="mt-8 text-center text-sm text-slate-500">No messages yet.</p>
          ) : (
            <MessageThread
              messages={messages}
              perspective="lead"
              dark
              label={`Messages on ${leadLabel}'s phone`}
            />
          ))}
      </div>

      {composerDisabledReason ? (
        <p className="border-t border-slate-200 bg-white px-4 py-3 text-center text-xs text-slate-500">
          {composerDisabledReason}
        </p>
      ) : (
        <div className="border-t border-slate-200 bg-white px-3 pt-2 pb-3">
          <fieldset className="mb-2 flex min-w-0 flex-wrap gap-1.5">
            <legend className="sr-only">Quick replies</legend>
            {QUICK_REPLIES.map((reply) => (
              <button
                key={reply}
                type="button"
                disabled={sending}
                onClick={() => send(reply)}
                className={clsx(
                  "shrink-0 rounded-full bg-slate-100 px-3 py-1 text-xs font-medium whitespace-nowrap text-slate-700 ring-1 ring-slate-200 hover:bg-slate-200 disabled:opacity-50",
                  focusRing,
                )}
              >
                {reply}
              </button>
            ))}
          </fieldset>
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              send(text);
            }}
          >
            <label htmlFor={composerId} className="sr-only">
              Reply as {leadLabel}
            </label>
            <textarea
              id={composerId}
              rows={1}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder={`Reply as ${leadLabel}`}
              className="max-h-28 min-h-9 flex-1 resize-none rounded-2xl border-0 bg-slate-100 px-3.5 py-2 text-sm text-slate-900 ring-1 ring-slate-200 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            />
            <button
              type="submit"
              aria-label="Send"
              disabled={sending || !text.trim()}
              className={clsx(
                "flex size-9 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-slate-300",
                focusRing,
              )}
            >
              {sending ? (
                <Spinner size="sm" label={null} />
              ) : (
                <ArrowUp aria-hidden="true" className="size-4" />
              )}
            </button>
          </form>
          <p className="mt-1.5 px-1 text-[11px] text-slate-400">Enter sends · Shift+Enter for a new line</p>
        </div>
      )}
    </div>
  );
}
