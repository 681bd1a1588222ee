import { processTree } from '../../crawlers/browser/process-tree.ts';

export { procAvailable, type TreeMemory, treeMemory } from '../../crawlers/browser/process-tree.ts';

/**
 * CPU time of a process and its descendants (see crawlers/browser/process-tree.ts). On a loaded
 * machine wall-clock numbers move with everything else that runs; CPU per page does not.
 */

/**
 * CPU ms used so far by `root` and its descendants: live ones, plus (through cutime/cstime) those that
 * ended and were reaped, such as a retired Chromium.
 */
export function treeCpuMs(root = process.pid): number {
  return processTree(root).reduce((sum, e) => sum + e.cpuMs, 0);
}

/**
 * CPU ms of a process tree that counts processes which have ended: each process's own time is
 * remembered at every reading (and every 200 ms in between) and kept after it exits. Reaped
 * children's time (cutime) is not used: a retired Chromium's renderers are reaped by a process that
 * is itself gone before it is read, which made a plain sum over the live tree go down.
 */
export class TreeCpuMeter {
  readonly #seen = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly root: number) {
    this.read();
    this.#timer = setInterval(() => this.read(), 200);
    this.#timer.unref();
  }

  read(): number {
    for (const e of processTree(this.root)) this.#seen.set(`${e.pid}:${e.startTime}`, e.ownCpuMs);
    let sum = 0;
    for (const ms of this.#seen.values()) sum += ms;
    return sum;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
