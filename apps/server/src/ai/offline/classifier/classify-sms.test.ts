import { ZSmsClassification } from "@plaibook/shared";
import { describe, expect, it } from "vitest";
import { classifySms, createOfflineClassifier } from "./classify-sms.js";

const base = { context: [], timeZone: "America/New_York", sentAt: new Date("2026-04-14T15:00:00Z") };
const classify = (text: string, extra: Partial<typeof base> = {}) => classifySms({ ...base, ...extra, text });

describe("classifySms: opt-outs", () => {
  it.each([
    "STOP",
    "Stop all",
    "unsubscribe",
    "CANCEL",
    "end",
    "quit",
    "please stop texting me",
    "take my number off your list",
    "Don't message me again",
    "no more texts please",
  ])("reads %j as an opt-out", (text) => {
    expect(classify(text).intent).toBe("opt_out");
  });

  it.each([
    "can you stop by around 3 on friday?",
    "stop by whenever, I am home all day",
    "I can't stop scratching these mosquito bites, yes please come spray",
    "cancel my appointment on thursday",
    "what's the cancellation fee?",
  ])("does not read %j as an opt-out", (text) => {
    expect(classify(text).intent).not.toBe("opt_out");
  });

  it("names what to cancel → reschedule", () => {
    expect(classify("need to cancel the gutter cleaning tomorrow, sorry").intent).toBe("reschedule");
  });
});

describe("classifySms: intents", () => {
  it.each([
    ["what would the quarterly plan cost me?", "question"],
    ["how much do you charge for a dryer vent cleaning", "question"],
    ["you've got the wrong number, no Tanya here", "wrong_number"],
    ["we already have you guys for the quarterly spraying", "already_customer"],
    ["can I speak with an actual person please", "human_request"],
    ["can you come out saturday at 10?", "appointment_request"],
    ["no thanks", "not_interested"],
    ["Liked “See you Monday at 9!”", "other"],
  ])("%j → %s", (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it("returns a classification that satisfies the shared contract", () => {
    const result = classify("sounds great, I'm interested!");
    expect(ZSmsClassification.parse(result)).toEqual(result);
    expect(result.sentiment).toBe("positive");
  });
});

describe("classifySms: objections", () => {
  it.each([
    ["I'd have to check with my fiance before signing anything", "objection", "authority/spouse_partner"],
    ["that's more than my car payment, way too expensive", "objection", "price/too_expensive"],
    ["we're stuck in a contract with Brinks until next year", "objection", "competitor/under_contract"],
    ["my landlord handles all of that, I just rent", "objection", "authority/landlord_owner"],
    ["is this some kind of scam?", "objection", "trust/scam_concern"],
    ["I just spray the yard myself with stuff from lowes", "objection", "need/diy"],
  ])("%j → %s %s", (text, intent, objection) => {
    const result = classify(text);
    expect(result.intent).toBe(intent);
    expect(result.objection).toBe(objection);
  });

  it("sets an objection only when the intent is objection", () => {
    expect(classify("how much is it?").objection).toBeNull();
  });
});

describe("classifySms: escalation and human requests", () => {
  it.each([
    ["I'm calling my attorney if you text me one more time", "legal or regulatory threat"],
    [
      "I told you twice already to stop, why am I still getting these",
      "compliance risk: earlier request ignored",
    ],
    ["it's 11pm, why are you texting me", "compliance risk: texted outside quiet hours"],
    ["there's water pouring through the kitchen ceiling", "safety or property emergency"],
    ["this is bullshit", "abusive or profane language"],
    [
      "your tech scratched our floors and never called back, I want a refund",
      "complaint from an existing customer",
    ],
  ])("%j escalates (%s)", (text, reason) => {
    const result = classify(text);
    expect(result.escalate).toBe(true);
    expect(result.escalateReason).toBe(reason);
  });

  it("does not escalate a calm request for a person, but flags it", () => {
    const result = classify("could someone from your office give me a call?");
    expect(result.escalate).toBe(false);
    expect(result.humanRequest).toBe(true);
  });
});

describe("createOfflineClassifier", () => {
  it("reports offline usage with zero tokens", async () => {
    const { classification, usage } = await createOfflineClassifier().classify({
      ...base,
      text: "yes please",
    });
    expect(classification.intent).toBe("interested");
    expect(usage).toMatchObject({ engine: "offline", model: "offline-v1", inputTokens: 0, outputTokens: 0 });
  });

  it("classifies well under a millisecond per message once warm", () => {
    classify("warm up");
    const texts = ["can you do thursday at 4?", "too expensive", "STOP", "who is this", "my husband decides"];
    const started = performance.now();
    for (let i = 0; i < 200; i++) classify(texts[i % texts.length] as string);
    expect((performance.now() - started) / 200).toBeLessThan(1);
  });
});
