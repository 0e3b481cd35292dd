import { z } from "zod";

const ZBool = z
  .enum(["0", "1", "true", "false", "yes", "no", "on", "off"], {
    error: "expected 1/0, true/false, yes/no or on/off",
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number between ${min} and ${max}` })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const csv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const ZModelPrices = z.record(
  z.string().min(1),
  z.object({ input: z.number().min(0), output: z.number().min(0) }),
);
export type TModelPrices = z.infer<typeof ZModelPrices>;

/**
 * Every environment variable Plaibook reads. README's configuration table mirrors this list;
 * `process.env` is read nowhere else.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // 0 picks any free port (tests).
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "expected a postgres:// URL" }).optional(),
  /** Queues a worker serves, comma-separated (e.g. `agent.reply,overseer.turn` for AI workers); default all. */
  WORKER_QUEUES: csv.optional(),
  /** Connections the app role may hold at once (per process). */
  DATABASE_POOL_SIZE: int(2, 500).default(20),
  PLAIBOOK_DATA_DIR: z.string().min(1).default(".data"),
  PLAIBOOK_PG_PORT: int(1, 65535).default(54329),
  PLAIBOOK_DEMO: ZBool.default(true),
  JWT_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  SECRETS_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: "must be 64 hex characters (32 bytes)" })
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(3600),
  REFRESH_TOKEN_TTL_DAYS: int(1, 365).default(30),
  INVITE_TTL_HOURS: int(1, 24 * 30).default(72),
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  AUTH_RATE_LIMIT_PER_MINUTE: int(1, 100_000).default(30),
  CORS_ORIGINS: csv.default([]),
  TRUST_PROXY: ZBool.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHUTDOWN_TIMEOUT_MS: int(1000, 120_000).default(9000),
  WEB_DIST_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z
    .url({
      error: "expected the URL people and vendors reach Plaibook at, e.g. https://plaibook.example.com",
    })
    .optional(),
  SMS_SEGMENT_COST_MICROS: int(0, 10_000_000).default(7900),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, { error: "expected AC followed by 32 hex characters" })
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  /** Only for tests and proxies: where the Twilio SDK sends its API calls. */
  TWILIO_API_URL: z.url().optional(),
  SANDBOX_DELIVERY_DELAY_MS: int(0, 60_000).default(800),
  QUEUE_SUPERVISE_SECONDS: int(1, 3600).default(30),
  /** Only for tests and proxies: Slack's Web API base (chat.postMessage). */
  SLACK_API_URL: z.url().default("https://slack.com/api"),
  /** The ffmpeg binary for call recordings; else `ffmpeg` on the PATH. */
  FFMPEG_PATH: z.string().min(1).optional(),
  /** The `pocketsphinx` binary (offline speech-to-text); found on the PATH when unset. */
  POCKETSPHINX_PATH: z.string().min(1).optional(),
  /** An OpenAI-compatible speech-to-text API (`/audio/transcriptions`), for orgs that choose it. */
  TRANSCRIBE_BASE_URL: z.url().default("https://api.openai.com/v1"),
  TRANSCRIBE_API_KEY: z.string().min(8).optional(),
  TRANSCRIBE_MODEL: z.string().min(1).default("whisper-1"),
  /** Call recordings and other blobs go to this S3 bucket when set; otherwise to `<data dir>/blobs`. */
  S3_BUCKET: z.string().min(3).max(63).optional(),
  /** An S3-compatible endpoint (MinIO, R2, …); AWS's own when unset. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (bucket in the path), which most S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: ZBool.default(false),
  /** With no key nothing calls out: the offline engine answers. */
  OPENROUTER_API_KEY: z.string().min(8).optional(),
  /** OpenRouter, or any OpenAI-compatible endpoint (tests point it at a local server). */
  OPENROUTER_BASE_URL: z.url().default("https://openrouter.ai/api/v1"),
  /**
   * Model prices in dollars per million tokens, JSON: {"openai/gpt-4o-mini":{"input":0.15,"output":0.6}}.
   * Merged over the built-in table in ai/prices.ts.
   */
  AI_MODEL_PRICES: z
    .string()
    .transform((value, ctx) => {
      try {
        return ZModelPrices.parse(JSON.parse(value));
      } catch {
        ctx.addIssue({ code: "custom", message: 'expected JSON like {"model":{"input":0.15,"output":0.6}}' });
        return z.NEVER;
      }
    })
    .optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

export type TConfig = TEnv & {
  /** True when no DATABASE_URL is given and Plaibook runs its own Postgres. */
  embedded: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Parses the environment once; throws ConfigError with one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const present = Object.fromEntries(
    Object.keys(ZEnv.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === "" ? [] : [[key, value]];
    }),
  );
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = present[name];
      const shown = value === undefined ? "" : ` (got ${JSON.stringify(secretish(name) ? "***" : value)})`;
      return `Invalid configuration: ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  return { ...parsed.data, embedded: parsed.data.DATABASE_URL === undefined };
}

function secretish(name: string): boolean {
  return /SECRET|KEY|TOKEN|PASSWORD|DATABASE_URL/.test(name);
}

/** Secrets are required outside embedded mode; in embedded mode they come from the data dir. */
export function requireSecrets(config: TConfig): { jwtSecret: string; secretsKey: string } {
  const missing = (["JWT_SECRET", "SECRETS_KEY"] as const).filter((k) => !config[k]);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        (k) =>
          `Invalid configuration: ${k}: required when DATABASE_URL is set (embedded mode generates it in the data dir)`,
      ),
    );
  }
  return { jwtSecret: config.JWT_SECRET as string, secretsKey: config.SECRETS_KEY as string };
}
