/** The LLM engines of the AI ports; routing.ts chains them with the offline engines. */
export {
  DEFAULT_LLM_TIMEOUT_MS,
  LlmAttemptError,
  type TAttemptFailureKind,
  type TAttemptUsage,
  type TLlmEngineOptions,
} from "./attempt.js";
export { CLASSIFIER_PROMPT_VERSION, createLlmClassifier, type TLlmClassifier } from "./classifier.js";
export { createChatModel, type TChatModel, type TChatModelOptions } from "./model.js";
export { PROMPT_VERSIONS } from "./prompt-files.js";
export {
  createLlmResponder,
  RESPONDER_PROMPT_VERSION,
  type TLlmResponder,
  type TLlmResponderOptions,
} from "./responder.js";
export {
  createLlmTurnAnalyzer,
  type TLlmTurnAnalyzer,
  TURN_ANALYZER_PROMPT_VERSION,
} from "./turn-analyzer.js";
