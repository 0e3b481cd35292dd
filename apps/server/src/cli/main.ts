import { Command, InvalidArgumentError } from "commander";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../modules/demo/index.js";
import { ConfigError, loadConfig, type TConfig } from "../platform/config.js";
import { createDatabase } from "../platform/db/client.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { createLogger, type Logger } from "../platform/logger.js";
import { openDatabase, runProcess, type TRoles } from "../process.js";
import { installShutdown } from "./shutdown.js";

function configOrExit(): TConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function fail(log: Logger | null, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError)
    for (const problem of error.problems) process.stderr.write(`${problem}\n`);
  else if (log) log.fatal({ err: error }, message);
  else process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function serve(roles: TRoles, options: { migrate: boolean; seedDemo: boolean }): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config);
  try {
    const running = await runProcess({ config, log, roles, ...options });
    installShutdown(running.stop, log, config.SHUTDOWN_TIMEOUT_MS);
    const which = [roles.api && "api", roles.worker && "worker"].filter(Boolean).join(" + ");
    log.info({ roles: which, url: running.url }, "Plaibook is running");
    if (running.url) printBanner(running.url, options.seedDemo);
  } catch (error) {
    fail(log, error);
  }
}

function printBanner(url: string, demo: boolean): void {
  const lines = [``, `  Plaibook is running at ${url}`, `  API docs: ${url}/api/docs`];
  if (demo) {
    lines.push(``, `  Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) lines.push(`    ${user.role.padEnd(8)} ${user.email}`);
  }
  lines.push(``, `  Press Ctrl+C to stop.`, ``);
  process.stdout.write(`${lines.join("\n")}\n`);
}

function parseRole(value: string): TRoles {
  if (value === "api") return { api: true, worker: false };
  if (value === "worker") return { api: false, worker: true };
  if (value === "all") return { api: true, worker: true };
  throw new InvalidArgumentError("expected api, worker or all");
}

const program = new Command()
  .name("plaibook")
  .description("Plaibook: AI co-pilot for sales and service teams")
  .showHelpAfterError();

program
  .command("start")
  .description("All in one: embedded Postgres (unless DATABASE_URL), migrate, demo data, api + worker + web")
  .action(async () => {
    const config = configOrExit();
    await serve({ api: true, worker: true }, { migrate: true, seedDemo: config.PLAIBOOK_DEMO });
  });

program
  .command("serve")
  .description("Run one role against the database; start N of each behind a load balancer")
  .requiredOption("--role <role>", "api, worker or all", parseRole)
  .option("--no-migrate", "do not apply migrations at start")
  .action(async (options: { role: TRoles; migrate: boolean }) => {
    await serve(options.role, { migrate: options.migrate, seedDemo: false });
  });

program
  .command("migrate")
  .description("Apply database migrations and exit")
  .action(async () => {
    await withDatabase(async (db) => migrateDatabase(db.ownerPool));
  });

program
  .command("seed")
  .description("Insert seed data and exit")
  .option("--demo", "the demo organisation and one user per role", false)
  .action(async (options: { demo: boolean }) => {
    if (!options.demo) fail(null, "Nothing to seed: pass --demo");
    await withDatabase(async (db, log) => {
      await migrateDatabase(db.ownerPool);
      log.info(await seedDemo(db.appPool), "demo data");
    });
  });

program
  .command("import-leads")
  .description("Import leads from a CSV file into a campaign (streams; prints a rejected-row summary)")
  .argument("<file>", "CSV with a phone column (and name, email, company, city, time zone)")
  .option("--campaign <id>", "campaign to add the leads to")
  .option("--org <id>", "organisation, when importing without a campaign")
  .action(async (file: string, options: { campaign?: string; org?: string }) => {
    const { importLeadsFromFile } = await import("./import-leads.js");
    await withDatabase(async (db) => {
      await migrateDatabase(db.ownerPool);
      const result = await importLeadsFromFile(db, file, options);
      process.stdout.write(
        `${result.status === "completed" ? "Imported" : "Import failed"}: ${result.imported} new, ${result.merged} merged, ${result.rejected} rejected of ${result.rowsRead} rows.${result.error ? ` ${result.error}` : ""}\n`,
      );
      if (result.rejected > 0)
        process.stdout.write(`Rejected rows: GET /api/v1/leads/imports/${result.id}/rejected.csv\n`);
      if (result.status !== "completed") throw new Error(result.error ?? "import failed");
    });
  });

program
  .command("bench")
  .description("Run a benchmark; it ends with one JSON line (see docs/PERFORMANCE.md)")
  .argument("<name>", "inbound, agent, launch, cockpit or calls")
  .option("--size <n>", "how many items (leads, messages)")
  .option("--seconds <n>", "how long to run, for timed benches")
  .option("--connections <n>", "concurrent HTTP connections, for the inbound bench")
  .option("--rate <n>", "messages offered per second, for the agent and cockpit benches")
  .option("--pool <n>", "app database connections, for the agent bench")
  .option(
    "--queues <names>",
    "queues the bench's worker serves, for the agent (default all) and cockpit (sms.inbound) benches",
  )
  .option("--reference-seconds <n>", "how long to measure the bench's reference")
  .option("--sockets <n>", "connected Socket.IO clients, for the cockpit bench")
  .option("--orgs <n>", "organisations the sockets and messages are spread over, for the cockpit bench")
  .option("--warmup <n>", "seconds of load before measuring, for the cockpit bench")
  .option("--workers <n>", "worker processes, for the cockpit bench")
  .option("--drain <n>", "seconds without a delivery before the rest counts as lost, for the cockpit bench")
  .option("--calls <n>", "recordings to upload, for the calls bench")
  .option("--minutes <n>", "length of each recording, for the calls bench")
  .option("--concurrency <n>", "uploads in flight, for the calls bench")
  .option("--reference-runs <n>", "bare ffmpeg conversions, for the calls bench's reference")
  .option("--transcode-concurrency <n>", "transcode jobs at once in the calls bench's worker")
  .action(async (name: string, options: Record<string, string>) => {
    const { BENCHES } = await import("./bench/index.js");
    const bench = BENCHES[name];
    if (!bench) fail(null, `Unknown benchmark "${name}". Choose one of: ${Object.keys(BENCHES).join(", ")}`);
    const ok = await bench.run(options).catch((error: unknown) => fail(null, error));
    process.exit(ok ? 0 : 1);
  });

program
  .command("classify-sms")
  .description("Classify inbound SMS from a JSONL file (no database); see /shared/eval/README.md")
  .requiredOption("--input <file>", "JSONL, one SMS turn a line")
  .requiredOption("--output <file>", "JSONL to write, one classification a line")
  .option("--engine <engine>", "offline or llm", "offline")
  .action(async (options: { input: string; output: string; engine: string }) => {
    const { createClassifier, parseEngine, runClassifySms } = await import("./classify-sms.js");
    try {
      const { count } = await runClassifySms(options, createClassifier(parseEngine(options.engine)));
      process.stderr.write(`Classified ${count} messages into ${options.output}\n`);
    } catch (error) {
      fail(null, error);
    }
  });

program
  .command("analyze-call")
  .description(
    "Analyse diarised call transcripts from a JSONL file (no database); see /shared/eval/README.md",
  )
  .requiredOption("--input <file>", "JSONL, one call a line")
  .requiredOption("--output <file>", "JSONL to write: objections, outcome and stages a line")
  .option("--engine <engine>", "offline or llm", "offline")
  .action(async (options: { input: string; output: string; engine: string }) => {
    const { parseEngine } = await import("./classify-sms.js");
    const { createCallAnalyzerForCli, runAnalyzeCall } = await import("./analyze-call.js");
    try {
      const analyzer = await createCallAnalyzerForCli(parseEngine(options.engine));
      const { count } = await runAnalyzeCall(options, analyzer);
      process.stderr.write(`Analysed ${count} calls into ${options.output}\n`);
    } catch (error) {
      fail(null, error);
    }
  });

program
  .command("eval")
  .description("Measure the AI engines on the labelled dev data and print a table")
  .option("--dir <dir>", "folder with sms-turns.jsonl, sms-sentiment.tsv, calls.jsonl")
  .option("--engine <engine>", "offline or llm", "offline")
  .action(async (options: { dir?: string; engine: string }) => {
    const { parseEngine } = await import("./classify-sms.js");
    const { runEval } = await import("./eval/index.js");
    await runEval({ dir: options.dir, engine: parseEngine(options.engine) }).catch((error: unknown) =>
      fail(null, error),
    );
  });

async function withDatabase(
  work: (db: ReturnType<typeof createDatabase>, log: Logger) => Promise<void>,
): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config);
  const { url, embedded } = await openDatabase(config, log).catch((error: unknown) => fail(log, error));
  const db = createDatabase(url);
  try {
    await work(db, log);
  } catch (error) {
    await db.close();
    await embedded?.stop();
    fail(log, error);
  }
  await db.close();
  await embedded?.stop();
  process.exit(0);
}

await program.parseAsync(process.argv);
