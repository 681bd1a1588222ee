import { statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../src/core/index.ts';

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

/**
 * The absolute path of the store file `dbFile` names, or a UserError naming it: a path ending in a
 * slash or naming a directory is refused (SQLite would say only "unable to open database file", or
 * create a file named after the directory), and so is a missing file when `mustExist`.
 */
export function storeFilePath(dbFile: string, mustExist: boolean): string {
  if (!dbFile.trim()) throw new UserError('No evidence store file given (--db is empty).');
  const suggestion = (dir: string) => `give a file, e.g. ${join(dir, 'portal-audit.db')}`;
  if (/[\\/]$/.test(dbFile))
    throw new UserError(
      `The evidence store ${dbFile} ends with a slash, so it names a directory: ${suggestion(dbFile)}.`,
    );
  const file = resolve(dbFile);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new UserError(`Cannot open the evidence store ${file}: ${(error as Error).message}`);
  }
  if (stat?.isDirectory())
    throw new UserError(`The evidence store ${file} is a directory, not a file: ${suggestion(file)}.`);
  if (!stat && mustExist) {
    throw new UserError(
      `No evidence store at ${file} (check --db or PORTAL_AUDIT_DB; \`audit\` and \`campaign create\` create one).`,
    );
  }
  return file;
}
