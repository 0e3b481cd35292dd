import type { TPlaybookContent, TPlaybookVersion } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useBlocker, useNavigate } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ArrowLeft, Eye } from "lucide-react";
import type { KeyboardEvent, ReactNode } from "react";
import { useCallback, useRef, useState } from "react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../auth/use-auth";
import type { TPlaybookDraft } from "./playbook-draft";
import { contentToDraft, newPlaybookDraft } from "./playbook-draft";
import { PlaybookForm } from "./playbook-form";
import { PlaybookHistory } from "./playbook-history";
import { usePlaybook, usePlaybookVersion, useSavePlaybook } from "./use-playbooks";

const SECTIONS = [
  ["basics", "Basics"],
  ["persona", "Persona and goal"],
  ["stages", "Stages"],
  ["objections", "Objections"],
  ["faq", "FAQ"],
  ["booking", "Booking"],
  ["escalation", "Escalation"],
  ["templates", "Messages"],
] as const;

function BackLink() {
  return (
    <Link
      to="/playbooks"
      className={clsx(
        "inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-800",
        focusRing,
      )}
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      Playbooks
    </Link>
  );
}

function EditorHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 space-y-2">
      <BackLink />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {children}
      </div>
    </div>
  );
}

function SectionNav() {
  return (
    <nav aria-label="Playbook sections" className="sticky top-6 hidden self-start lg:block">
      <p className="px-2 pb-2 text-xs font-semibold tracking-wider text-slate-500 uppercase">On this page</p>
      <ul className="space-y-0.5">
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              className={clsx(
                "block rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-white hover:text-slate-900",
                focusRing,
              )}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function EditorSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only" role="status">
        Loading playbook
      </span>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-8 w-72" />
      {[0, 1, 2].map((i) => (
        <Card key={i} className="space-y-4 p-5">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-20 w-full" />
        </Card>
      ))}
    </div>
  );
}

/** Warns before leaving the page with unsaved edits (in-app navigation and closing the tab). */
function useUnsavedChangesGuard() {
  const [dirty, setDirty] = useState(false);
  const bypass = useRef(false);
  useBlocker({
    shouldBlockFn: () => {
      if (!dirty || bypass.current) return false;
      return !window.confirm("You have unsaved changes. Leave without saving?");
    },
    enableBeforeUnload: () => dirty && !bypass.current,
  });
  return { setDirty: useCallback((d: boolean) => setDirty(d), []), bypass };
}

type TTab = "editor" | "history";

