import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../../core/index.ts';

export const SESSION_SECRET_ENV = 'PORTAL_AUDIT_SESSION_SECRET';

/** `<dir>/<db basename>-session-secret`, beside the DB file (never in the repository). */
export function sessionSecretFileFor(dbFile: string): string {
  const abs = resolve(dbFile);
  const base = basename(abs, extname(abs)) || basename(abs);
  return join(dirname(abs), `${base}-session-secret`);
}

/**
 * The key that signs session cookies: `$PORTAL_AUDIT_SESSION_SECRET` when set, else a random one
 * generated on first start and kept (mode 0600) beside the DB, so restarts keep people logged in.
 */
export function loadSessionSecret(dbFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[SESSION_SECRET_ENV]?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32)
      throw new UserError(`${SESSION_SECRET_ENV} must be at least 32 characters long.`);
    return fromEnv;
  }
  const file = sessionSecretFileFor(dbFile);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
    throw new UserError(
      `The session secret in ${file} is shorter than 32 characters: delete the file to get a new one.`,
    );
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': never overwrite a secret another process wrote in between.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
