import { Dialog } from "../../components/dialog";
import { COCKPIT_SHORTCUTS } from "./use-cockpit-keys";

/** The help overlay: every Cockpit shortcut (opened with "?", closed with Esc). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <dl className="divide-y divide-slate-100">
        {COCKPIT_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key} className="flex items-center justify-between gap-4 py-2 text-sm">
            <dt className="text-slate-700">{shortcut.label}</dt>
            <dd>
              <kbd className="inline-flex min-w-7 justify-center rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 shadow-sm">
                {shortcut.key}
              </kbd>
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-slate-500">
        Shortcuts pause while you type in a field. Esc closes this.
      </p>
    </Dialog>
  );
}