function Tabs({
  tab,
  onChange,
  versionCount,
}: {
  tab: TTab;
  onChange: (t: TTab) => void;
  versionCount: number;
}) {
  const tabs: Array<[TTab, string]> = [
    ["editor", "Playbook"],
    ["history", `History (${versionCount})`],
  ];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const next: TTab = tab === "editor" ? "history" : "editor";
    onChange(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label="Playbook views"
      onKeyDown={onKeyDown}
      className="mb-6 flex gap-1 border-b border-slate-200"
    >
      {tabs.map(([id, label]) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => onChange(id)}
          className={clsx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            focusRing,
            tab === id
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
          )}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function HistoryPanel({
  playbookId,
  current,
  versions,
  onRestore,
}: {
  playbookId: string;
  current: TPlaybookVersion;
  versions: ReadonlyArray<{ version: number; note: string; createdAt: string; createdBy: string | null }>;
  onRestore?: ((version: number) => void) | undefined;
}) {
  const previous = versions.map((v) => v.version).filter((v) => v < current.version);
  // By default: what the last save changed.
  const [pair, setPair] = useState({
    from: previous.length > 0 ? Math.max(...previous) : current.version,
    to: current.version,
  });
  const before = usePlaybookVersion(
    playbookId,
    pair.from,
    pair.from !== current.version && pair.from !== pair.to,
  );
  const after = usePlaybookVersion(playbookId, pair.to, pair.to !== current.version && pair.from !== pair.to);
  const contentOf = (version: number, query: typeof before): TPlaybookContent | undefined =>
    version === current.version ? current.content : query.data?.content;
  const b = contentOf(pair.from, before);
  const a = contentOf(pair.to, after);
  const failed = before.isError ? before : after.isError ? after : null;
  return (
    <PlaybookHistory
      versions={versions}
      currentVersion={current.version}
      from={pair.from}
      to={pair.to}
      onCompare={(from, to) => setPair({ from, to })}
      diff={b && a ? { before: b, after: a } : undefined}
      diffError={failed ? getErrorMessage(failed.error) : null}
      onRetryDiff={() => {
        void before.refetch();
        void after.refetch();
      }}
      onRestore={onRestore}
    />
  );
}

/** The playbook page: editor (read-only for viewers) and version history. `playbookId` "new" creates one. */
export function PlaybookEditor({ playbookId }: { playbookId: string }) {
  const isNew = playbookId === "new";
  const { user, org } = useSession();
  const canEdit = can(user.role, "playbooks.edit");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const playbook = usePlaybook(isNew ? null : playbookId);
  const save = useSavePlaybook();
  const guard = useUnsavedChangesGuard();
  const [tab, setTab] = useState<TTab>("editor");
  /** An older version copied into the editor: the form restarts from it, compared against the current one. */
  const [seed, setSeed] = useState<{ key: string; draft: TPlaybookDraft } | null>(null);
  const [restoredFrom, setRestoredFrom] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  const onSave = (input: Omit<Parameters<typeof save.mutateAsync>[0], "playbookId">) =>
    save.mutateAsync({ ...input, ...(isNew ? {} : { playbookId }) }).then(
      (version) => {
        toast.success(isNew ? "Playbook created" : `Saved as version ${version.version}`);
        if (isNew) {
          guard.bypass.current = true;
          void navigate({
            to: "/playbooks/$playbookId",
            params: { playbookId: version.playbookId },
            replace: true,
          });
        }
        setRestoredFrom(null);
        return version;
      },
      (error: unknown) => {
        toast.error("Couldn't save the playbook", getErrorMessage(error));
        throw error;
      },
    );

  if (isNew) {
    if (!canEdit) {
      return (
        <>
          <EditorHeader title="New playbook" />
          <Card>
            <EmptyState
              icon={<Eye aria-hidden="true" className="size-8" />}
              title="Only managers can create playbooks"
              description="Ask a manager, admin or owner to create one."
            />
          </Card>
        </>
      );
    }
    return (
      <>
        <EditorHeader title="New playbook" />
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_11rem]">
          <PlaybookForm
            key="new"
            initial={newPlaybookDraft()}
            isNew
            businessName={org.name}
            onSave={onSave}
            onDirtyChange={guard.setDirty}
          />
          <SectionNav />
        </div>
      </>
    );
  }

  if (playbook.isPending) return <EditorSkeleton />;
  if (playbook.isError) {
    const notFound = getErrorCode(playbook.error) === "NOT_FOUND";
    return (
      <>
        <EditorHeader title="Playbook" />
        <Card>
          <ErrorState
            title={notFound ? "Playbook not found" : "Couldn't load this playbook"}
            message={
              notFound ? "It may have been deleted, or the link is wrong." : getErrorMessage(playbook.error)
            }
            onRetry={notFound ? undefined : () => void playbook.refetch()}
            retrying={playbook.isFetching}
          />
        </Card>
      </>
    );
  }

  const { playbook: summary, versions, current } = playbook.data;
  const currentDraft = (): TPlaybookDraft => ({
    name: summary.name,
    description: summary.description,
    note: "",
    content: contentToDraft(current.content),
  });

  const restore = (version: number) => {
    setRestoring(version);
    queryClient
      .fetchQuery({
        ...trpc.playbooks.getVersion.queryOptions({ playbookId, version }),
        staleTime: Number.POSITIVE_INFINITY,
      })
      .then(
        (v) => {
          setSeed({
            key: `restore-${version}-${Date.now()}`,
            draft: {
              ...currentDraft(),
              note: `Restored from version ${version}`,
              content: contentToDraft(v.content),
            },
          });
          setRestoredFrom(version);
          setTab("editor");
          toast.success(`Version ${version} loaded into the editor`, "Save to make it the current version.");
        },
        (error: unknown) => toast.error(`Couldn't load version ${version}`, getErrorMessage(error)),
      )
      .finally(() => setRestoring(null));
  };

  return (
    <>
      <EditorHeader title={summary.name}>
        <Badge tone="accent">Version {current.version}</Badge>
        {canEdit ? null : <Badge>Read-only</Badge>}
        {restoredFrom !== null ? (
          <Badge tone="warning">Editing a copy of version {restoredFrom}</Badge>
        ) : null}
      </EditorHeader>
      <Tabs tab={tab} onChange={setTab} versionCount={versions.length} />
      <div id="panel-editor" role="tabpanel" aria-labelledby="tab-editor" hidden={tab !== "editor"}>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_11rem]">
          <PlaybookForm
            key={`${playbookId}:${seed?.key ?? "current"}`}
            initial={seed?.draft ?? currentDraft()}
            compareTo={seed ? currentDraft() : undefined}
            readOnly={!canEdit}
            businessName={org.name}
            onSave={onSave}
            onDirtyChange={guard.setDirty}
          />
          <SectionNav />
        </div>
      </div>
      <div id="panel-history" role="tabpanel" aria-labelledby="tab-history" hidden={tab !== "history"}>
        {tab === "history" ? (
          <HistoryPanel
            playbookId={playbookId}
            current={current}
            versions={versions}
            onRestore={canEdit && restoring === null ? restore : undefined}
          />
        ) : null}
      </div>
    </>
  );
}
