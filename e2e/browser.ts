import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** Debian's Chromium (or CHROMIUM_PATH); null when none is installed. */
export function findChromium(): string | null {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Browser tests need Chromium. Without it they are skipped with a loud warning, except under CI,
 * where a missing browser is a failure (a green run must have run them).
 */
export function chromiumOrSkip(): string | null {
  const path = findChromium();
  if (path) return path;
  const message =
    "No Chromium found (install Debian's `chromium` or set CHROMIUM_PATH): browser tests cannot run.";
  if (process.env.CI === "true") throw new Error(`${message} CI requires them.`);
  process.stderr.write(`\n\n!!!!!!!!!!\n!!! ${message} SKIPPING browser tests.\n!!!!!!!!!!\n\n`);
  return null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
