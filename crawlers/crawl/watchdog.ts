/**
 * Ends a crawl that stops making progress: `stalled` resolves once `touch()` has not been called for
 * `windowMs`, and `signal` aborts then, so pages in flight stop too. Every wait of a crawl has its own
 * deadline; this is the net under all of them.
 */
export class Watchdog {
  readonly stalled: Promise<void>;
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  #last = performance.now();
  #fired = false;

  constructor(readonly windowMs: number) {
    let fire!: () => void;
    this.stalled = new Promise<void>((resolve) => {
      fire = resolve;
    });
    const every = Math.max(50, Math.min(1000, Math.floor(windowMs / 4)));
    this.#timer = setInterval(() => {
      if (performance.now() - this.#last < windowMs) return;
      this.#fired = true;
      this.stop();
      this.#controller.abort(new Error(`No progress for ${Math.round(windowMs / 1000)} s`));
      fire();
    }, every);
    this.#timer.unref();
  }

  /** Aborted when the watchdog fires. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get fired(): boolean {
    return this.#fired;
  }

  /** Progress was made. */
  touch(): void {
    this.#last = performance.now();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
