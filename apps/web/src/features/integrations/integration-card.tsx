import type { TIntegrationView } from "@plaibook/shared";
import { clsx } from "clsx";
import { AlertTriangle, CheckCircle2, PlugZap, Trash2, XCircle } from "lucide-react";
import type { FormEvent, ReactNode } from "react";
import { useId, useState } from "react";
import { Badge } from "../../components/badge";
import { Button, focusRing } from "../../components/button";
import { Card } from "../../components/card";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { FormError } from "../../components/form-error";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import type { TIntegrationKind } from "./use-integrations";
import { INTEGRATION_NAMES, useRemoveIntegration, useTestIntegration } from "./use-integrations";

function StatusBadge({ view }: { view: TIntegrationView | undefined }) {
  if (view?.enabled && view.hasCredentials) return <Badge tone="success">Connected</Badge>;
  if (view && !view.enabled) return <Badge tone="warning">Turned off</Badge>;
  return <Badge tone="neutral">Not connected</Badge>;
}

/** An on/off switch for the integration; saved with the rest of the card. */
export function EnabledSwitch({
  checked,
  onChange,
  description,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  description: string;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        onClick={() => onChange(!checked)}
        className={clsx(
          "relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors",
          focusRing,
          checked ? "bg-indigo-600" : "bg-slate-300",
        )}
      >
        <span
          aria-hidden="true"
          className={clsx(
            "inline-block size-4 rounded-full bg-white shadow transition-transform",
            checked ? "translate-x-4.5" : "translate-x-0.5",
          )}
        />
      </button>
      <div className="text-sm">
        <span id={`${id}-label`} className="font-medium text-slate-700">
          Enabled
        </span>
        <p id={`${id}-description`} className="text-slate-500">
          {description}
        </p>
      </div>
    </div>
  );
}

type TTestResult = { ok: true; detail: string } | { ok: false; message: string };

/**
 * One integration: title and status, the form (children), the last recorded error, and Save, Test
 * connection and Remove.
 */
export function IntegrationCard({
  kind,
  icon,
  description,
  view,
  saving,
  serverError,
  removeWarning,
  onSubmit,
  children,
}: {
  kind: TIntegrationKind;
  icon: ReactNode;
  description: ReactNode;
  view: TIntegrationView | undefined;
  saving: boolean;
  serverError: string | null;
  /** What stops working once it is removed. */
  removeWarning: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const name = INTEGRATION_NAMES[kind];
  const titleId = useId();
  const test = useTestIntegration();
  const remove = useRemoveIntegration();
  const [testResult, setTestResult] = useState<TTestResult | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const runTest = () => {
    setTestResult(null);
    test.mutate(
      { kind },
      {
        onSuccess: (result) => setTestResult({ ok: true, detail: result.detail }),
        onError: (error) => setTestResult({ ok: false, message: getErrorMessage(error) }),
      },
    );
  };

  return (
    <Card aria-labelledby={titleId} role="region">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
        <div className="flex min-w-0 items-start gap-3">
          <div className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
            {icon}
          </div>
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {name}
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">{description}</p>
          </div>
        </div>
        <StatusBadge view={view} />
      </div>

      <form noValidate onSubmit={onSubmit} aria-labelledby={titleId}>
        <div className="space-y-5 p-5">
          {view?.lastError ? (
            <div className="flex gap-2.5 rounded-md bg-rose-50 px-3 py-2.5 text-sm text-rose-800 ring-1 ring-rose-200">
              <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-rose-600" />
              <p className="min-w-0 break-words">
                <span className="font-medium">
                  Last error{view.lastErrorAt ? ` · ${formatDateTime(view.lastErrorAt)}` : ""}:
                </span>{" "}
                {view.lastError}
              </p>
            </div>
          ) : null}
          {children}
          <FormError message={serverError} />
          {testResult ? (
            <div
              role={testResult.ok ? "status" : "alert"}
              className={clsx(
                "flex gap-2.5 rounded-md px-3 py-2.5 text-sm ring-1",
                testResult.ok
                  ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
                  : "bg-rose-50 text-rose-700 ring-rose-200",
              )}
            >
              {testResult.ok ? (
                <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              ) : (
                <XCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              )}
              <p className="min-w-0 break-words">{testResult.ok ? testResult.detail : testResult.message}</p>
            </div>
          ) : null}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-slate-200 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
          {view ? (
            <Button
              variant="danger-ghost"
              icon={<Trash2 aria-hidden="true" className="size-4" />}
              onClick={() => setConfirmRemove(true)}
            >
              Remove
            </Button>
          ) : (
            <span />
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center">
            {view ? (
              <Button
                variant="secondary"
                loading={test.isPending}
                icon={<PlugZap aria-hidden="true" className="size-4" />}
                onClick={runTest}
                title="Tries the saved settings"
              >
                Test connection
              </Button>
            ) : null}
            <Button type="submit" loading={saving}>
              Save
            </Button>
          </div>
        </div>
      </form>

      <ConfirmDialog
        open={confirmRemove}
        title={`Remove ${name}?`}
        description={`The stored settings and credentials are deleted. ${removeWarning}`}
        confirmLabel={`Remove ${name}`}
        pending={remove.isPending}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() =>
          remove.mutate(
            { kind },
            {
              onSuccess: () => {
                setConfirmRemove(false);
                setTestResult(null);
              },
              onError: (error) => {
                setConfirmRemove(false);
                toast.error(`Couldn't remove ${name}`, getErrorMessage(error));
              },
            },
          )
        }
      />
    </Card>
  );
}
