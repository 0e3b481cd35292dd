import type { TCallAnalysis, TOrgAiSettings, TSmsClassification, TTurnVerdict } from "@plaibook/shared";
import type { TConfig } from "../platform/config.js";
import { LlmAttemptError, type TAttemptUsage } from "./llm/attempt.js";
import { createLlmCallAnalyzer, DEFAULT_CALL_ANALYSIS_TIMEOUT_MS } from "./llm/call-analyzer.js";
import { createLlmClassifier } from "./llm/classifier.js";
import { createChatModel } from "./llm/model.js";
import { createLlmResponder } from "./llm/responder.js";
import { createLlmTurnAnalyzer } from "./llm/turn-analyzer.js";
import type {
  CallAnalyzer,
  Responder,
  SmsClassifier,
  TAgentReply,
  TAgentTools,
  TBookingResult,
  TCallAnalysisInput,
  TClassifyInput,
  TModelUsage,
  TResponderContext,
  TTurnAnalysisInput,
  TurnAnalyzer,
} from "./ports.js";

export type { TAttemptUsage } from "./llm/attempt.js";

/**
 * Model routing: primary model → fallback model → offline engine. A timeout or an error moves on at
 * once; output that fails the schema or our checks is retried once on the same model first (a second
 * sample often passes), then moves on. The offline engine always answers. Every attempt's usage,
 * failed ones included (marked with `failure`), comes back so it can be billed.
 */

/** An engine on a model; `modelId` names it in the usage of a failure it did not report itself. */
type TModelEngine<TPort> = TPort & { modelId?: string };

export type TRouteOptions<TPort> = {
  primary: TModelEngine<TPort>;
  fallback?: TModelEngine<TPort> | null;
  offline: TPort;
};

export type TRoutedReply = Omit<TAgentReply, "usage"> & { usage: TAttemptUsage[] };
export type TRoutedVerdict = { verdict: TTurnVerdict; usage: TModelUsage; attempts: TAttemptUsage[] };
export type TRoutedClassification = {
  classification: TSmsClassification;
  usage: TModelUsage;
  attempts: TAttemptUsage[];
};
export type TRoutedCallAnalysis = { analysis: TCallAnalysis; usage: TModelUsage; attempts: TAttemptUsage[] };

// Plain object types rather than `Port & {…}` (an intersection would make the port's signature win);
// each is still assignable to its port (createAiEngines returns them as the ports).
export type TRoutedResponder = {
  reply(context: TResponderContext, tools: TAgentTools): Promise<TRoutedReply>;
};
export type TRoutedTurnAnalyzer = { analyze(input: TTurnAnalysisInput): Promise<TRoutedVerdict> };
export type TRoutedClassifier = { classify(input: TClassifyInput): Promise<TRoutedClassification> };
export type TRoutedCallAnalyzer = { analyze(input: TCallAnalysisInput): Promise<TRoutedCallAnalysis> };

/** Invalid output gets this many tries on one model before the next model is asked. */
const TRIES_ON_INVALID = 2;

type TChainLink<TResult> = { modelId: string; run: () => Promise<TResult> };

