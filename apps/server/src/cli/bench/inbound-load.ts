import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { INBOUND_PATH, webhookParams } from "./inbound-webhook.js";

/**
 * The load of `plaibook bench inbound`: keep-alive HTTP connections posting signed Twilio inbound
 * webhooks, in a worker thread (its own event loop, so it does not steal the server's).
 *
 * The worker runs this very module: `runLoad` starts it with tsx's loader registered (the CLI runs
 * the TypeScript sources directly) and the module's last lines start `loadWorker` there.
 */

export type TLoadInput = {
  kind: "inbound-load";
  host: string;
  port: number;
  to: string;
  authToken: string;
  connections: number;
  warmupMs: number;
  measureMs: number;
  replayRate: number;
  tsx: string;
};

type TLoadProgress = { type: "progress"; phase: "warmup" | "measure"; elapsedMs: number; done: number };
export type TLoadResult = {
  type: "result";
  /** Every MessageSid acknowledged with 200 (first sends only). */
  sids: string[];
  /** Ack latencies (ms) of requests started in the measured window. */
  latencies: number[];
  measuredMs: number;
  requests: number;
  replays: number;
  errors: number;
  statuses: Record<string, number>;
};

/**
 * Runs the HTTP load in a worker thread, with a progress bar on a TTY; meanwhile samples this process's
 * peak RSS (the server's, as it shares the process).
 */
export async function runLoad(
  options: Omit<TLoadInput, "kind" | "tsx">,
  seconds: number,
): Promise<TLoadResult & { peakRss: number }> {
  const input: TLoadInput = { kind: "inbound-load", ...options, tsx: import.meta.resolve("tsx/esm/api") };
  const bar = process.stderr.isTTY ? await progressBar(seconds) : null;
  const code = `import(${JSON.stringify(input.tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true, workerData: input });
  let peakRss = 0;
  const sampleRss = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const rss = setInterval(sampleRss, 200);
  try {
    const result = await new Promise<TLoadResult>((resolve, reject) => {
      worker.on("message", (message: TLoadProgress | TLoadResult) => {
        if (message.type === "progress") {
          const rate = message.elapsedMs > 0 ? Math.round(message.done / (message.elapsedMs / 1000)) : 0;
          bar?.update(message.phase === "measure" ? Math.min(seconds, message.elapsedMs / 1000) : 0, {
            phase: message.phase === "warmup" ? "warm-up" : "measure",
            rate,
          });
        } else resolve(message);
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the load worker exited (${code}) before reporting`)));
    });
    return { ...result, peakRss };
  } finally {
    clearInterval(rss);
    bar?.stop();
    await worker.terminate();
  }
}

async function progressBar(seconds: number) {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "inbound {phase} [{bar}] {value}/{total} s | {rate} msg/s",
      formatValue: (v, _o, type) => (type === "value" ? String(Math.round(v)) : String(v)),
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(seconds, 0, { phase: "warm-up", rate: 0 });
  return bar;
}

/** The worker thread: keep-alive connections posting signed webhooks as fast as they are acknowledged. */
async function loadWorker(input: TLoadInput): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { default: twilio } = await import("twilio");
  const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
  const url = `http://${input.host}:${input.port}${INBOUND_PATH}`;
  const bodies = [
    "Yes, I'm interested. What does it cost?",
    "Can you call me tomorrow after 3?",
    "Not right now, thanks",
    "How did you get my number?",
  ];
  const recent: { body: string; signature: string }[] = [];
  const sids: string[] = [];
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let requests = 0;
  let replays = 0;
  let errors = 0;
  let phase: "warmup" | "measure" | "done" = "warmup";
  let phaseStarted = performance.now();
  let measuredDone = 0;

  const post = (body: string, signature: string) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          agent,
          host: input.host,
          port: input.port,
          method: "POST",
          path: INBOUND_PATH,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            "x-twilio-signature": signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", () => resolve(0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });

  const connection = async () => {
    while (phase !== "done") {
      let body: string;
      let signature: string;
      let sid: string | null = null;
      const replay = recent.length > 0 && Math.random() < input.replayRate;
      if (replay) {
        const previous = recent[Math.floor(Math.random() * recent.length)] as {
          body: string;
          signature: string;
        };
        ({ body, signature } = previous);
      } else {
        sid = `SM${randomBytes(16).toString("hex")}`;
        const from = `+1202${String(5_000_000 + Math.floor(Math.random() * 5000)).padStart(7, "0")}`;
        const params = webhookParams(sid, from, input.to, bodies[requests % bodies.length] as string);
        body = new URLSearchParams(params).toString();
        signature = twilio.getExpectedTwilioSignature(input.authToken, url, params);
      }
      const measured = phase === "measure";
      const started = performance.now();
      const code = await post(body, signature);
      const elapsed = performance.now() - started;
      requests += 1;
      if (replay) replays += 1;
      statuses[code] = (statuses[code] ?? 0) + 1;
      if (code !== 200) errors += 1;
      else if (sid) {
        sids.push(sid);
        if (recent.length < 2000) recent.push({ body, signature });
        else recent[Math.floor(Math.random() * recent.length)] = { body, signature };
      }
      if (measured && phase === "measure") {
        latencies.push(elapsed);
        measuredDone += 1;
      }
    }
  };

  const progress = setInterval(() => {
    port.postMessage({
      type: "progress",
      phase: phase === "done" ? "measure" : phase,
      elapsedMs: performance.now() - phaseStarted,
      done: phase === "warmup" ? requests : measuredDone,
    } satisfies TLoadProgress);
  }, 250);
  const loops = Array.from({ length: input.connections }, connection);
  await new Promise((resolve) => setTimeout(resolve, input.warmupMs));
  phase = "measure";
  phaseStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, input.measureMs));
  const measuredMs = performance.now() - phaseStarted;
  phase = "done";
  await Promise.all(loops);
  clearInterval(progress);
  agent.destroy();
  port.postMessage({
    type: "result",
    sids,
    latencies,
    measuredMs,
    requests,
    replays,
    errors,
    statuses,
  } satisfies TLoadResult);
}

if (!isMainThread && (workerData as TLoadInput | undefined)?.kind === "inbound-load") {
  void loadWorker(workerData as TLoadInput);
}
