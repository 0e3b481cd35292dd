import { clsx } from "clsx";

export function Wordmark({ className, inverted = false }: { className?: string; inverted?: boolean }) {
  return (
    <span className={clsx("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
      >
        P
      </span>
      <span className={clsx("text-lg", inverted ? "text-white" : "text-slate-900")}>Plaibook</span>
    </span>
  );
}
