import { readFileSync } from "node:fs";
import {
  OBJECTION_LABELS,
  OBJECTION_TAXONOMY,
  type TAnalyzerSegment,
  type TCallAnalysis,
  type TCustomObjection,
  ZCallAnalysis,
  ZCallOutcome,
  ZCallStage,
  ZObjectionHandling,
} from "@plaibook/shared";
import { generateText, Output } from "ai";
import { z } from "zod";
import { computeTalkMetrics, type TSpeakerRole } from "../call-metrics.js";
import type { TCallAnalysisInput, TModelUsage } from "../ports.js";
import {
  attemptSignal,
  createUsageMeter,
  InvalidOutputError,
  type TLlmEngineOptions,
  toAttemptError,
} from "./attempt.js";

export const CALL_ANALYZER_PROMPT_VERSION = "call-analyzer.v1";

/**
 * A call is analysed in the background and the answer is long (stages, objections, coaching), so an
 * attempt gets more time than an SMS turn's 8 s.
 */
export const DEFAULT_CALL_ANALYSIS_TIMEOUT_MS = 60_000;

/** About 12k tokens of transcript; a longer call keeps its start and its end. */
export const MAX_TRANSCRIPT_CHARS = 48_000;

/** Example phrases shown per custom subcategory (an org may give up to 50). */
const EXAMPLES_PER_CUSTOM_OBJECTION = 5;

// Read once, when the module loads (like prompt-files.ts): a missing file fails at start.
const TEMPLATE = readFileSync(
  new URL(`./prompts/${CALL_ANALYZER_PROMPT_VERSION}.md`, import.meta.url),
  "utf8",
);

const OUTCOME_DEFINITIONS = {
  booked: "an appointment (estimate, inspection, visit, demo) was set for a day, and usually a time.",
  sold: "the customer bought, signed or agreed to buy on the call.",
  follow_up:
    "no decision yet, but a specific next contact was agreed (a call-back, sending a quote, talking to a spouse and hearing back).",
  lost: "the customer declined, said they are not interested, or asked not to be contacted again.",
  no_decision:
    'the call ended with neither a decision nor an agreed next step (cut off, voicemail, a vague "I\'ll think about it").',
} as const satisfies Record<z.infer<typeof ZCallOutcome>, string>;

const ZSegmentIndex = z.number().int().min(0);

/**
 * What the model is asked for. Moments are line numbers, never seconds: our code turns them into times
 * from the transcript, computes the talk metrics itself, and derives `handled` from `handling`.
 */
function modelSchema(labels: readonly string[]) {
  return z.object({
    speakers: z
      .array(z.object({ label: z.string().max(40), role: z.enum(["rep", "customer", "other"]) }))
      .max(20),
    stages: z
      .array(z.object({ stage: ZCallStage, fromSegment: ZSegmentIndex, toSegment: ZSegmentIndex }))
      .max(50),
    objections: z
      .array(
        z.object({
          label: z.enum(labels as [string, ...string[]]),
          segmentIndex: ZSegmentIndex,
          quote: z.string().max(1000),
          handling: ZObjectionHandling,
          response: z.string().max(1000).nullable(),
        }),
      )
      .max(50),
    outcome: z.object({
      label: ZCallOutcome,
      evidence: z.string().max(1000),
      segmentIndex: ZSegmentIndex.nullable(),
    }),
    coaching: z
      .array(
        z.object({
          kind: z.enum(["strength", "improvement"]),
          title: z.string().min(1).max(120),
          advice: z.string().min(1).max(600),
          segmentIndex: ZSegmentIndex,
        }),
      )
      .min(2)
      .max(5),
    summary: z.string().max(2000),
  });
}
export type TModelCallAnalysis = z.infer<ReturnType<typeof modelSchema>>;

export type TLlmCallAnalyzer = {
  modelId: string;
  analyze(input: TCallAnalysisInput): Promise<{ analysis: TCallAnalysis; usage: TModelUsage }>;
};

/**
 * The CallAnalyzer on a model: structured output (`call_analysis`) checked against the transcript
 * (`groundCallAnalysis`); a reading that does not fit it fails the attempt as invalid, so routing
 * retries it once and then moves on.
 */
export function createLlmCallAnalyzer(options: TLlmEngineOptions): TLlmCallAnalyzer {
  const { model } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_ANALYSIS_TIMEOUT_MS;
  return {
    modelId: model.modelId,
    async analyze(input) {
      const meter = createUsageMeter(model.modelId, CALL_ANALYZER_PROMPT_VERSION);
      const signal = attemptSignal(timeoutMs);
      try {
        if (input.segments.length === 0) throw new Error("the transcript has no segments");
        const result = await generateText({
          model,
          system: buildCallAnalyzerPrompt(input),
          prompt: formatTranscript(input.segments),
          output: Output.object({
            schema: modelSchema(allowedObjectionLabels(input.customObjections)),
            name: "call_analysis",
          }),
          temperature: options.temperature ?? 0,
          maxRetries: 0,
          abortSignal: signal,
          onStepFinish: (step) => meter.addStep(step.usage),
        });
        return { analysis: groundCallAnalysis(result.output, input), usage: meter.usage() };
      } catch (error) {
        throw toAttemptError(error, signal, meter);
      }
    },
  };
}

