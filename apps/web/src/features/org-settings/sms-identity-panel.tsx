import { can } from "@plaibook/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card, CardHeader } from "../../components/card";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../auth/use-auth";
import { SmsIdentityForm } from "./sms-identity-form";

export function SmsIdentityPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const settings = useQuery(trpc.orgs.smsSettings.queryOptions());
  const save = useMutation(
    trpc.orgs.updateSmsSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.orgs.smsSettings.queryKey(), saved);
        toast.success("SMS identity saved");
      },
    }),
  );
  return (
    <Card>
      <CardHeader
        title="How you appear on texts"
        description="How your texts name your business, and what leads get back for HELP and STOP."
      />
      {settings.isPending ? (
        <div className="space-y-4 p-5">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : settings.isError ? (
        <ErrorState
          message={getErrorMessage(settings.error)}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <SmsIdentityForm
          key={JSON.stringify(settings.data)}
          initial={settings.data}
          readOnly={!can(user.role, "org.settings")}
          saving={save.isPending}
          serverError={save.isError ? getErrorMessage(save.error) : null}
          onSave={(values) => save.mutate(values)}
        />
      )}
    </Card>
  );
}
