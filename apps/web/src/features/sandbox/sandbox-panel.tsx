import type { TConversation } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { ArrowLeft, Smartphone } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { formatPhone } from "../leads/lead-format";
import { useConversation, useLiveConversations } from "../leads/use-leads";
import { BotToggle } from "./bot-toggle";
import { ConversationList, ConversationListSkeleton } from "./conversation-list";
import { PhoneFrame } from "./phone-frame";
import {
  useConversationList,
  useSandboxReply,
  useSandboxSettings,
  useSendingNumbers,
  useSetBot,
} from "./use-sandbox";

export type TSandboxPanelProps = {
  selectedId: string | null;
  onSelect: (conversationId: string | null) => void;
  /** Link to the campaigns page, offered in the empty state. */
  campaignsLink?: ReactNode;
  renderLeadLink?: (leadId: string, label: string) => ReactNode;
};

function SelectedPhone({
  conversation,
  canReply,
  realNumber,
}: {
  conversation: TConversation;
  canReply: boolean;
  realNumber: boolean;
}) {
  const thread = useConversation(conversation.id);
  const reply = useSandboxReply();
  const reason = !canReply
    ? "Your role can watch conversations here but not reply as the lead."
    : realNumber
      ? "This conversation runs on a real phone number, so only the lead's phone can reply."
      : null;
  return (
    <PhoneFrame
      conversation={conversation}
      messages={thread.data?.messages}
      loading={thread.isPending}
      threadFallback={
        thread.isError ? (
          <ErrorState
            title="Couldn't load the messages"
            message={getErrorMessage(thread.error)}
            onRetry={() => void thread.refetch()}
            retrying={thread.isFetching}
          />
        ) : undefined
      }
      composerDisabledReason={reason}
      sending={reply.isPending}
      onSend={(body) =>
        reply.mutateAsync({ conversationId: conversation.id, body }).catch((error: unknown) => {
          toast.error("Couldn't send the reply", getErrorMessage(error));
          throw error;
        })
      }
    />
  );
}

/** The phone simulator: conversations on the left, the selected lead's phone on the right. */
export function SandboxPanel({ selectedId, onSelect, campaignsLink, renderLeadLink }: TSandboxPanelProps) {
  const { user } = useSession();
  const canSimulate = can(user.role, "sandbox.simulate");
  // The server lets managers and up switch the bot.
  const canToggleBot = can(user.role, "campaigns.manage");
  const conversations = useConversationList();
  const settings = useSandboxSettings(canSimulate);
  const setBot = useSetBot();
  const numbers = useSendingNumbers();
  useLiveConversations();

  const list = conversations.data ?? [];
  const listed = list.find((c) => c.id === selectedId) ?? null;
  // A linked conversation older than the list still opens.
  const direct = useConversation(listed || conversations.isPending ? null : selectedId);
  const selected = listed ?? direct.data?.conversation ?? null;
  const realNumbers = new Set(
    (numbers.data ?? []).filter((n) => n.provider !== "sandbox").map((n) => n.e164),
  );

  const listBody = (() => {
    if (conversations.isPending) return <ConversationListSkeleton />;
    if (conversations.isError) {
      return (
        <ErrorState
          title="Couldn't load conversations"
          message={getErrorMessage(conversations.error)}
          onRetry={() => void conversations.refetch()}
          retrying={conversations.isFetching}
        />
      );
    }
    if (list.length === 0) {
      return (
        <EmptyState
          icon={<Smartphone aria-hidden="true" className="size-8" />}
          title="No conversations yet"
          description="Launch a campaign in Sandbox mode to see first touches here. Nothing leaves Plaibook: you answer as the lead, right in this page."
          action={campaignsLink}
        />
      );
    }
    return <ConversationList conversations={list} selectedId={selectedId} onSelect={onSelect} />;
  })();

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className={selected ? "hidden space-y-4 lg:block" : "space-y-4"}>
        {settings.data ? (
          <Card>
            <BotToggle
              settings={settings.data}
              canToggle={canToggleBot}
              pending={setBot.isPending}
              onToggle={(enabled) =>
                setBot.mutate(
                  { enabled },
                  {
                    onSuccess: (next) =>
                      toast.success(
                        next.botEnabled
                          ? "Simulated leads will reply by themselves"
                          : "Simulated leads are quiet",
                      ),
                    onError: (error) => toast.error("Couldn't change the bot", getErrorMessage(error)),
                  },
                )
              }
            />
          </Card>
        ) : null}
        <Card className="overflow-hidden">
          <div className="border-b border-slate-200 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">Conversations</h2>
            <p className="text-xs text-slate-500">Pick one to see the lead's phone.</p>
          </div>
          <div className="lg:max-h-[calc(100dvh-18rem)] lg:overflow-y-auto">{listBody}</div>
        </Card>
      </div>

      <div className={selected ? "" : "hidden lg:block"}>
        {selected ? (
          <div className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Button
                variant="ghost"
                size="sm"
                className="lg:hidden"
                onClick={() => onSelect(null)}
                icon={<ArrowLeft aria-hidden="true" className="size-4" />}
              >
                All conversations
              </Button>
              <p className="text-sm text-slate-600">
                {"You're "}
                <span className="font-medium text-slate-900">
                  {renderLeadLink
                    ? renderLeadLink(selected.leadId, selected.leadName || formatPhone(selected.leadPhone))
                    : selected.leadName}
                </span>{" "}
                <span className="tabular-nums">({formatPhone(selected.leadPhone)})</span>
              </p>
            </div>
            <SelectedPhone
              key={selected.id}
              conversation={selected}
              canReply={canSimulate}
              realNumber={realNumbers.has(selected.ourNumber)}
            />
          </div>
        ) : (
          <Card className="flex h-full min-h-80 items-center justify-center">
            <EmptyState
              icon={<Smartphone aria-hidden="true" className="size-8" />}
              title={list.length > 0 ? "Pick a conversation" : "The lead's phone appears here"}
              description={
                list.length > 0
                  ? "Choose a conversation on the left to see it as the lead sees it and reply as them."
                  : "Once a Sandbox campaign sends its first touches, open one to reply as the lead."
              }
            />
          </Card>
        )}
      </div>
    </div>
  );
}