/** The taxonomy's labels, the org's own `category/slug` labels, and `other`. */
export function allowedObjectionLabels(customObjections: readonly TCustomObjection[]): string[] {
  const custom = customObjections.map((objection) => `${objection.category}/${objection.slug}`);
  return [...new Set([...OBJECTION_LABELS, ...custom])];
}

const KNOWN_ROLES: Readonly<Record<string, TSpeakerRole>> = { rep: "rep", customer: "customer" };

/**
 * Checks the model's reading against the transcript and completes it into a TCallAnalysis: every line
 * number exists, stages run forwards, an objection is on a line someone other than the rep said, every
 * neutral speaker label has a role and one of them is the rep. Times come from the lines, the talk
 * metrics from `computeTalkMetrics`. Throws InvalidOutputError on the first problem.
 */
export function groundCallAnalysis(read: TModelCallAnalysis, input: TCallAnalysisInput): TCallAnalysis {
  const { segments } = input;
  const segmentAt = (index: number, what: string): TAnalyzerSegment => {
    const segment = segments[index];
    if (!segment) {
      throw new InvalidOutputError(
        `${what}: segmentIndex ${index} is not a line of the transcript (0–${segments.length - 1})`,
      );
    }
    return segment;
  };

  const speakers = speakerRoles(read.speakers, segments);

  const stages = read.stages
    .map((span, i) => {
      const from = segmentAt(span.fromSegment, `stages[${i}]`);
      const to = segmentAt(span.toSegment, `stages[${i}]`);
      if (span.toSegment < span.fromSegment) {
        throw new InvalidOutputError(
          `stages[${i}] (${span.stage}) ends at line ${span.toSegment}, before it starts at ${span.fromSegment}`,
        );
      }
      return { stage: span.stage, start: from.start, end: Math.max(from.start, to.end) };
    })
    .sort((a, b) => a.start - b.start);

  const objections = read.objections.map((objection, i) => {
    const segment = segmentAt(objection.segmentIndex, `objections[${i}]`);
    if (speakers[segment.speaker] === "rep") {
      throw new InvalidOutputError(
        `objections[${i}] (${objection.label}) is on line ${objection.segmentIndex}, which the rep said`,
      );
    }
    const handled = objection.handling !== "unaddressed";
    return {
      label: objection.label,
      category: objection.label.split("/")[0] ?? "other",
      quote: quoteFrom(objection.quote, segment.text),
      at: segment.start,
      segmentIndex: objection.segmentIndex,
      handled,
      handling: objection.handling,
      response: handled ? objection.response : null,
    };
  });

  const outcomeIndex = read.outcome.segmentIndex;
  const outcome = {
    label: read.outcome.label,
    evidence: read.outcome.evidence,
    at: outcomeIndex === null ? null : segmentAt(outcomeIndex, "outcome").start,
  };

  const coaching = read.coaching.map((item, i) => ({
    ...item,
    at: segmentAt(item.segmentIndex, `coaching[${i}]`).start,
  }));

  const parsed = ZCallAnalysis.safeParse({
    speakers,
    stages,
    objections,
    outcome,
    metrics: computeTalkMetrics(segments, speakers),
    coaching,
    summary: read.summary,
  });
  if (!parsed.success) throw new InvalidOutputError(`call analysis: ${parsed.error.message}`);
  return parsed.data;
}

/** `rep` and `customer` are themselves; a neutral label takes the model's role for it. */
function speakerRoles(
  read: TModelCallAnalysis["speakers"],
  segments: readonly TAnalyzerSegment[],
): Record<string, TSpeakerRole> {
  const fromModel = new Map<string, TSpeakerRole>();
  for (const entry of read) if (!fromModel.has(entry.label)) fromModel.set(entry.label, entry.role);
  const roles: Record<string, TSpeakerRole> = {};
  let neutral = false;
  for (const { speaker } of segments) {
    if (speaker in roles) continue;
    const known = KNOWN_ROLES[speaker];
    if (known) {
      roles[speaker] = known;
      continue;
    }
    neutral = true;
    const role = fromModel.get(speaker);
    if (!role) throw new InvalidOutputError(`speaker "${speaker}" was given no role`);
    roles[speaker] = role;
  }
  if (neutral && !Object.values(roles).includes("rep")) {
    throw new InvalidOutputError("no speaker was named the rep");
  }
  return roles;
}

