import type { TCalendarSettings, TOrgAiSettings } from "@plaibook/shared";
import { ZCalendarSettings, ZOrgAiSettings } from "@plaibook/shared";
import { z } from "zod";

/** The AI & calendar form as the user edits it: one flat record, the timeout in seconds. */
export type TAiSettingsValues = {
  engine: TOrgAiSettings["engine"];
  model: string;
  fallbackModel: string;
  temperature: number;
  persona: string;
  timeoutSeconds: number;
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  slotStepMinutes: number;
};

export type TAiSettingsField = keyof TAiSettingsValues;
export type TAiSettingsErrors = Partial<Record<TAiSettingsField, string>>;
export type TAiSettingsInput = { ai: TOrgAiSettings; calendar: TCalendarSettings };

export const PERSONA_MAX = 1000;

/** Common OpenRouter model ids, offered as suggestions; any id OpenRouter knows is accepted. */
export const SUGGESTED_MODELS = [
  "openai/gpt-4o-mini",
  "openai/gpt-4o",
  "openai/gpt-4.1-mini",
  "openai/gpt-4.1",
  "anthropic/claude-3.5-haiku",
  "anthropic/claude-3.7-sonnet",
  "anthropic/claude-sonnet-4",
  "google/gemini-2.0-flash-001",
  "google/gemini-2.5-flash",
  "meta-llama/llama-3.3-70b-instruct",
  "mistralai/mistral-small-3.1-24b-instruct",
  "deepseek/deepseek-chat",
] as const;

export function toFormValues({ ai, calendar }: TAiSettingsInput): TAiSettingsValues {
  return {
    engine: ai.engine,
    model: ai.model,
    fallbackModel: ai.fallbackModel,
    temperature: ai.temperature,
    persona: ai.persona,
    timeoutSeconds: ai.timeoutMs / 1000,
    timeZone: calendar.timeZone,
    days: [...calendar.days].sort((a, b) => a - b),
    start: calendar.start,
    end: calendar.end,
    slotStepMinutes: calendar.slotStepMinutes,
  };
}

const ZAiSettingsInput = z.object({ ai: ZOrgAiSettings, calendar: ZCalendarSettings });

/** The shared schemas decide what is valid; these say it in words that fit next to each field. */
const FIELD_MESSAGES: Partial<Record<TAiSettingsField, string>> = {
  model: "Enter an OpenRouter model id (up to 120 characters), e.g. openai/gpt-4o-mini",
  fallbackModel: "Keep the fallback model id to 120 characters",
  temperature: "Temperature must be between 0 and 1.5",
  persona: `Keep the persona to ${PERSONA_MAX.toLocaleString("en-US")} characters`,
  timeoutSeconds: "Wait between 1 and 60 seconds",
  timeZone: "Choose a time zone",
  days: "Pick at least one day",
  start: "Use HH:MM (24-hour)",
  slotStepMinutes: "Slots start every 5 to 240 minutes (whole minutes)",
};

function fieldOfPath(path: ReadonlyArray<PropertyKey>): TAiSettingsField | null {
  const [group, key] = path;
  if (group === "ai" && key === "timeoutMs") return "timeoutSeconds";
  return typeof key === "string" ? (key as TAiSettingsField) : null;
}

export function parseAiSettings(
  values: TAiSettingsValues,
): { ok: true; input: TAiSettingsInput } | { ok: false; errors: TAiSettingsErrors } {
  const result = ZAiSettingsInput.safeParse({
    ai: {
      engine: values.engine,
      model: values.model,
      fallbackModel: values.fallbackModel,
      temperature: values.temperature,
      persona: values.persona,
      // Seconds on screen, milliseconds on the wire; NaN (an empty box) stays invalid.
      timeoutMs: Math.round(values.timeoutSeconds * 1000),
    },
    calendar: {
      timeZone: values.timeZone,
      days: values.days,
      start: values.start,
      end: values.end,
      slotStepMinutes: values.slotStepMinutes,
    },
  });
  if (result.success) return { ok: true, input: result.data };
  const errors: TAiSettingsErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path);
    if (!field || errors[field]) continue;
    // The end-after-start rule carries its own sentence; a malformed end time does not.
    errors[field] =
      field === "end"
        ? issue.code === "custom"
          ? issue.message
          : "Use HH:MM (24-hour)"
        : (FIELD_MESSAGES[field] ?? issue.message);
  }
  return { ok: false, errors };
}

/** Every IANA zone the browser knows, with the current value kept even if it is not among them. */
export function allTimeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  return zones.includes(current) || !current ? zones : [current, ...zones];
}
