import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/index.ts';
import { UserError } from '../../src/core/index.ts';
import { runCli } from '../helpers/run-cli.ts';

/** What `--db` may name, and what every refusal says: always the file. */
describe('evidence store paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pa-store-path-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function refusal(open: () => unknown): string {
    try {
      open();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as Error).message;
    }
    throw new Error('expected openStore to refuse');
  }

  it('refuses a directory, a trailing slash and a missing store it must not create, naming the path', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(refusal(() => openStore(folder))).toBe(
      `The evidence store ${folder} is a directory, not a file: give a file, e.g. ${join(folder, 'portal-audit.db')}.`,
    );
    expect(refusal(() => openStore(`${join(dir, 'newdir')}/`))).toContain(
      `${join(dir, 'newdir')}/ ends with a slash`,
    );
    expect(existsSync(join(dir, 'newdir'))).toBe(false);
    expect(refusal(() => openStore(join(dir, 'typo.db'), { mustExist: true }))).toMatch(
      new RegExp(`^No evidence store at ${join(dir, 'typo.db')} \\(check --db`),
    );
    expect(refusal(() => openStore(join(dir, 'typo.db'), { readonly: true }))).toContain(
      join(dir, 'typo.db'),
    );
    expect(readdirSync(dir)).toEqual(['folder']);
  });

  it('names the file when SQLite cannot open it', () => {
    const notSqlite = join(dir, 'notes.db');
    writeFileSync(notSqlite, 'these are notes, not a database '.repeat(100));
    expect(refusal(() => openStore(notSqlite))).toBe(
      `Cannot open the evidence store ${notSqlite}: file is not a database`,
    );
    const underFile = join(notSqlite, 'store.db');
    expect(refusal(() => openStore(underFile))).toMatch(
      new RegExp(`^Cannot open the evidence store ${underFile}: `),
    );
  });

  it('read-only commands refuse a store that does not exist instead of creating it', async () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    mkdirSync(join(cwd, 'data'));
    const cli = (args: string[]) => runCli(args, {}, 120_000);
    const at = (name: string) => join(cwd, name);
    const targets = join(dir, 'targets.csv');
    writeFileSync(targets, 'url\nhttps://www.paris.fr/\n');
    const runs = await Promise.all([
      cli(['campaign', 'list', '--db', at('typo.db')]),
      cli(['campaign', 'status', 'survey', '--db', at('typo.db')]),
      cli(['campaign', 'export', 'survey', '--format', 'json', '--db', at('typo.db')]),
      cli(['user', 'list', '--db', at('typo.db')]),
      cli(['serve', '--port', '0', '--no-highlight', '--db', at('typo.db')]),
      cli(['campaign', 'list', '--db', at('data')]),
      cli(['campaign', 'create', 'survey', '--targets', targets, '--db', `${at('fresh')}/`]),
    ]);
    for (const run of runs.slice(0, 5)) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^portal-audit: No evidence store at ${at('typo.db')} `));
    }
    expect(runs[5]?.stderr).toBe(
      `portal-audit: The evidence store ${at('data')} is a directory, not a file: give a file, e.g. ${join(at('data'), 'portal-audit.db')}.\n`,
    );
    expect(runs[6]?.stderr).toBe(
      `portal-audit: The evidence store ${at('fresh')}/ ends with a slash, so it names a directory: give a file, e.g. ${join(at('fresh'), 'portal-audit.db')}.\n`,
    );
    expect(readdirSync(cwd)).toEqual(['data']);
    expect(readdirSync(at('data'))).toEqual([]);
  }, 180_000);
});
