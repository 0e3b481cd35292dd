import type { TPlaybookContent } from "@plaibook/shared";
import { clsx } from "clsx";
import { History, RotateCcw } from "lucide-react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime, formatRelative } from "../../lib/format";
import type { TDiffLine } from "./version-diff";
import { diffPlaybookContent } from "./version-diff";

export type TVersionInfo = { version: number; note: string; createdAt: string; createdBy: string | null };

const CONTEXT = 2;

/** Keeps changed lines and a little context around them; long unchanged runs collapse to a count. */
function withContext(lines: TDiffLine[]): Array<TDiffLine | { kind: "gap"; count: number }> {
  const keep = lines.map(
    (line, i) =>
      lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.kind !== "same") ||
      line.kind !== "same",
  );
  const out: Array<TDiffLine | { kind: "gap"; count: number }> = [];
  lines.forEach((line, i) => {
    if (keep[i]) out.push(line);
    else {
      const last = out[out.length - 1];
      if (last?.kind === "gap") last.count += 1;
      else out.push({ kind: "gap", count: 1 });
    }
  });
  return out;
}

export function VersionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: TPlaybookContent;
  after: TPlaybookContent;
  beforeLabel: string;
  afterLabel: string;
}) {
  const sections = diffPlaybookContent(before, after);
  const changed = sections.filter((s) => s.changed);
  const unchanged = sections.filter((s) => !s.changed);
  if (changed.length === 0) {
    return <p className="px-5 py-6 text-sm text-slate-500">These versions have the same content.</p>;
  }
  return (
    <div className="space-y-5 px-5 py-5">
      <p className="text-xs text-slate-500">
        <span className="mr-3 inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm bg-rose-200" /> only in{" "}
          {beforeLabel}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm bg-emerald-200" /> only in{" "}
          {afterLabel}
        </span>
      </p>
      {changed.map((section) => (
        <section key={section.section} aria-label={`Changes in ${section.section}`}>
          <h3 className="mb-1.5 text-sm font-semibold text-slate-900">{section.section}</h3>
          <div className="overflow-x-auto rounded-lg font-mono text-xs leading-5 ring-1 ring-slate-200">
            {withContext(section.lines).map((line, i) => {
              if (line.kind === "gap") {
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of one diff
                  <div key={i} className="bg-slate-50 px-3 text-slate-400 italic">
                    … {line.count} unchanged {line.count === 1 ? "line" : "lines"}
                  </div>
                );
              }
              const sign = line.kind === "added" ? "+" : line.kind === "removed" ? "−" : " ";
              const Tag = line.kind === "added" ? "ins" : line.kind === "removed" ? "del" : "span";
              return (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering of one diff
                  key={i}
                  className={clsx(
                    "flex px-3 whitespace-pre-wrap",
                    line.kind === "added" && "bg-emerald-50 text-emerald-900",
                    line.kind === "removed" && "bg-rose-50 text-rose-900",
                    line.kind === "same" && "text-slate-600",
                  )}
                >
                  <span aria-hidden="true" className="w-4 shrink-0 select-none">
                    {sign}
                  </span>
                  <Tag className="no-underline">
                    {line.kind !== "same" ? (
                      <span className="sr-only">{line.kind === "added" ? "Added: " : "Removed: "}</span>
                    ) : null}
                    {line.text || " "}
                  </Tag>
                </div>
              );
            })}
          </div>
        </section>
      ))}
      {unchanged.length > 0 ? (
        <p className="text-xs text-slate-500">Unchanged: {unchanged.map((s) => s.section).join(", ")}.</p>
      ) : null}
    </div>
  );
}

export type TPlaybookHistoryProps = {
  versions: ReadonlyArray<TVersionInfo>;
  currentVersion: number;
  from: number;
  to: number;
  onCompare: (from: number, to: number) => void;
  /** The two versions' content once loaded; undefined while loading. */
  diff?: { before: TPlaybookContent; after: TPlaybookContent } | undefined;
  diffError?: string | null;
  onRetryDiff?: () => void;
  /** Editors can copy an older version into the editor (saving it makes a new version). */
  onRestore?: ((version: number) => void) | undefined;
};

export function PlaybookHistory({
  versions,
  currentVersion,
  from,
  to,
  onCompare,
  diff,
  diffError,
  onRetryDiff,
  onRestore,
}: TPlaybookHistoryProps) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const options = sorted.map((v) => ({
    value: String(v.version),
    label: `Version ${v.version}${v.version === currentVersion ? " (current)" : ""}`,
  }));
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Versions"
          description="Every save makes a new version; campaigns keep the version they were launched with."
        />
        <ol className="divide-y divide-slate-100">
          {sorted.map((v) => (
            <li key={v.version} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3">
              <div className="flex items-center gap-2">
                <span className="text-sm font-semibold text-slate-900">Version {v.version}</span>
                {v.version === currentVersion ? <Badge tone="accent">Current</Badge> : null}
              </div>
              <p className="min-w-0 flex-1 text-sm text-slate-600">
                {v.note || <span className="text-slate-400">No note</span>}
              </p>
              <p className="text-xs text-slate-500">
                {v.createdBy ? `${v.createdBy} · ` : ""}
                <time dateTime={v.createdAt} title={formatDateTime(v.createdAt)}>
                  {formatRelative(v.createdAt)}
                </time>
              </p>
              {onRestore && v.version !== currentVersion ? (
                <Button
                  variant="ghost"
                  size="sm"
                  icon={<RotateCcw aria-hidden="true" className="size-4" />}
                  onClick={() => onRestore(v.version)}
                  aria-label={`Load version ${v.version} into the editor`}
                >
                  Load into editor
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>

      <Card>
        <CardHeader title="Compare versions" />
        {sorted.length < 2 ? (
          <EmptyState
            icon={<History aria-hidden="true" className="size-8" />}
            title="Only one version so far"
            description="Save a change to compare it with this one."
          />
        ) : (
          <>
            <div className="grid gap-4 border-b border-slate-200 px-5 py-4 sm:grid-cols-2">
              <SelectField
                label="Compare"
                value={String(from)}
                options={options}
                onChange={(e) => onCompare(Number(e.target.value), to)}
              />
              <SelectField
                label="With"
                value={String(to)}
                options={options}
                onChange={(e) => onCompare(from, Number(e.target.value))}
              />
            </div>
            {from === to ? (
              <p className="px-5 py-6 text-sm text-slate-500">
                Pick two different versions to see what changed.
              </p>
            ) : diffError ? (
              <ErrorState title="Couldn't load these versions" message={diffError} onRetry={onRetryDiff} />
            ) : diff ? (
              <VersionDiff
                before={diff.before}
                after={diff.after}
                beforeLabel={`version ${from}`}
                afterLabel={`version ${to}`}
              />
            ) : (
              <div aria-busy="true" className="space-y-2 px-5 py-5">
                <span className="sr-only" role="status">
                  Loading versions
                </span>
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-16 w-full" />
                <Skeleton className="h-16 w-full" />
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
