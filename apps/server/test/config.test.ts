import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, requireSecrets } from "../src/platform/config.js";
import { runCli } from "./cli.js";

describe("configuration", () => {
  it("has working defaults with no environment at all", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      PLAIBOOK_DATA_DIR: ".data",
      PLAIBOOK_DEMO: true,
      embedded: true,
    });
  });

  it("names every bad variable on its own line", () => {
    try {
      loadConfig({ PORT: "abc", LOGIN_MAX_FAILURES: "-1", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.find((p) => p.startsWith("Invalid configuration: PORT:"))).toContain('"abc"');
      expect(problems.some((p) => p.startsWith("Invalid configuration: LOGIN_MAX_FAILURES:"))).toBe(true);
      // A URL may hold a password: it is never echoed.
      expect(problems.find((p) => p.includes("DATABASE_URL"))).not.toContain("mysql://x");
    }
  });

  it("requires secrets outside embedded mode", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u:p@localhost/db" });
    expect(() => requireSecrets(config)).toThrow(/JWT_SECRET: required when DATABASE_URL is set/);
    expect(() => requireSecrets(config)).toThrow(/SECRETS_KEY/);
  });

  it("`PORT=abc plaibook start` exits non-zero with one line naming PORT", async () => {
    const run = runCli(["start"], { PORT: "abc" });
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    const lines = run.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT: /);
  });

  it("`plaibook serve` with DATABASE_URL and no JWT_SECRET stops with a clear message", async () => {
    const run = runCli(["serve", "--role", "api"], { DATABASE_URL: "postgres://u:p@127.0.0.1:1/db" });
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toContain("JWT_SECRET: required when DATABASE_URL is set");
  });
});
