import { can } from "@plaibook/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card } from "../../components/card";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../auth/use-auth";
import { PageHeader } from "../shell/app-shell";
import { AiSettingsForm } from "./ai-settings-form";

/** Settings → AI & calendar: model routing for the agent, and when it may book appointments. */
export function AiSettingsPage() {
  return (
    <>
      <PageHeader
        title="AI & calendar"
        description="Which models answer your leads, in what voice, and when the agent may book appointments."
      />
      <div className="max-w-3xl">
        <AiSettingsPanel />
      </div>
    </>
  );
}

export function AiSettingsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const settings = useQuery(trpc.agent.settings.queryOptions());
  const save = useMutation(
    trpc.agent.saveSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.agent.settings.queryKey(), saved);
        toast.success("AI & calendar settings saved");
      },
    }),
  );

  if (settings.isPending) {
    return (
      <div aria-busy="true" className="space-y-6">
        <span className="sr-only" role="status">
          Loading settings
        </span>
        <Skeleton className="h-96 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }
  if (settings.isError) {
    return (
      <Card>
        <ErrorState
          title="Couldn't load the AI settings"
          message={getErrorMessage(settings.error)}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      </Card>
    );
  }
  const { ai, calendar, llmAvailable } = settings.data;
  return (
    <AiSettingsForm
      // A fresh form when the saved settings change (after a save or another admin's edit).
      key={JSON.stringify({ ai, calendar })}
      initial={{ ai, calendar }}
      llmAvailable={llmAvailable}
      readOnly={!can(user.role, "org.settings")}
      saving={save.isPending}
      serverError={save.isError ? getErrorMessage(save.error) : null}
      onSave={(input) => save.mutate(input)}
    />
  );
}
