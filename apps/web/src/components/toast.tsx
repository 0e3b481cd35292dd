import { clsx } from "clsx";
import { CheckCircle2, Info, Siren, X, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { create } from "zustand";
import { focusRing } from "./button";

export type TToastTone = "success" | "error" | "info" | "alert";
/** A button in the toast (e.g. "Open in Cockpit"); clicking it also dismisses the toast. */
export type TToastAction = { label: string; onClick: () => void };
export type TToast = {
  id: number;
  tone: TToastTone;
  title: string;
  description?: string | undefined;
  action?: TToastAction | undefined;
  /** How long it stays up; 5 s unless given. */
  durationMs?: number | undefined;
};
type TToastOptions = { action?: TToastAction; durationMs?: number };

type TToastState = {
  toasts: TToast[];
  push: (toast: Omit<TToast, "id">) => number;
  dismiss: (id: number) => void;
};

const AUTO_DISMISS_MS = 5_000;
let nextId = 1;

export const useToastStore = create<TToastState>()((set, get) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), toast.durationMs ?? AUTO_DISMISS_MS);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = {
  success: (title: string, description?: string) =>
    useToastStore.getState().push({ tone: "success", title, description }),
  error: (title: string, description?: string) =>
    useToastStore.getState().push({ tone: "error", title, description }),
  /** Something a teammate did, for the record. */
  info: (title: string, description?: string, options: TToastOptions = {}) =>
    useToastStore.getState().push({ tone: "info", title, description, ...options }),
  /** Something that needs a person now (an escalation). */
  alert: (title: string, description?: string, options: TToastOptions = {}) =>
    useToastStore.getState().push({ tone: "alert", title, description, ...options }),
};

const ICONS: Record<TToastTone, ReactNode> = {
  success: <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-500" />,
  error: <XCircle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-rose-500" />,
  info: <Info aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-indigo-500" />,
  alert: <Siren aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-rose-600" />,
};

/** Renders queued toasts in a live region (bottom-right, full width on phones). */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" || t.tone === "alert" ? "alert" : "status"}
          className={clsx(
            "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg bg-white p-4 shadow-lg ring-1",
            t.tone === "alert" ? "ring-rose-300" : "ring-slate-200",
          )}
        >
          {ICONS[t.tone]}
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium text-slate-900">{t.title}</p>
            {t.description ? (
              <p className="mt-0.5 text-sm break-words text-slate-600">{t.description}</p>
            ) : null}
            {t.action ? (
              <button
                type="button"
                onClick={() => {
                  dismiss(t.id);
                  t.action?.onClick();
                }}
                className={clsx(
                  "mt-2 rounded text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline",
                  focusRing,
                )}
              >
                {t.action.label}
              </button>
            ) : null}
          </div>
          <button
            type="button"
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss notification"
            className={clsx("rounded-md p-0.5 text-slate-400 hover:text-slate-600", focusRing)}
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      ))}
    </section>
  );
}
