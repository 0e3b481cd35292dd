import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export type TDataDirSecrets = { jwtSecret: string; secretsKey: string };

/** Secrets generated once for embedded mode and kept beside the data (mode 600). */
export function loadOrCreateSecrets(dataDir: string): TDataDirSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<TDataDirSecrets>;
    if (typeof parsed.jwtSecret === "string" && typeof parsed.secretsKey === "string") {
      return { jwtSecret: parsed.jwtSecret, secretsKey: parsed.secretsKey };
    }
    throw new Error(`${file} is unreadable or incomplete: move it aside to generate new secrets`);
  }
  const secrets = {
    jwtSecret: randomBytes(48).toString("base64url"),
    secretsKey: randomBytes(32).toString("hex"),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * Where the embedded cluster lives. As root, Postgres runs as the `postgres` user, which must be able
 * to traverse every parent directory; a checkout under a mode-700 home cannot host it, so the cluster
 * moves to a stable directory under the system temp dir instead.
 */
export function resolveClusterDir(dataDir: string): { dir: string; relocated: boolean } {
  const wanted = join(resolve(dataDir), "pg");
  if (process.getuid?.() !== 0 || parentsTraversable(dirname(wanted)))
    return { dir: wanted, relocated: false };
  const hash = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 12);
  return { dir: join(tmpdir(), `plaibook-${hash}`, "pg"), relocated: true };
}

function parentsTraversable(dir: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}
