import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeOpenAi } from "../../../test/fakes/fake-openai.js";
import { LlmAttemptError } from "./attempt.js";
import { createChatModel } from "./model.js";
import { createLlmResponder, RESPONDER_PROMPT_VERSION } from "./responder.js";
import { buildRecordingTools, buildResponderContext, slotA, slotB } from "./test-fixtures.js";

let fake: TFakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const MODEL = "openai/gpt-4o-mini";
const responder = () =>
  createLlmResponder({
    model: createChatModel({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model: MODEL }),
    timeoutMs: 2000,
  });

describe("createLlmResponder", () => {
  it("answers with a checked message, the model's stage and the usage of the call", async () => {
    fake.enqueue({
      kind: "json",
      object: { message: "Great, {{firstName}}! Mornings work well for us.", stage: "book", handover: null },
      usage: { prompt_tokens: 812, completion_tokens: 41 },
    });
    const { tools } = buildRecordingTools();
    const reply = await responder().reply(buildResponderContext(), tools);

    expect(reply.message).toBe("Great, Dana! Mornings work well for us.");
    expect(reply.handover).toBeNull();
    expect(reply.classification).toBeNull();
    expect(reply.state.stage).toBe("book");
    expect(reply.usage).toHaveLength(1);
    expect(reply.usage[0]).toMatchObject({
      engine: "llm",
      model: MODEL,
      inputTokens: 812,
      outputTokens: 41,
      promptVersion: RESPONDER_PROMPT_VERSION,
    });
    expect(reply.usage[0]?.latencyMs).toBeGreaterThanOrEqual(0);

    // The request shape the product depends on: bearer auth, json_schema output, function tools.
    const [request] = fake.requests;
    expect(request?.path).toBe("/api/v1/chat/completions");
    expect(request?.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request?.model).toBe(MODEL);
    expect(request?.responseFormat?.type).toBe("json_schema");
    expect(request?.responseFormat?.json_schema?.schema).toMatchObject({
      type: "object",
      properties: { stage: { enum: ["greet", "book"] } },
    });
    expect(request?.tools?.map((t) => t.function.name).sort()).toEqual([
      "book_appointment",
      "hand_to_human",
      "list_open_slots",
      "look_up_customer",
    ]);
    const system = JSON.stringify(request?.messages[0]);
    expect(system).toContain("Sam");
    expect(system).toContain("guaranteed results");
    expect(system).toContain("America/New_York");
    expect(system).toContain("Wednesday, March 4, 2026, 9:05 AM");
    expect(system).toContain("Current stage: greet");
    expect(request?.messages.slice(1)).toEqual([
      { role: "assistant", content: "Hi Dana, it's Sam from Green Co! Still need help with your lawn?" },
      { role: "user", content: "Yes, can you come Thursday morning?" },
    ]);
  });

  it("lists slots, books the one the lead took and records the booking in the state", async () => {
    fake.enqueue(
      {
        kind: "tool_calls",
        calls: [
          {
            name: "list_open_slots",
            arguments: { from: "2026-03-05T08:00", to: "2026-03-05T12:00", limit: 2 },
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 10 },
      },
      {
        kind: "tool_calls",
        calls: [{ name: "book_appointment", arguments: { slotId: "slot-a" } }],
        usage: { prompt_tokens: 200, completion_tokens: 10 },
      },
      {
        kind: "json",
        object: { message: "You're booked for Thursday at 10:00 AM!", stage: "book", handover: null },
        usage: { prompt_tokens: 300, completion_tokens: 20 },
      },
    );
    const { tools, calls } = buildRecordingTools();
    const reply = await responder().reply(buildResponderContext(), tools);

    // The model's local times are read in the lead's zone (08:00 New York = 13:00 UTC).
    expect(calls.listOpenSlots).toEqual([
      { from: new Date("2026-03-05T13:00:00Z"), to: new Date("2026-03-05T17:00:00Z"), limit: 2 },
    ]);
    expect(calls.bookAppointment).toEqual(["slot-a"]);
    expect(reply.state.booked).toEqual({ appointmentId: "appt-slot-a", start: slotA.start, end: slotA.end });
    expect(reply.state.offeredSlots).toEqual([slotB]);
    // One usage record for the call, with the tokens of all three steps.
    expect(reply.usage).toEqual([
      expect.objectContaining({ inputTokens: 600, outputTokens: 40, model: MODEL }),
    ]);

    // The second request carries the tool result back to the model.
    const toolMessage = fake.requests[1]?.messages.find(
      (message) => (message as { role: string }).role === "tool",
    ) as { content: string } | undefined;
    expect(JSON.parse(toolMessage?.content ?? "{}")).toMatchObject({
      slots: [{ id: "slot-a", start: "Thu Mar 5, 10:00 AM" }, { id: "slot-b" }],
    });
  });

  it("refuses to book a slot that was neither offered nor listed in this turn", async () => {
    fake.enqueue(
      { kind: "tool_calls", calls: [{ name: "book_appointment", arguments: { slotId: "slot-made-up" } }] },
      { kind: "json", object: { message: "Which time suits you best?", stage: "book", handover: null } },
    );
    const { tools, calls } = buildRecordingTools();
    const reply = await responder().reply(buildResponderContext(), tools);

    expect(calls.bookAppointment).toEqual([]);
    expect(reply.state.booked).toBeNull();
    const toolMessage = fake.requests[1]?.messages.find(
      (message) => (message as { role: string }).role === "tool",
    ) as { content: string } | undefined;
    expect(JSON.parse(toolMessage?.content ?? "{}")).toMatchObject({ ok: false });
  });

  it("books a slot offered in an earlier turn without listing again", async () => {
    fake.enqueue(
      { kind: "tool_calls", calls: [{ name: "book_appointment", arguments: { slotId: "slot-b" } }] },
      {
        kind: "json",
        object: { message: "Booked for 11:00 AM, see you then!", stage: "book", handover: null },
      },
    );
    const { tools, calls } = buildRecordingTools();
    const context = buildResponderContext();
    const reply = await responder().reply(
      { ...context, state: { ...context.state, offeredSlots: [slotA, slotB] } },
      tools,
    );
    expect(calls.bookAppointment).toEqual(["slot-b"]);
    expect(reply.state.booked?.appointmentId).toBe("appt-slot-b");
    expect(reply.state.offeredSlots).toEqual([slotA]);
  });

  it("hands over when the model calls hand_to_human", async () => {
    fake.enqueue(
      {
        kind: "tool_calls",
        calls: [{ name: "hand_to_human", arguments: { reason: "Asked for a manager" } }],
      },
      {
        kind: "json",
        object: { message: "I'll have a teammate reach out shortly.", stage: "greet", handover: null },
      },
    );
    const { tools } = buildRecordingTools();
    const reply = await responder().reply(buildResponderContext(), tools);
    expect(reply.handover).toEqual({ reason: "Asked for a manager" });
  });

  it.each([
    ["a forbidden phrase (any case)", "We offer GUARANTEED results every time!"],
    [
      "a repeat of the previous agent message",
      "Hi Dana, it's Sam from Green Co! Still need help with your lawn?",
    ],
    ["an unknown merge field", "Hi {{nickname}}!"],
    // An emoji makes it UCS-2: two segments hold 134 characters.
    ["a text over two segments with no sentence end", `🌱 ${"word ".repeat(30).trim()}`],
  ])("refuses %s as invalid output, with the usage spent", async (_label, message) => {
    fake.enqueue({ kind: "json", object: { message, stage: "greet", handover: null } });
    const { tools } = buildRecordingTools();
    const error = await responder()
      .reply(buildResponderContext(), tools)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmAttemptError);
    expect((error as LlmAttemptError).kind).toBe("invalid");
    expect((error as LlmAttemptError).usage).toMatchObject({ inputTokens: 120, outputTokens: 30 });
    expect((error as LlmAttemptError).usage.failure).toMatch(/^invalid/);
  });

  it("cuts a long message at a sentence end to fit two segments", async () => {
    // An emoji makes it UCS-2: two segments hold 134 characters, the whole text is 160 or so.
    const first = "🌱 Thanks Dana, we can help with that lawn. Thursday morning works.";
    const message = `${first} ${"One more thing about the free estimate ".repeat(2).trim()}.`;
    fake.enqueue({ kind: "json", object: { message, stage: "greet", handover: null } });
    const { tools } = buildRecordingTools();
    const reply = await responder().reply(buildResponderContext(), tools);
    expect(reply.message).toBe(first);
  });

  it("reports JSON that does not parse as invalid", async () => {
    fake.enqueue({ kind: "invalid_json" });
    const { tools } = buildRecordingTools();
    const error = await responder()
      .reply(buildResponderContext(), tools)
      .catch((caught: unknown) => caught);
    expect((error as LlmAttemptError).kind).toBe("invalid");
  });

  it("reports a slow model as a timeout", async () => {
    fake.enqueue({ kind: "slow", delayMs: 5000 });
    const { tools } = buildRecordingTools();
    const quick = createLlmResponder({
      model: createChatModel({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model: MODEL }),
      timeoutMs: 200,
    });
    const error = await quick.reply(buildResponderContext(), tools).catch((caught: unknown) => caught);
    expect((error as LlmAttemptError).kind).toBe("timeout");
    expect((error as LlmAttemptError).usage).toMatchObject({
      model: MODEL,
      failure: "timeout",
      inputTokens: 0,
    });
    expect((error as LlmAttemptError).usage.latencyMs).toBeGreaterThanOrEqual(150);
  });
});
