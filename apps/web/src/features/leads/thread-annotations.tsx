import type { TMessage, TTurnAnalysis } from "@plaibook/shared";
import { clsx } from "clsx";
import { Check, Pencil, X } from "lucide-react";
import type { KeyboardEvent, Ref } from "react";
import { useState } from "react";
import { Button } from "../../components/button";
import { TextAreaField } from "../playbooks/fields";
import { stageLabel } from "./conversation-controls";
import type { TConversationControl } from "./use-conversation-control";

export const MESSAGE_MAX = 1600;

/** Ctrl+Enter (⌘+Enter on a Mac) sends; a plain Enter stays a new line. */
export function isSendShortcut(event: KeyboardEvent): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey);
}

/** The Overseer's verdict on one message: stage · adherence · summary, violations in red. */
export function OverseerNote({ analysis, onRight }: { analysis: TTurnAnalysis; onRight: boolean }) {
  return (
    <div className={clsx("mt-1 max-w-[85%] px-1 text-[11px] text-slate-500", onRight && "text-right")}>
      <p>
        <span className="font-medium text-slate-600">Overseer</span> · {stageLabel(analysis.stage)} ·{" "}
        <span className={clsx("tabular-nums", analysis.adherence < 60 && "font-medium text-rose-600")}>
          {analysis.adherence}% adherence
        </span>{" "}
        · {analysis.summary}
      </p>
      {analysis.violations.length > 0 ? (
        <ul aria-label="Playbook violations" className="mt-0.5 space-y-0.5 text-rose-600">
          {analysis.violations.map((violation) => (
            <li key={violation}>⚠ {violation}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Approve, edit and send, or reject an AI draft (approval mode). */
export function DraftActions({ message, control }: { message: TMessage; control: TConversationControl }) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(message.body);
  const [error, setError] = useState<string | undefined>();
  const busy = control.approveDraft.isPending || control.rejectDraft.isPending;

  const sendEdited = () => {
    const trimmed = body.trim();
    if (!trimmed) {
      setError("Write the message, or reject the draft");
      return;
    }
    control.approveDraft.mutate(
      { messageId: message.id, body: trimmed },
      { onSuccess: () => setEditing(false) },
    );
  };

  if (editing) {
    return (
      <div className="mt-2 w-full max-w-[85%] space-y-2">
        <TextAreaField
          label="Edit the draft"
          hideLabel
          rows={3}
          maxLength={MESSAGE_MAX}
          value={body}
          autoFocus
          onChange={(e) => {
            setBody(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (isSendShortcut(e)) {
              e.preventDefault();
              sendEdited();
            } else if (e.key === "Escape") setEditing(false);
          }}
          error={error}
          hint="Ctrl+Enter sends, Esc cancels."
        />
        <div className="flex justify-end gap-2">
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={() => {
              setEditing(false);
              setBody(message.body);
              setError(undefined);
            }}
          >
            Cancel
          </Button>
          <Button size="sm" loading={control.approveDraft.isPending} onClick={sendEdited}>
            Send edited
          </Button>
        </div>
      </div>
    );
  }
  return (
    <fieldset className="mt-1.5 flex flex-wrap justify-end gap-1.5">
      <legend className="sr-only">Draft actions</legend>
      <Button
        size="sm"
        icon={<Check aria-hidden="true" className="size-4" />}
        loading={control.approveDraft.isPending}
        disabled={busy}
        onClick={() => control.approveDraft.mutate({ messageId: message.id })}
      >
        Approve
      </Button>
      <Button
        variant="secondary"
        size="sm"
        icon={<Pencil aria-hidden="true" className="size-4" />}
        disabled={busy}
        onClick={() => setEditing(true)}
      >
        Edit & send
      </Button>
      <Button
        variant="danger-ghost"
        size="sm"
        icon={<X aria-hidden="true" className="size-4" />}
        loading={control.rejectDraft.isPending}
        disabled={busy}
        onClick={() => control.rejectDraft.mutate({ messageId: message.id })}
      >
        Reject
      </Button>
    </fieldset>
  );
}

/** A person texts the lead; shown while a person has the conversation. */
export function ConversationComposer({
  leadName,
  control,
  conversationId,
  label,
  textareaRef,
}: {
  leadName: string;
  control: TConversationControl;
  conversationId: string;
  /** The textarea's label; "Text <lead>" unless given. */
  label?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const send = () => {
    const trimmed = body.trim();
    if (!trimmed) {
      setError("Write a message first");
      return;
    }
    control.send.mutate({ conversationId, body: trimmed }, { onSuccess: () => setBody("") });
  };
  return (
    <form
      noValidate
      className="space-y-2 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <TextAreaField
        label={label ?? `Text ${leadName}`}
        textareaRef={textareaRef}
        rows={2}
        maxLength={MESSAGE_MAX}
        value={body}
        placeholder="Write your reply…"
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          if (isSendShortcut(e)) {
            e.preventDefault();
            send();
          }
        }}
        error={error}
        hint={
          <span className="flex justify-between gap-4">
            <span>Sent from the campaign's number. Ctrl+Enter sends.</span>
            <span className="tabular-nums">
              {body.length}/{MESSAGE_MAX}
            </span>
          </span>
        }
      />
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={control.send.isPending}>
          Send
        </Button>
      </div>
    </form>
  );
}
