import type { TAiSettingsView } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { Link, useParams } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ArrowLeft, Bot, Lock } from "lucide-react";
import type { ReactNode } from "react";
import { useCallback, useMemo, useState } from "react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { timeZoneOptions } from "../campaigns/campaign-format";
import { usePlaybook } from "../playbooks/use-playbooks";
import { ConsoleChat, ResetButton } from "./console-chat";
import { humanize } from "./console-format";
import { RollupPanel } from "./rollup-panel";
import { useAgentSettings, useConsoleConversation } from "./use-console";

const DEFAULT_LEAD = { firstName: "Alex", timeZone: "America/New_York" };

function BackLink({ playbookId }: { playbookId: string }) {
  return (
    <Link
      to="/playbooks/$playbookId"
      params={{ playbookId }}
      className={clsx(
        "inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-800",
        focusRing,
      )}
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      Back to the playbook
    </Link>
  );
}

function ConsoleSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only" role="status">
        Loading the console
      </span>
      <Skeleton className="h-4 w-36" />
      <Skeleton className="h-8 w-80 max-w-full" />
      <Card className="grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </Card>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-96 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    </div>
  );
}

/** Which engine will answer: the model, or the offline engine (and why). */
function EngineInfo({ settings }: { settings: ReturnType<typeof useAgentSettings> }) {
  const view: TAiSettingsView | undefined = settings.data;
  let body: ReactNode;
  if (settings.isPending) body = <Skeleton className="mt-1 h-5 w-40" />;
  else if (!view) body = <p className="text-sm text-slate-500">Couldn't read the AI settings.</p>;
  else if (!view.llmAvailable)
    body = (
      <>
        <Badge>Offline engine</Badge>
        <p className="mt-1 text-xs text-slate-500">
          No API key: offline engine. Rule-based replies, no model cost.
        </p>
      </>
    );
  else if (view.ai.engine === "offline")
    body = (
      <>
        <Badge>Offline engine</Badge>
        <p className="mt-1 text-xs text-slate-500">Chosen in AI settings.</p>
      </>
    );
  else
    body = (
      <>
        <Badge tone="accent" className="max-w-full truncate">
          {view.ai.model}
        </Badge>
        {view.ai.fallbackModel ? (
          <p className="mt-1 truncate text-xs text-slate-500" title={view.ai.fallbackModel}>
            Fallback: {view.ai.fallbackModel}
          </p>
        ) : null}
      </>
    );
  return (
    <div className="min-w-0">
      <p className="mb-1.5 flex items-center gap-1.5 text-sm font-medium text-slate-700">
        <Bot aria-hidden="true" className="size-4 text-slate-400" />
        Answering engine
      </p>
      {body}
    </div>
  );
}

/** `/playbooks/$playbookId/console`: chat as a lead with any version of a playbook, with the Overseer's read. */
export function PlaybookConsolePage() {
  const { playbookId = "" } = useParams({ strict: false });
  return <PlaybookConsole key={playbookId} playbookId={playbookId} />;
}

export function PlaybookConsole({ playbookId }: { playbookId: string }) {
  const { user } = useSession();
  const allowed = can(user.role, "agent.console");
  const playbook = usePlaybook(allowed ? playbookId : null);
  const settings = useAgentSettings();
  const [version, setVersion] = useState<number | null>(null);
  const [lead, setLead] = useState(DEFAULT_LEAD);
  const chat = useConsoleConversation({ playbookId, version, lead });

  const stages = playbook.data?.current.content.stages;
  const stageName = useCallback(
    (key: string) => stages?.find((stage) => stage.key === key)?.name ?? humanize(key),
    [stages],
  );
  const zoneOptions = useMemo(() => timeZoneOptions(lead.timeZone), [lead.timeZone]);

  if (!allowed) {
    return (
      <>
        <div className="mb-6">
          <BackLink playbookId={playbookId} />
        </div>
        <Card>
          <EmptyState
            icon={<Lock aria-hidden="true" className="size-8" />}
            title="Only reps and above can use the test console"
            description="Ask a manager for access if you need to try playbooks."
          />
        </Card>
      </>
    );
  }

  if (playbook.isPending) return <ConsoleSkeleton />;
  if (playbook.isError) {
    const code = getErrorCode(playbook.error);
    return (
      <>
        <div className="mb-6">
          <BackLink playbookId={playbookId} />
        </div>
        <Card>
          <ErrorState
            title={code === "NOT_FOUND" ? "Playbook not found" : "Couldn't load this playbook"}
            message={
              code === "NOT_FOUND"
                ? "It may have been deleted, or the link is wrong."
                : getErrorMessage(playbook.error)
            }
            onRetry={code === "NOT_FOUND" ? undefined : () => void playbook.refetch()}
            retrying={playbook.isFetching}
          />
        </Card>
      </>
    );
  }

  const { playbook: summary, versions, current } = playbook.data;
  const versionOptions = [
    { value: "current", label: `Version ${current.version} (current)` },
    ...versions
      .filter((v) => v.version !== current.version)
      .map((v) => ({
        value: String(v.version),
        label: `Version ${v.version}${v.note ? ` · ${v.note}` : ""}`,
      })),
  ];
  const leadName = lead.firstName.trim() || "Lead";
  const agentName = current.content.persona.agentName || "Agent";
  const waiting = chat.pending !== null;
  const { conversation } = chat;

  return (
    <>
      <div className="mb-6 space-y-2">
        <BackLink playbookId={playbookId} />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900">
            {summary.name}
          </h1>
          <Badge tone="accent">Test console</Badge>
        </div>
        <p className="text-sm text-slate-500">
          Chat as a lead to see how the agent answers and how the Overseer scores each turn. Nothing is texted
          or booked; the slots offered are real open times of your calendar.
        </p>
      </div>

      <Card className="mb-6">
        <div className="grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label="Playbook version"
            options={versionOptions}
            value={version === null ? "current" : String(version)}
            onChange={(event) =>
              setVersion(event.target.value === "current" ? null : Number(event.target.value))
            }
          />
          <TextField
            label="Lead first name"
            value={lead.firstName}
            maxLength={60}
            onChange={(event) => setLead((l) => ({ ...l, firstName: event.target.value }))}
          />
          <SelectField
            label="Lead time zone"
            options={zoneOptions}
            value={lead.timeZone}
            onChange={(event) => setLead((l) => ({ ...l, timeZone: event.target.value }))}
          />
          <EngineInfo settings={settings} />
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="flex h-[min(720px,calc(100dvh-6rem))] min-h-[30rem] flex-col overflow-hidden">
          <CardHeader
            title="Conversation"
            description={
              conversation.usage.length === 0
                ? "You write as the lead; the agent answers as it would by text."
                : `${conversation.usage.length} ${conversation.usage.length === 1 ? "message" : "messages"} from ${leadName}`
            }
            actions={
              <ResetButton
                onReset={chat.reset}
                disabled={conversation.entries.length === 0 && !waiting && chat.failure === null}
              />
            }
          />
          <ConsoleChat
            entries={conversation.entries}
            leadName={leadName}
            agentName={agentName}
            pending={chat.pending}
            failure={chat.failure}
            handedOver={conversation.handedOver}
            done={conversation.state?.done ?? false}
            stageName={stageName}
            onSend={chat.send}
            onRetry={chat.send}
            onDismissFailure={chat.dismissFailure}
          />
        </Card>
        <RollupPanel
          rollup={conversation.rollup}
          state={conversation.state}
          usage={conversation.usage}
          costMicros={conversation.costMicros}
          timeZone={lead.timeZone}
          stageName={stageName}
        />
      </div>
    </>
  );
}