async function runChain<TResult>(
  models: TChainLink<TResult>[],
  offline: () => Promise<TResult>,
): Promise<{ result: TResult; failed: TAttemptUsage[] }> {
  const failed: TAttemptUsage[] = [];
  for (const model of models) {
    for (let tryIndex = 0; tryIndex < TRIES_ON_INVALID; tryIndex += 1) {
      const startedAt = performance.now();
      try {
        return { result: await model.run(), failed };
      } catch (error) {
        if (error instanceof LlmAttemptError) {
          failed.push(error.usage);
          if (error.kind === "invalid") continue;
        } else {
          // An engine that does not speak LlmAttemptError: still an attempt that cost time.
          failed.push({
            engine: "llm",
            model: model.modelId,
            latencyMs: Math.round(performance.now() - startedAt),
            inputTokens: 0,
            outputTokens: 0,
            failure: `error: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
        break;
      }
    }
  }
  return { result: await offline(), failed };
}

function modelsOf<TPort>(options: TRouteOptions<TPort>): TModelEngine<TPort>[] {
  return options.fallback ? [options.primary, options.fallback] : [options.primary];
}

export function routeResponder(options: TRouteOptions<Responder>): TRoutedResponder {
  return {
    async reply(context, tools) {
      const booking = rememberBooking(tools);
      const runOn = (engine: Responder) => () => engine.reply(booking.contextFor(context), booking.tools);
      const { result, failed } = await runChain(
        modelsOf(options).map((engine) => ({ modelId: engine.modelId ?? "unknown", run: runOn(engine) })),
        runOn(options.offline),
      );
      return booking.settle({ ...result, usage: [...failed, ...result.usage] });
    },
  };
}

export function routeTurnAnalyzer(options: TRouteOptions<TurnAnalyzer>): TRoutedTurnAnalyzer {
  return {
    async analyze(input) {
      const { result, failed } = await runChain(
        modelsOf(options).map((engine) => ({
          modelId: engine.modelId ?? "unknown",
          run: () => engine.analyze(input),
        })),
        () => options.offline.analyze(input),
      );
      return { ...result, attempts: [...failed, result.usage] };
    },
  };
}

export function routeClassifier(options: TRouteOptions<SmsClassifier>): TRoutedClassifier {
  return {
    async classify(input) {
      const { result, failed } = await runChain(
        modelsOf(options).map((engine) => ({
          modelId: engine.modelId ?? "unknown",
          run: () => engine.classify(input),
        })),
        () => options.offline.classify(input),
      );
      return { ...result, attempts: [...failed, result.usage] };
    },
  };
}

export function routeCallAnalyzer(options: TRouteOptions<CallAnalyzer>): TRoutedCallAnalyzer {
  return {
    async analyze(input) {
      const { result, failed } = await runChain(
        modelsOf(options).map((engine) => ({
          modelId: engine.modelId ?? "unknown",
          run: () => engine.analyze(input),
        })),
        () => options.offline.analyze(input),
      );
      return { ...result, attempts: [...failed, result.usage] };
    },
  };
}

/**
 * A booking made by an attempt that then failed (timed out, or its answer was refused) is real: the
 * next attempt must see it in the state rather than book again, and the reply must carry it.
 */
function rememberBooking(tools: TAgentTools) {
  let booked: Extract<TBookingResult, { ok: true }> | null = null;
  const asState = (result: Extract<TBookingResult, { ok: true }>) => ({
    appointmentId: result.appointmentId,
    start: result.slot.start,
    end: result.slot.end,
  });
  return {
    tools: {
      lookupCustomer: () => tools.lookupCustomer(),
      listOpenSlots: (query) => tools.listOpenSlots(query),
      async bookAppointment(slotId) {
        if (booked) {
          return booked.slot.id === slotId
            ? booked
            : { ok: false, reason: "An appointment was already booked in this turn." };
        }
        const result = await tools.bookAppointment(slotId);
        if (result.ok) booked = result;
        return result;
      },
    } satisfies TAgentTools,
    contextFor(context: TResponderContext): TResponderContext {
      if (!booked) return context;
      return { ...context, state: { ...context.state, booked: asState(booked) } };
    },
    settle(reply: TRoutedReply): TRoutedReply {
      if (!booked || reply.state.booked?.appointmentId === booked.appointmentId) return reply;
      const slotId = booked.slot.id;
      return {
        ...reply,
        state: {
          ...reply.state,
          booked: asState(booked),
          offeredSlots: reply.state.offeredSlots.filter((slot) => slot.id !== slotId),
        },
      };
    },
  };
}

export type TAiEngines = {
  responder: Responder;
  analyzer: TurnAnalyzer;
  classifier: SmsClassifier;
  callAnalyzer: CallAnalyzer;
};

/**
 * The org's engines. With no API key, or the org on "offline", the offline engines are returned as they
 * are and nothing calls out. Otherwise each port is routed primary → fallback (when set) → offline.
 * A call is analysed in the background with a long answer, so its attempts get
 * DEFAULT_CALL_ANALYSIS_TIMEOUT_MS (or the org's timeout, if that is longer) rather than the SMS timeout.
 */
export function createAiEngines(input: {
  config: Pick<TConfig, "OPENROUTER_API_KEY" | "OPENROUTER_BASE_URL">;
  settings: TOrgAiSettings;
  offline: TAiEngines;
}): TAiEngines {
  const { config, settings, offline } = input;
  const apiKey = config.OPENROUTER_API_KEY;
  if (!apiKey || settings.engine === "offline") return offline;

  const modelFor = (model: string) => createChatModel({ apiKey, baseUrl: config.OPENROUTER_BASE_URL, model });
  const primary = modelFor(settings.model);
  const fallbackId = settings.fallbackModel;
  const fallback = fallbackId && fallbackId !== settings.model ? modelFor(fallbackId) : null;
  const timeoutMs = settings.timeoutMs;
  const callTimeoutMs = Math.max(timeoutMs, DEFAULT_CALL_ANALYSIS_TIMEOUT_MS);
  return {
    responder: routeResponder({
      primary: createLlmResponder({ model: primary, timeoutMs }),
      fallback: fallback ? createLlmResponder({ model: fallback, timeoutMs }) : null,
      offline: offline.responder,
    }),
    analyzer: routeTurnAnalyzer({
      primary: createLlmTurnAnalyzer({ model: primary, timeoutMs }),
      fallback: fallback ? createLlmTurnAnalyzer({ model: fallback, timeoutMs }) : null,
      offline: offline.analyzer,
    }),
    classifier: routeClassifier({
      primary: createLlmClassifier({ model: primary, timeoutMs }),
      fallback: fallback ? createLlmClassifier({ model: fallback, timeoutMs }) : null,
      offline: offline.classifier,
    }),
    callAnalyzer: routeCallAnalyzer({
      primary: createLlmCallAnalyzer({ model: primary, timeoutMs: callTimeoutMs }),
      fallback: fallback ? createLlmCallAnalyzer({ model: fallback, timeoutMs: callTimeoutMs }) : null,
      offline: offline.callAnalyzer,
    }),
  };
}

/** Every usage record to bill for a result: a routed result lists its attempts, a plain one its usage. */
export function billableUsage(result: { usage: TModelUsage; attempts?: TAttemptUsage[] }): TAttemptUsage[] {
  return result.attempts ?? [result.usage];
}
