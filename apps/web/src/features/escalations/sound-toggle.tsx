import { Volume2, VolumeX } from "lucide-react";
import { useEscalationSound } from "./escalation-sound";

/** "Sound on escalation" switch; the choice is this browser's. */
export function SoundToggle() {
  const enabled = useEscalationSound((s) => s.enabled);
  const setEnabled = useEscalationSound((s) => s.setEnabled);
  return (
    <label className="inline-flex h-8 cursor-pointer items-center gap-2 rounded-md px-2 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50">
      <input
        type="checkbox"
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
        className="size-4 accent-indigo-600"
      />
      {enabled ? (
        <Volume2 aria-hidden="true" className="size-4 text-indigo-600" />
      ) : (
        <VolumeX aria-hidden="true" className="size-4 text-slate-400" />
      )}
      Sound on escalation
    </label>
  );
}
