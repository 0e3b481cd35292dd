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

describe("classifySms: escalation without a trigger word", () => {
  it.each([
    ["third time I'm saying it, nobody named Lionel lives here", "compliance risk: earlier request ignored"],
    ["I already told y'all this is not Marcy's cell anymore", "compliance risk: earlier request ignored"],
    ["who texts people at 5:30 in the morning??", "compliance risk: texted outside quiet hours"],
    ["your message came in at 10:45pm. not ok", "compliance risk: texted outside quiet hours"],
    ["our renewal premium nearly doubled, explain this", "complaint from an existing customer"],
    ["your landscaping crew chipped the patio stones", "complaint from an existing customer"],
    ["got charged twice for one carpet cleaning", "complaint from an existing customer"],
    ["still have fleas in the carpet even after 2 treatments", "complaint from an existing customer"],
  ])("%j escalates (%s)", (text, reason) => {
    const result = classify(text);
    expect(result.escalate).toBe(true);
    expect(result.escalateReason).toBe(reason);
    expect(result.sentiment).toBe("negative");
  });

  it.each([
    "no. I said no last month too",
    "can someone from the office call me about the estimate?",
    "our last contractor ruined the siding, so I'm careful now",
    "can the tech come at 7am on friday?",
    "our electric bill went up a lot this summer, can solar help?",
  ])("does not escalate %j", (text) => {
    expect(classify(text).escalate).toBe(false);
  });
});

describe("classifySms: sentiment", () => {
  it.each([
    ["this is a f***ing joke", "negative"],
    ["wtf, who gave you my number", "negative"],
    ["oh perfect, another roofing text 🙄", "negative"],
    ["WATER HEATER IS LEAKING EVERYWHERE!!!", "negative"],
    ["no thank you", "neutral"],
    ["not interested", "neutral"],
    ["is the treatment safe for toddlers?", "neutral"],
  ])("%j → %s", (text, sentiment) => {
    expect(classify(text).sentiment).toBe(sentiment);
  });
});

describe("classifySms: objection subcategories without the usual cue word", () => {
  it.each([
    ["we take the dog to Dr. Osei already", "competitor/current_provider"],
    ["we've got 12 years left on the lease for our panels", "competitor/under_contract"],
    ["not paying another haul away fee like last time", "price/hidden_fees"],
    ["the guy before you took a deposit and vanished", "trust/bad_past_experience"],
    ["haven't had a single leak since the new roof", "need/no_problem_now"],
    ["my son mows it himself on saturdays", "need/diy"],
    ["start of next month is better, text me then", "timing/call_back_later"],
  ])("%j → %s", (text, objection) => {
    const result = classify(text);
    expect(result.intent).toBe("objection");
    expect(result.objection).toBe(objection);
  });

  it.each([
    "any hidden fees I should know about?",
    "does that price include the removal or just the install?",
  ])("asking about fees is a question: %j", (text) => {
    expect(classify(text).intent).toBe("question");
  });
});

describe("classifySms: context decides the intent", () => {
  const pitch = [
    { role: "agent", text: "Hi Lee, it's Jo from Maplecrest Lawn. Want a quote on weekly mowing?" },
  ];
  const reminder = [
    { role: "agent", text: "Your estimate is Thu at 3pm. Reply C to confirm or R to reschedule." },
  ];
  it.each([
    ["yes, 52 Juniper Way", "other", [{ role: "agent", text: "What's the address for the visit?" }]],
    ["I'm good 👍", "not_interested", pitch],
    ["we've been with Maplecrest since 2022", "already_customer", pitch],
    ["sure, sometime next week works", "appointment_request", pitch],
    ["R", "reschedule", reminder],
    ["C", "other", reminder],
    ["the tech was great today!", "already_customer", []],
  ])("%j → %s", (text, intent, context) => {
    expect(classify(text, { context: context as typeof base.context }).intent).toBe(intent);
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
});
