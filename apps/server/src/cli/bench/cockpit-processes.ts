import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import type { TCleanups } from "./inbound-setup.js";

/**
 * The separate server processes of `plaibook bench cockpit`: `plaibook serve --role api|worker`, each
 * its own Node process, as they would run behind a load balancer. Every child is killed on the way
 * out — by the cleanup steps, and as a last resort (SIGKILL) when this process exits some other way.
 */

const BIN = fileURLToPath(new URL("../../../bin/plaibook.js", import.meta.url));
const SERVER_DIR = fileURLToPath(new URL("../../../", import.meta.url));

export type TServerProcess = {
  name: string;
  role: "api" | "worker";
  child: ChildProcess;
  pid: number;
  /** The api role's HTTP port on 127.0.0.1 (0 for a worker). */
  port: number;
  /** The last lines it wrote (its logs at LOG_LEVEL=warn), for a failure message. */
  tail: () => string;
  exited: () => boolean;
};

const alive = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts `plaibook serve --role <role>` with `env` added to this process's environment. */
export function spawnServer(
  cleanups: TCleanups,
  options: { name: string; role: "api" | "worker"; port: number; env: Record<string, string> },
): TServerProcess {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A crash or process.exit() skips the cleanup steps: never leave a server behind.
    process.on("exit", () => {
      for (const child of alive) child.kill("SIGKILL");
    });
  }
  const child = spawn(process.execPath, [BIN, "serve", "--role", options.role, "--no-migrate"], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  alive.add(child);
  let exited = false;
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", () => {
    exited = true;
    alive.delete(child);
  });
  cleanups.push(() => stopChild(child));
  return {
    name: options.name,
    role: options.role,
    child,
    pid: child.pid ?? 0,
    port: options.port,
    tail: () => lines.slice(-15).join("\n"),
    exited: () => exited,
  };
}

/** SIGTERM (the server drains and stops), then SIGKILL if it is still there after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

/** Waits until the api process answers GET /healthz; fails early if it exits. */
export async function waitHealthy(server: TServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`${server.name} exited during start-up:\n${server.tail()}`);
    if ((await getStatus(server.port, "/healthz")) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.name} did not become healthy within ${timeoutMs / 1000}s:\n${server.tail()}`);
}

function getStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => {
      req.destroy();
      resolve(0);
    });
    req.end();
  });
}

/** Peak resident memory (VmHWM) of a process in MB, or 0 when it cannot be read. */
export function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) used so far by each process of this machine, with its parent, from
 * /proc — to tell how the cores were shared during the measured window.
 */
export type TCpuSnapshot = {
  at: number;
  procs: Map<number, { ppid: number; ticks: number; comm: string }>;
  busy: number;
  total: number;
};

const TICKS_PER_SECOND = 100;

export function cpuSnapshot(): TCpuSnapshot {
  const procs = new Map<number, { ppid: number; ticks: number; comm: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      procs.set(Number(entry), {
        comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended while we listed it.
    }
  }
  const cpu = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0);
  return { at: performance.now(), procs, busy: total - idle, total };
}

/**
 * Share of one core each group used between two snapshots (100 = one core busy all the time). A group
 * is a root pid with every descendant (`bench_driver`: this process alone); `postgres` is the embedded
 * Postgres server and its backends (children of this process; 0 with DATABASE_URL), `machine` the
 * whole machine's busy cores (other users' work included).
 */
export function cpuPercent(
  before: TCpuSnapshot,
  after: TCpuSnapshot,
  groups: Record<string, number>,
): Record<string, number> {
  const seconds = (after.at - before.at) / 1000;
  const childrenOf = new Map<number, number[]>();
  for (const [pid, p] of after.procs) childrenOf.set(p.ppid, [...(childrenOf.get(p.ppid) ?? []), pid]);
  const subtree = (root: number): number[] => {
    const out = [root];
    for (let i = 0; i < out.length; i += 1) out.push(...(childrenOf.get(out[i] as number) ?? []));
    return out;
  };
  const used = (pids: number[]) =>
    pids.reduce((sum, pid) => {
      const a = after.procs.get(pid)?.ticks ?? 0;
      const b = before.procs.get(pid)?.ticks ?? 0;
      return sum + Math.max(0, a - b);
    }, 0);
  const result: Record<string, number> = {};
  const counted = new Set<number>();
  for (const [name, pid] of Object.entries(groups)) {
    const pids = name === "bench_driver" ? [pid] : subtree(pid);
    for (const p of pids) counted.add(p);
    result[name] = Math.round((used(pids) / TICKS_PER_SECOND / seconds) * 100);
  }
  const self = subtree(process.pid).filter((p) => !counted.has(p) && after.procs.get(p)?.comm === "postgres");
  result.postgres = Math.round((used(self) / TICKS_PER_SECOND / seconds) * 100);
  const cores = after.total - before.total;
  const busyShare = cores > 0 ? (after.busy - before.busy) / cores : 0;
  // /proc/stat counts every core: busy share × cores = cores busy.
  result.machine = Math.round(busyShare * countCores() * 100);
  return result;
}

function countCores(): number {
  return readFileSync("/proc/stat", "utf8")
    .split("\n")
    .filter((line) => /^cpu\d+ /.test(line)).length;
}