/** The model's excerpt when it is really on that line, else the line itself. */
function quoteFrom(quote: string, line: string): string {
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const excerpt = normalise(quote);
  return excerpt.length > 0 && normalise(line).includes(excerpt) ? quote.trim() : line.slice(0, 1000);
}

// ---- The prompt -----------------------------------------------------------------------------------

/** The system prompt: taxonomy, the org's subcategories with examples, outcomes, stages, speakers. */
export function buildCallAnalyzerPrompt(input: TCallAnalysisInput): string {
  return fillTemplate({
    industry: input.industry ? input.industry.replaceAll("_", " ") : "not given",
    speakers: describeSpeakers(input.segments),
    stages: ZCallStage.options.join(", "),
    taxonomy: Object.entries(OBJECTION_TAXONOMY)
      .filter(([, subs]) => subs.length > 0)
      .map(([category, subs]) => `- ${category}: ${subs.map((sub) => `${category}/${sub}`).join(", ")}`)
      .concat("- other")
      .join("\n"),
    customObjections:
      input.customObjections.length === 0
        ? "(none)"
        : input.customObjections
            .map((objection) => {
              const examples = objection.examples
                .slice(0, EXAMPLES_PER_CUSTOM_OBJECTION)
                .map((example) => JSON.stringify(example))
                .join("; ");
              return `- ${objection.category}/${objection.slug} (${objection.label}): ${examples}`;
            })
            .join("\n"),
    outcomes: Object.entries(OUTCOME_DEFINITIONS)
      .map(([label, definition]) => `- \`${label}\`: ${definition}`)
      .join("\n"),
  });
}

function describeSpeakers(segments: readonly TAnalyzerSegment[]): string {
  const neutral = [...new Set(segments.map((segment) => segment.speaker))].filter(
    (speaker) => !(speaker in KNOWN_ROLES),
  );
  if (neutral.length === 0) {
    return "The lines are labelled `rep` and `customer`; give `speakers` as an empty list.";
  }
  return [
    `Some lines carry a diariser's neutral labels (${neutral.join(", ")}) instead of roles. In \`speakers\`,`,
    "give each of these labels its role: `rep` (the one who speaks for the business: introduces the",
    "company, asks the questions, quotes prices), `customer`, or `other` (a spouse, a colleague, a",
    "recorded message). Exactly one label is normally the rep. Lines labelled `rep` or `customer` are",
    "already known.",
  ].join("\n");
}

function fillTemplate(values: Record<string, string>): string {
  return TEMPLATE.replace(/\[\[([a-zA-Z]+)\]\]/g, (_match, slot: string) => {
    const value = values[slot];
    if (value === undefined)
      throw new Error(`Prompt ${CALL_ANALYZER_PROMPT_VERSION}: no value for [[${slot}]]`);
    return value;
  });
}

/**
 * The transcript as numbered lines, `[i] (start–end s) speaker: text`. Past `maxChars` the start and the
 * end are kept (the opening and the close say the most) and one line says which were left out; the
 * numbers stay those of the whole transcript.
 */
export function formatTranscript(
  segments: readonly TAnalyzerSegment[],
  maxChars: number = MAX_TRANSCRIPT_CHARS,
): string {
  const lines = segments.map(
    (segment, i) =>
      `[${i}] (${segment.start.toFixed(1)}–${segment.end.toFixed(1)} s) ${segment.speaker}: ${segment.text.replace(/\s+/g, " ").trim()}`,
  );
  const total = lines.reduce((sum, line) => sum + line.length + 1, 0);
  const header = (note: string) =>
    `Transcript (${segments.length} lines, ${callSeconds(segments).toFixed(0)} s${note}):`;
  if (total <= maxChars) return [header(""), ...lines].join("\n");

  const half = maxChars / 2;
  let head = 0;
  let headChars = 0;
  while (head < lines.length && headChars + (lines[head]?.length ?? 0) + 1 <= half) {
    headChars += (lines[head]?.length ?? 0) + 1;
    head += 1;
  }
  let tail = lines.length;
  let tailChars = 0;
  while (tail > head && tailChars + (lines[tail - 1]?.length ?? 0) + 1 <= half) {
    tailChars += (lines[tail - 1]?.length ?? 0) + 1;
    tail -= 1;
  }
  const omitted = tail - head;
  return [
    header(`; the middle is left out: ${omitted} lines`),
    ...lines.slice(0, head),
    `[… lines ${head}–${tail - 1} omitted (${omitted} lines) …]`,
    ...lines.slice(tail),
  ].join("\n");
}

function callSeconds(segments: readonly TAnalyzerSegment[]): number {
  return segments.reduce((end, segment) => Math.max(end, segment.end), 0);
}
