import { clsx } from "clsx";
import { CheckCircle2, X, XCircle } from "lucide-react";
import { create } from "zustand";
import { focusRing } from "./button";

export type TToastTone = "success" | "error";
export type TToast = { id: number; tone: TToastTone; title: string; description?: string | undefined };

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
    setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = {
  success: (title: string, description?: string) =>
    useToastStore.getState().push({ tone: "success", title, description }),
  error: (title: string, description?: string) =>
    useToastStore.getState().push({ tone: "error", title, description }),
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
          role={t.tone === "error" ? "alert" : "status"}
          className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-200"
        >
          {t.tone === "success" ? (
            <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-500" />
          ) : (
            <XCircle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-rose-500" />
          )}
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium text-slate-900">{t.title}</p>
            {t.description ? <p className="mt-0.5 text-sm text-slate-600">{t.description}</p> : null}
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
