import { spawn } from 'node:child_process';

export interface TimedRun {
  wallMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command as a whole process and times it from spawn to exit (the start of node, its imports,
 * the browser and everything the command waits on at the end included). Never rejects: a failed start
 * or a timeout is a `code` other than 0.
 */
export function timeProcess(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<TimedRun> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const t0 = performance.now();
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const done = (code: number | null, extra = '') =>
      resolve({
        wallMs: performance.now() - t0,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + extra,
      });
    child.once('error', (error) => done(null, `\n${error.message}`));
    child.once('close', (code) => done(code));
  });
}
