/** A wait that passed its deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * Waits for `work` at most `ms` milliseconds, then rejects with a DeadlineError naming `what`. The
 * work itself is not cancelled; a late failure of it is swallowed, since nobody waits for it any more.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} took longer than ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
