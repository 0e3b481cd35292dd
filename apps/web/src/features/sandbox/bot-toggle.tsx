import { clsx } from "clsx";
import { Bot } from "lucide-react";
import { useId } from "react";
import { focusRing } from "../../components/button";
import { Spinner } from "../../components/spinner";

export type TSandboxSettings = {
  botEnabled: boolean;
  personas: ReadonlyArray<{ key: string; name: string; description: string }>;
};

export type TBotToggleProps = {
  settings: TSandboxSettings;
  canToggle: boolean;
  pending?: boolean;
  onToggle: (enabled: boolean) => void;
};

/** The simulated-lead bot: when on, sandbox leads answer by themselves, each in one of the personas. */
export function BotToggle({ settings, canToggle, pending = false, onToggle }: TBotToggleProps) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <div className="px-4 py-3">
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-2">
          <Bot aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-500" />
          <div className="min-w-0">
            <p id={labelId} className="text-sm font-medium text-slate-900">
              Simulated leads reply by themselves
            </p>
            <p id={descriptionId} className="text-xs text-slate-500">
              {settings.botEnabled
                ? "A bot answers first touches as one of the personas below. You can still reply yourself."
                : "Off: nothing answers unless you reply here."}
              {canToggle ? "" : " Managers can switch this."}
            </p>
          </div>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={settings.botEnabled}
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          disabled={!canToggle || pending}
          onClick={() => onToggle(!settings.botEnabled)}
          className={clsx(
            "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-60",
            settings.botEnabled ? "bg-indigo-600" : "bg-slate-300",
            focusRing,
          )}
        >
          <span
            aria-hidden="true"
            className={clsx(
              "inline-flex size-5 items-center justify-center rounded-full bg-white shadow transition-transform",
              settings.botEnabled ? "translate-x-5.5" : "translate-x-0.5",
            )}
          >
            {pending ? <Spinner size="sm" label={null} className="size-3 text-indigo-600" /> : null}
          </span>
        </button>
      </div>
      {settings.personas.length > 0 ? (
        <details className="mt-2 text-xs">
          <summary className={clsx("cursor-pointer rounded text-slate-600 hover:text-slate-900", focusRing)}>
            {settings.personas.length} {settings.personas.length === 1 ? "persona" : "personas"}
          </summary>
          <ul className="mt-2 space-y-1.5">
            {settings.personas.map((p) => (
              <li key={p.key}>
                <span className="font-medium text-slate-800">{p.name}</span>
                <span className="text-slate-500"> — {p.description}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
