import { clsx } from "clsx";
import type { ReactNode } from "react";

export type TBadgeTone = "neutral" | "accent" | "success" | "warning" | "danger" | "inverse";

const TONES: Record<TBadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  accent: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  danger: "bg-rose-50 text-rose-700 ring-rose-600/20",
  inverse: "bg-indigo-400/15 text-indigo-200 ring-indigo-400/30",
};

export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: TBadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
