import { useEffect, useRef, useState } from "react";

/**
 * A text value edited locally and reported after the user pauses typing. When the outside value changes
 * for another reason (back button, a reset), the local text follows it.
 */
export function useDebouncedText(value: string, onCommit: (next: string) => void, delayMs = 300) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === committed.current.trim()) return;
    const timer = setTimeout(() => {
      committed.current = text.trim();
      onCommitRef.current(text.trim());
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);

  return [text, setText] as const;
}
