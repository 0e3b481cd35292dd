import type { TCallDetail } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { AlertTriangle, FileQuestion, FileUp, RotateCw } from "lucide-react";
import type { ReactNode } from "react";
import { useId, useState } from "react";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { parseTranscriptJson, readText } from "./upload-queue";
import { useRetryCall, useSupplyTranscript } from "./use-calls";

/** Picks a transcript file, checks it with the server's schema, and sends it. */
function SupplyTranscript({ callId }: { callId: string }) {
  const inputId = useId();
  const supply = useSupplyTranscript();
  const retry = useRetryCall();
  const [error, setError] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseTranscriptJson(await readText(file));
    if (!parsed.ok) {
      setError(`${file.name}: ${parsed.error}`);
      return;
    }
    setError(null);
    supply.mutate(
      { id: callId, transcript: parsed.transcript },
      { onError: (failure) => setError(getErrorMessage(failure)) },
    );
  };
  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap gap-2">
        <label
          htmlFor={inputId}
          className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm focus-within:ring-2 focus-within:ring-indigo-500 hover:bg-slate-50"
        >
          <FileUp aria-hidden="true" className="size-4" />
          {supply.isPending ? "Sending the transcript…" : "Add its transcript"}
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            disabled={supply.isPending}
            onChange={(event) => {
              void onFile(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </label>
        <Button
          variant="secondary"
          loading={retry.isPending}
          onClick={() =>
            retry.mutate(
              { id: callId },
              { onError: (failure) => toast.error("Couldn't retry the call", getErrorMessage(failure)) },
            )
          }
          icon={<RotateCw aria-hidden="true" className="size-4" />}
        >
          Try speech-to-text again
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function StoppedPanel({ call, settingsLink }: { call: TCallDetail; settingsLink: ReactNode }) {
  const { user } = useSession();
  const retry = useRetryCall();
  if (call.status === "failed") {
    return (
      <Card role="alert" className="p-5">
        <div className="flex gap-3">
          <AlertTriangle aria-hidden="true" className="size-5 shrink-0 text-rose-500" />
          <div className="space-y-3">
            <div>
              <h2 className="text-sm font-semibold text-slate-900">This call could not be processed</h2>
              <p className="mt-1 text-sm text-slate-700">
                {call.statusReason ?? "The pipeline stopped with an error."}
              </p>
            </div>
            {can(user.role, "calls.upload") ? (
              <Button
                variant="secondary"
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(
                    { id: call.id },
                    { onError: (error) => toast.error("Couldn't retry the call", getErrorMessage(error)) },
                  )
                }
                icon={<RotateCw aria-hidden="true" className="size-4" />}
              >
                Retry
              </Button>
            ) : null}
          </div>
        </div>
      </Card>
    );
  }
  return (
    <Card className="p-5">
      <div className="flex gap-3">
        <FileQuestion aria-hidden="true" className="size-5 shrink-0 text-amber-500" />
        <div>
          <h2 className="text-sm font-semibold text-slate-900">This call is waiting for a transcript</h2>
          <p className="mt-1 text-sm text-slate-700">
            {call.statusReason ?? "No speech-to-text engine could transcribe it."}
          </p>
          <p className="mt-2 text-sm text-slate-600">
            Choose a speech-to-text engine in {settingsLink} and retry, or add the call's transcript (JSON, as
            your phone system exports it).
          </p>
          {can(user.role, "calls.upload") ? <SupplyTranscript callId={call.id} /> : null}
        </div>
      </div>
    </Card>
  );
}
