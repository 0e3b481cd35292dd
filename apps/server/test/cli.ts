import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../bin/plaibook.js", import.meta.url));

export type TCliRun = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; ms: number }>;
};

/** Runs the real `plaibook` command with exactly the given environment (plus PATH). */
export function runCli(args: string[], env: Record<string, string>): TCliRun {
  let output = "";
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const started = Date.now();
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
    child.on("exit", (code) => resolve({ code, ms: Date.now() - started }));
  });
  return { child, output: () => output, exited };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
