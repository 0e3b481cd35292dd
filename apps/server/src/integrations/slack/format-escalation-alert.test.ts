import { describe, expect, it } from "vitest";
import {
  escapeSlackText,
  formatEscalationAlert,
  type TEscalationAlertInput,
} from "./format-escalation-alert.js";

const input: TEscalationAlertInput = {
  orgName: "Acme Pest",
  leadName: "Jane Doe",
  leadPhone: "+15125550100",
  campaignName: null,
  reason: "Wants to talk to a manager",
  lastMessage: "first line\nsecond & <last> line",
  conversationUrl: "https://app.plaibook.test/c/1",
};

type TBlock = {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
  elements?: { type: string; text: { text: string }; url: string }[];
};

describe("formatEscalationAlert", () => {
  it("builds a header, the lead and reason, a quoted last message and an Open conversation button", () => {
    const { text, blocks } = formatEscalationAlert(input);
    const [header, details, why, last, actions] = blocks as TBlock[];

    expect(header).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Escalation: Jane Doe needs a person" },
    });
    expect(details?.fields?.map((f) => f.text)).toEqual([
      "*Lead*\nJane Doe\n+15125550100",
      "*Campaign*\n_No campaign_",
      "*Organisation*\nAcme Pest",
    ]);
    expect(why?.text?.text).toBe("*Why*\nWants to talk to a manager");
    expect(last?.text?.text).toBe("*Last message*\n>first line\n>second &amp; &lt;last&gt; line");
    expect(actions?.elements).toEqual([
      expect.objectContaining({
        type: "button",
        text: { type: "plain_text", text: "Open conversation" },
        url: "https://app.plaibook.test/c/1",
      }),
    ]);
    expect(text).toBe(
      "Escalation (Acme Pest): Jane Doe (+15125550100) needs a person: Wants to talk to a manager. " +
        "<https://app.plaibook.test/c/1|Open conversation>",
    );
  });

  it("keeps long user text within Slack's block limits without splitting an entity", () => {
    const { blocks } = formatEscalationAlert({
      ...input,
      leadName: "N".repeat(400),
      lastMessage: "&".repeat(2_000),
    });
    const [header, , , last] = blocks as TBlock[];
    expect(header?.text?.text.length).toBeLessThanOrEqual(150);
    const quoted = last?.text?.text ?? "";
    expect(quoted.length).toBeLessThanOrEqual(3_000);
    expect(quoted).toMatch(/(&amp;)+…$/);
  });

  it("keeps a | in the URL from ending the fallback link early", () => {
    const { text } = formatEscalationAlert({ ...input, conversationUrl: "https://x.test/c?a=1|2&b=<3>" });
    expect(text).toContain("<https://x.test/c?a=1%7C2&amp;b=&lt;3&gt;|Open conversation>");
  });
});

describe("escapeSlackText", () => {
  it("escapes &, < and > (ampersand first, so entities are not double-escaped wrongly)", () => {
    expect(escapeSlackText("a & <b> &lt;")).toBe("a &amp; &lt;b&gt; &amp;lt;");
  });
});
