import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_NODE_ARGS } from '../helpers/cli-entry.ts';
import { Client } from './http-client.ts';

function cli(
  args: string[],
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** `portal-audit user add` and `portal-audit serve` as an administrator runs them. */
describe('review app commands', () => {
  let dir: string;
  let db: string;
  let serve: ChildProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pa-review-cli-'));
    db = join(dir, 'survey.db');
  });

  afterAll(() => {
    if (serve && serve.exitCode === null) serve.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds users with a password from stdin, refusing short passwords and duplicates', async () => {
    const added = await cli(
      ['user', 'add', 'root-admin', '--role', 'admin', '--password-stdin', '--db', db],
      'a long enough secret\n',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'Added admin "root-admin".\n' });
    const short = await cli(
      ['user', 'add', 'shorty', '--role', 'viewer', '--password-stdin', '--db', db],
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const again = await cli(
      ['user', 'add', 'root-admin', '--role', 'viewer', '--password-stdin', '--db', db],
      'another long secret\n',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const badRole = await cli(
      ['user', 'add', 'x', '--role', 'superuser', '--password-stdin', '--db', db],
      'a long enough secret\n',
    );
    expect(badRole.code).not.toBe(0);
    const noTerminal = await cli(['user', 'add', 'y', '--role', 'viewer', '--db', db]);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toMatch(/--password-stdin/);
    const list = await cli(['user', 'list', '--db', db]);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t').slice(0, 2)),
    ).toEqual([['root-admin', 'admin']]);
  }, 300_000);

  it('serves the app; the admin logs in with that password; the session secret stays beside the DB', async () => {
    serve = spawn(
      process.execPath,
      [...CLI_NODE_ARGS, 'serve', '--port', '0', '--db', db, '--no-highlight'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PORTAL_AUDIT_SESSION_SECRET: '' },
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      serve!.stdout!.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      serve!.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const secretFile = join(dir, 'survey-session-secret');
    expect(existsSync(secretFile)).toBe(true);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);

    const client = new Client(url);
    expect((await client.login('root-admin', 'wrong password here')).status).toBe(401);
    const ok = await client.login('root-admin', 'a long enough secret');
    expect(ok.status).toBe(303);
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('root-admin (admin)');

    const exited = new Promise<number | null>((resolve) => serve!.once('exit', (code) => resolve(code)));
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
