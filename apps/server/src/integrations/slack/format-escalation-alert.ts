export type TEscalationAlertInput = {
  orgName: string;
  leadName: string;
  leadPhone: string;
  campaignName: string | null;
  reason: string;
  lastMessage: string;
  conversationUrl: string;
};

// Slack's limits: header text 150 chars, a section field 2,000, section text 3,000. Text is cut before
// escaping (an entity is never split) and short enough that escaping (up to 5×) stays within them.
const HEADER_MAX = 150;
const FIELD_MAX = 300;
const REASON_MAX = 500;
const LAST_MESSAGE_MAX = 500;

/** Escapes the three characters Slack reserves in mrkdwn, so user text cannot link, mention or @channel. */
export function escapeSlackText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A Block Kit alert asking a person to take over a conversation; `text` is the notification fallback. */
export function formatEscalationAlert(input: TEscalationAlertInput): { text: string; blocks: unknown[] } {
  const lead = escapeSlackText(cut(input.leadName, FIELD_MAX));
  const phone = escapeSlackText(cut(input.leadPhone, FIELD_MAX));
  const org = escapeSlackText(cut(input.orgName, FIELD_MAX));
  const campaign = input.campaignName ? escapeSlackText(cut(input.campaignName, FIELD_MAX)) : "_No campaign_";
  const reason = escapeSlackText(cut(input.reason, REASON_MAX));
  const link = toLinkTarget(input.conversationUrl);

  return {
    text: `Escalation (${org}): ${lead} (${phone}) needs a person: ${reason}. <${link}|Open conversation>`,
    blocks: [
      {
        type: "header",
        // plain_text is shown as typed (no links or mentions), so it is not escaped.
        text: { type: "plain_text", text: cut(`Escalation: ${input.leadName} needs a person`, HEADER_MAX) },
      },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Lead*\n${lead}\n${phone}` },
          { type: "mrkdwn", text: `*Campaign*\n${campaign}` },
          { type: "mrkdwn", text: `*Organisation*\n${org}` },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: `*Why*\n${reason}` } },
      {
        type: "section",
        text: { type: "mrkdwn", text: `*Last message*\n${quote(cut(input.lastMessage, LAST_MESSAGE_MAX))}` },
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "open_conversation",
            style: "primary",
            text: { type: "plain_text", text: "Open conversation" },
            url: input.conversationUrl,
          },
        ],
      },
    ],
  };
}

/** Each line as a mrkdwn block quote; the text is escaped so a leading ">" of its own stays literal. */
function quote(text: string): string {
  const lines = text.trim() === "" ? ["_(empty)_"] : escapeSlackText(text).split(/\r?\n/);
  return lines.map((line) => `>${line}`).join("\n");
}

/** A URL safe inside `<url|label>`: `|` and `>` would end it early, `&` must be an entity there. */
function toLinkTarget(url: string): string {
  return escapeSlackText(url.replaceAll("|", "%7C"));
}

function cut(text: string, max: number): string {
  const clean = text.trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
