/** The Slack adapter's entry point: the two notifiers and the escalation alert's Block Kit message. */
export {
  escapeSlackText,
  formatEscalationAlert,
  type TEscalationAlertInput,
} from "./format-escalation-alert.js";
export { createSlackBotNotifier, type TSlackBotConfig } from "./slack-bot.js";
export { createSlackWebhookNotifier, type TSlackWebhookConfig } from "./slack-webhook.js";
