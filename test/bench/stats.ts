export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One measured repetition of a loop. */
export interface Rep {
  pages: number;
  wallMs: number;
  /** CPU of the bench process and its browsers (the site server excluded). */
  cpuMs: number;
}

export interface LoopFigures {
  pagesPerMin: number;
  cpuMsPerPage: number;
  reps: { pagesPerMin: number; cpuMsPerPage: number }[];
}

export function figuresOf(reps: readonly Rep[]): LoopFigures {
  const each = reps.map((r) => ({
    pagesPerMin: (r.pages / r.wallMs) * 60_000,
    cpuMsPerPage: r.cpuMs / r.pages,
  }));
  return {
    pagesPerMin: median(each.map((e) => e.pagesPerMin)),
    cpuMsPerPage: median(each.map((e) => e.cpuMsPerPage)),
    reps: each,
  };
}

export const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
