/**
 * Runs tasks with at most `concurrency` at a time. `next` is asked for a task whenever a slot is
 * free (also after each task ends, since finished tasks add work); null means "nothing now". Ends
 * when nothing runs and `next` has nothing. The first task error stops scheduling and is rethrown
 * once the running tasks have ended.
 */
export function runPool(concurrency: number, next: () => (() => Promise<void>) | null): Promise<void> {
  return new Promise((resolve, reject) => {
    let active = 0;
    let failure: { error: unknown } | null = null;
    let settled = false;
    const pump = () => {
      while (!failure && active < concurrency) {
        let task: (() => Promise<void>) | null;
        try {
          task = next();
        } catch (error) {
          failure = { error };
          break;
        }
        if (!task) break;
        active++;
        Promise.resolve()
          .then(task)
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => {
            active--;
            pump();
          });
      }
      if (active === 0 && !settled) {
        settled = true;
        if (failure) reject(failure.error);
        else resolve();
      }
    };
    pump();
  });
}
