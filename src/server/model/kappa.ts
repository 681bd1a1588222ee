/** Agreement between two raters over the same items. */
export interface Agreement {
  /** Items both rated. */
  n: number;
  /** Items rated the same. */
  agreed: number;
  /** agreed ÷ n, or null when n = 0. */
  percent: number | null;
  /**
   * Cohen's kappa: (po − pe) ÷ (1 − pe), with pe from each rater's own category shares. Null when it is
   * undefined: no items, or both raters used one and the same category throughout (pe = 1).
   */
  kappa: number | null;
}

/** Cohen's kappa and percent agreement of paired ratings [rater A, rater B]. */
export function agreement(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { n, agreed: 0, percent: null, kappa: null };
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  const po = agreed / n;
  let pe = 0;
  for (const [category, countA] of countsA) pe += (countA / n) * ((countsB.get(category) ?? 0) / n);
  const kappa = Math.abs(1 - pe) < 1e-12 ? null : (po - pe) / (1 - pe);
  return { n, agreed, percent: po, kappa };
}
