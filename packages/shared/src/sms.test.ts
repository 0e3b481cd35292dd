import { describe, expect, it } from "vitest";
import { renderTemplate } from "./playbook.js";
import { classifyComplianceKeyword, countSegments } from "./sms.js";

describe("compliance keywords", () => {
  it("opts out on every carrier keyword in any case, with spaces and punctuation", () => {
    for (const body of [
      "STOP",
      "stop",
      " Stop! ",
      "StopAll",
      "UNSUBSCRIBE.",
      "cancel",
      "End",
      "quit",
      "opt-out",
      "OPTOUT",
      "revoke",
      "STOP 🙏",
    ]) {
      expect(classifyComplianceKeyword(body), body).toBe("opt_out");
    }
  });

  it("understands plain requests to stop", () => {
    for (const body of [
      "stop texting me",
      "Please stop messaging me!",
      "remove me from your list",
      "Don't text me again",
      "unsubscribe me please",
    ]) {
      expect(classifyComplianceKeyword(body), body).toBe("opt_out");
    }
  });

  it("does not opt out people who merely use the words", () => {
    for (const body of [
      "Can you stop by Tuesday?",
      "What does it cost?",
      "I'll end up needing two visits",
      "Yes please book me",
      "Don't stop believing",
    ]) {
      expect(classifyComplianceKeyword(body), body).not.toBe("opt_out");
    }
  });

  it("recognises re-subscribe and help", () => {
    expect(classifyComplianceKeyword("START")).toBe("opt_in");
    expect(classifyComplianceKeyword("unstop")).toBe("opt_in");
    expect(classifyComplianceKeyword("Yes")).toBe("opt_in");
    expect(classifyComplianceKeyword("help")).toBe("help");
    expect(classifyComplianceKeyword("HELP?")).toBe("help");
  });
});

describe("segments", () => {
  it("counts GSM-7 at 160/153 and UCS-2 at 70/67, with extended characters as two", () => {
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1, units: 160 });
    expect(countSegments("a".repeat(161))).toMatchObject({ encoding: "GSM-7", segments: 2 });
    expect(countSegments("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(countSegments("a".repeat(307))).toMatchObject({ segments: 3 });
    expect(countSegments("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("Hi 😀")).toMatchObject({ encoding: "UCS-2", units: 5, segments: 1 });
    expect(countSegments(`${"é".repeat(70)}ł`)).toMatchObject({ encoding: "UCS-2", segments: 2 });
  });
});

describe("templates", () => {
  it("fills merge fields and tidies what is missing", () => {
    expect(
      renderTemplate("Hi {{firstName}}, it's {{ agentName }} from {{businessName}}.", {
        firstName: "Ana",
        agentName: "Sam",
        businessName: "Acme",
      }),
    ).toBe("Hi Ana, it's Sam from Acme.");
    expect(renderTemplate("Hi {{firstName}}, welcome!", {})).toBe("Hi, welcome!");
    expect(renderTemplate("This is {{businessName}}. Hi!", { businessName: "Acme Co." })).toBe(
      "This is Acme Co. Hi!",
    );
    expect(renderTemplate("Wait... {{firstName}}", { firstName: "Ana" })).toBe("Wait... Ana");
  });
});
