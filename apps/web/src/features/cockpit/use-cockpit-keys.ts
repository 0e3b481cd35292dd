import { useEffect, useRef } from "react";

export type TCockpitAction = "next" | "previous" | "takeOver" | "handBack" | "approve" | "help";

/** The Cockpit's single-key shortcuts; also listed in the help overlay. */
export const COCKPIT_SHORTCUTS: ReadonlyArray<{ key: string; action: TCockpitAction; label: string }> = [
  { key: "j", action: "next", label: "Next conversation" },
  { key: "k", action: "previous", label: "Previous conversation" },
  { key: "t", action: "takeOver", label: "Take over from the AI" },
  { key: "h", action: "handBack", label: "Hand back to the AI" },
  { key: "a", action: "approve", label: "Approve the oldest pending draft" },
  { key: "?", action: "help", label: "Show these shortcuts" },
];

const BY_KEY = new Map(COCKPIT_SHORTCUTS.map((s) => [s.key, s.action] as const));

type TKeyEventLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "defaultPrevented"> & {
  target: EventTarget | null;
};

/** True while the person is typing somewhere: a shortcut letter belongs to the text then. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("[contenteditable=''], [contenteditable='true']"))
    return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  // A checkbox, a button or the replay slider takes no letters.
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(type);
}

/** The shortcut a key press means, or null (typing, a modifier held, or not a shortcut). Shift is allowed: "?" needs it. */
export function cockpitKeyAction(event: TKeyEventLike): TCockpitAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  return BY_KEY.get(event.key) ?? null;
}

/**
 * Calls `onAction` for Cockpit shortcuts pressed anywhere on the page, while `enabled` (e.g. not while a
 * dialog is open). The latest `onAction` is always used, so it may close over fresh state.
 */
export function useCockpitKeys(onAction: (action: TCockpitAction) => void, enabled = true): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Inside an open dialog (the task dialog, the help overlay) the letters are not ours.
      if (event.target instanceof Element && event.target.closest("[role='dialog']")) return;
      const action = cockpitKeyAction(event);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
