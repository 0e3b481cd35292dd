import { NoObjectGeneratedError, NoOutputGeneratedError } from "ai";
import type { TModelUsage } from "../ports.js";
import type { TChatModel } from "./model.js";

/** How long one attempt may take, tool rounds included, before routing moves on. */
export const DEFAULT_LLM_TIMEOUT_MS = 8000;

export type TLlmEngineOptions = {
  model: TChatModel;
  timeoutMs?: number;
  /** Judging and reading want little variety (default 0); the responder uses the org's setting. */
  temperature?: number;
};

/** A usage record of one model attempt; `failure` says why an attempt gave no usable answer. */
export type TAttemptUsage = TModelUsage & {
  /** `timeout`, `error: …` or `invalid: …`; absent when the attempt answered. */
  failure?: string;
  /** The prompt file the attempt used (e.g. `responder.v1`), so a change of wording can be traced. */
  promptVersion?: string;
};

export type TAttemptFailureKind = "timeout" | "error" | "invalid";

/**
 * Thrown by the LLM engines when an attempt gives no usable answer. It carries the attempt's usage
 * (tokens already spent are billed) and the kind, which routing needs: invalid output is retried once
 * on the same model, a timeout or an error moves on to the next.
 */
export class LlmAttemptError extends Error {
  constructor(
    readonly kind: TAttemptFailureKind,
    readonly detail: string,
    readonly usage: TAttemptUsage,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${detail}`, options);
    this.name = "LlmAttemptError";
  }
}

/** Output that passed the schema but broke one of our rules (forbidden phrase, too long …). */
export class InvalidOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidOutputError";
  }
}

/** Adds up the tokens of each step as it finishes, so a failed attempt still reports what it spent. */
export function createUsageMeter(model: string, promptVersion: string) {
  const startedAt = performance.now();
  let inputTokens = 0;
  let outputTokens = 0;
  return {
    addStep(usage: { inputTokens?: number | undefined; outputTokens?: number | undefined }): void {
      inputTokens += usage.inputTokens ?? 0;
      outputTokens += usage.outputTokens ?? 0;
    },
    usage(failure?: string): TAttemptUsage {
      return {
        engine: "llm",
        model,
        latencyMs: Math.round(performance.now() - startedAt),
        inputTokens,
        outputTokens,
        promptVersion,
        ...(failure === undefined ? {} : { failure }),
      };
    },
  };
}
export type TUsageMeter = ReturnType<typeof createUsageMeter>;

/** Turns whatever an attempt threw into an LlmAttemptError with the right kind. */
export function toAttemptError(error: unknown, signal: AbortSignal, meter: TUsageMeter): LlmAttemptError {
  if (error instanceof LlmAttemptError) return error;
  if (signal.aborted) {
    return new LlmAttemptError("timeout", "no answer in time", meter.usage("timeout"), { cause: error });
  }
  const detail = shortMessage(error);
  if (
    error instanceof InvalidOutputError ||
    NoObjectGeneratedError.isInstance(error) ||
    NoOutputGeneratedError.isInstance(error)
  ) {
    return new LlmAttemptError("invalid", detail, meter.usage(`invalid: ${detail}`), { cause: error });
  }
  return new LlmAttemptError("error", detail, meter.usage(`error: ${detail}`), { cause: error });
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 197)}...` : message;
}

/** Aborts the attempt (HTTP request and tool rounds alike) when its time is up. */
export function attemptSignal(timeoutMs: number): AbortSignal {
  return AbortSignal.timeout(timeoutMs);
}
