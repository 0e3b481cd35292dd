import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type pg from "pg";
import { callCounts } from "./calls-check.js";
import type { TCallInput } from "./calls-input.js";
import { cpuPercent, cpuSnapshot } from "./cockpit-processes.js";
import { status } from "./inbound-setup.js";

/**
 * Uploads `n` distinct calls (same bytes, own externalId), `concurrency` at a time, then waits for the
 * pipeline to settle every accepted call (analysed, failed or waiting), with a bar on a terminal.
 * Gives up when nothing moves for two minutes. Also how the cores were shared meanwhile (`cpu`).
 */
export async function uploadAll(options: {
  port: number;
  token: string;
  input: TCallInput;
  n: number;
  concurrency: number;
  owner: pg.Pool;
  orgId: string;
}) {
  const { port, token, input, n, concurrency, owner, orgId } = options;
  const bytes = new Uint8Array(readFileSync(input.recordingPath));
  const run = randomBytes(4).toString("hex");
  const accepted: string[] = [];
  const uploadMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format:
          "Calls |{bar}| {value}/{total} analysed · {uploaded} uploaded · {failed} failed · {perMin}/min",
      })
    : null;
  bar?.start(n, 0, { uploaded: 0, failed: 0, perMin: "0" });

  const cpuBefore = cpuSnapshot();
  const childrenBefore = childrenCpuTicks();
  const startedAt = Date.now();
  const uploader = async () => {
    for (let i = next++; i < n; i = next++) {
      const externalId = `bench-${run}-${String(i).padStart(5, "0")}`;
      const form = new FormData();
      form.append("externalId", externalId);
      form.append("direction", i % 2 === 0 ? "outbound" : "inbound");
      form.append("startedAt", new Date(startedAt - (n - i) * 60_000).toISOString());
      form.append("repName", "Bench Rep");
      form.append("transcript", input.transcriptJson);
      form.append("file", new Blob([bytes], { type: "audio/mpeg" }), `${externalId}.mp3`);
      const sent = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/calls`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
        await res.arrayBuffer();
        uploadMs.push(performance.now() - sent);
        if (res.status === 201) accepted.push(externalId);
        else {
          errors += 1;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
      } catch {
        errors += 1;
        statuses.network = (statuses.network ?? 0) + 1;
      }
    }
  };
  const uploading = Promise.all(Array.from({ length: concurrency }, uploader));
  let uploadsDone = false;
  void uploading.finally(() => {
    uploadsDone = true;
  });

  let counts = await callCounts(owner, orgId);
  let lastDone = -1;
  let lastMove = Date.now();
  while (!uploadsDone || counts.done < accepted.length) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    counts = await callCounts(owner, orgId);
    if (counts.done !== lastDone || !uploadsDone) {
      lastDone = counts.done;
      lastMove = Date.now();
    } else if (Date.now() - lastMove > 120_000) {
      status(`\nnothing moved for 2 minutes: ${accepted.length - counts.done} calls unsettled`);
      break;
    }
    const minutesSoFar = (Date.now() - startedAt) / 60_000;
    bar?.update(counts.analyzed, {
      uploaded: accepted.length,
      failed: counts.failed + counts.waiting,
      perMin: (counts.analyzed / minutesSoFar).toFixed(1),
    });
  }
  await uploading;
  bar?.update(counts.analyzed);
  bar?.stop();
  // This process alone (api, worker and the uploads), embedded Postgres, ended children, the machine.
  const { bench_driver: app, ...others } = cpuPercent(cpuBefore, cpuSnapshot(), {
    bench_driver: process.pid,
  });
  const seconds = (Date.now() - startedAt) / 1000;
  const cpu: Record<string, number> = { app: app ?? 0, ...others };
  cpu.ffmpeg = Math.round(((childrenCpuTicks() - childrenBefore) / TICKS_PER_SECOND / seconds) * 100);
  return { startedAt, accepted, uploadMs, errors, statuses, cpu, seconds };
}

const TICKS_PER_SECOND = 100;

/**
 * CPU ticks of this process's children that have ended (cutime + cstime): the ffmpeg runs. Embedded
 * Postgres is a child too but still running, so it is not in them (cpuPercent counts it apart).
 */
function childrenCpuTicks(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[13]) + Number(fields[14]);
}
