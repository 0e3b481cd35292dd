import type { TOrgAiSettings } from "@plaibook/shared";
import { createOfflineCallAnalyzer } from "../../ai/offline/call-analyzer/index.js";
import { createOfflineClassifier } from "../../ai/offline/classifier/index.js";
import { createOfflineResponder } from "../../ai/offline/responder.js";
import { createOfflineTurnAnalyzer } from "../../ai/offline/turn-analyzer.js";
import { createAiEngines, type TAiEngines } from "../../ai/routing.js";
import type { TConfig } from "../../platform/config.js";

/** The offline engines hold no per-org state, so one set serves every org. */
const OFFLINE: TAiEngines = {
  responder: createOfflineResponder(),
  analyzer: createOfflineTurnAnalyzer(),
  classifier: createOfflineClassifier(),
  callAnalyzer: createOfflineCallAnalyzer(),
};

/** The org's engines: its models when a key is configured, the offline engine otherwise (and last). */
export function enginesFor(
  config: Pick<TConfig, "OPENROUTER_API_KEY" | "OPENROUTER_BASE_URL">,
  settings: TOrgAiSettings,
): TAiEngines {
  return createAiEngines({ config, settings, offline: OFFLINE });
}
