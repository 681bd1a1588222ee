/**
 * Where a whole command's time goes: with PORTAL_AUDIT_TRACE=1 set, `trace('step')` writes
 * `[trace] 1234 ms step` to stderr, the milliseconds counted from the process start (Node's
 * performance time origin), so node start-up and imports show up too. Off, it costs one check.
 */
const ON = typeof process !== 'undefined' && process.env.PORTAL_AUDIT_TRACE === '1';

export function trace(step: string): void {
  if (ON) process.stderr.write(`[trace] ${performance.now().toFixed(0).padStart(6)} ms ${step}\n`);
}

/** Traces the start and the end of `work`. */
export async function traced<T>(step: string, work: () => Promise<T>): Promise<T> {
  if (!ON) return work();
  trace(`${step} …`);
  try {
    return await work();
  } finally {
    trace(`${step} done`);
  }
}
