export { classifySms, createOfflineClassifier } from "./classify-sms.js";
export { matchFaq } from "./match-faq.js";
export { extractMentionedTime } from "./mentioned-time.js";
