import { AlertTriangle, RotateCw } from "lucide-react";
import { Button } from "./button";

export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  retrying = false,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  return (
    <div role="alert" className="flex flex-col items-center px-6 py-12 text-center">
      <AlertTriangle aria-hidden="true" className="mb-3 size-8 text-rose-500" />
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="mt-1 max-w-sm text-sm text-slate-600">{message}</p>
      {onRetry ? (
        <Button
          className="mt-4"
          variant="secondary"
          onClick={onRetry}
          loading={retrying}
          icon={<RotateCw aria-hidden="true" className="size-4" />}
        >
          Try again
        </Button>
      ) : null}
    </div>
  );
}
