export { classifySms, createOfflineClassifier } from "./classify-sms.js";
export { models as trainOfflineModels } from "./intent-model.js";
export { matchFaq } from "./match-faq.js";
export { extractMentionedTime } from "./mentioned-time.js";

import { isOptOut } from "./rules.js";
import { normalizeText } from "./text.js";

/** True when the message asks us to stop texting in words, not only with a carrier keyword. */
export function isOptOutRequest(text: string): boolean {
  return isOptOut(normalizeText(text));
}
