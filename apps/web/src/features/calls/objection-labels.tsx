import { createContext, type ReactNode, useCallback, useContext, useMemo } from "react";
import { objectionLabel } from "./labels";
import { useCallSettings } from "./use-calls";

const CustomLabelsContext = createContext<Record<string, string>>({});

/** Gives the call page the org's own objection labels (Settings → Calls) by `category/slug`. */
export function ObjectionLabelsProvider({ children }: { children: ReactNode }) {
  const settings = useCallSettings();
  const custom = settings.data?.customObjections;
  const labels = useMemo(
    () => Object.fromEntries((custom ?? []).map((o) => [`${o.category}/${o.slug}`, o.label])),
    [custom],
  );
  return <CustomLabelsContext.Provider value={labels}>{children}</CustomLabelsContext.Provider>;
}

/** An objection label in words, with the org's own names for its subcategories. */
export function useObjectionLabel(): (label: string) => string {
  const custom = useContext(CustomLabelsContext);
  return useCallback((label: string) => objectionLabel(label, custom), [custom]);
}
