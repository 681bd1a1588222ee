import { basename, dirname, extname, join, resolve } from 'node:path';

/** `PORTAL_AUDIT_DB`, else `./portal-audit.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PORTAL_AUDIT_DB?.trim();
  return fromEnv ? fromEnv : './portal-audit.db';
}

/** `<dir>/<db basename without extension>-artifacts/`, beside the DB file. */
export function artifactDirFor(dbFile: string): string {
  const abs = resolve(dbFile);
  const base = basename(abs, extname(abs)) || basename(abs);
  return join(dirname(abs), `${base}-artifacts`);
}
