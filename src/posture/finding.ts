import type { PostureFinding, PostureLevel } from './posture-schema.ts';

export function finding(
  check: string,
  title: string,
  level: PostureLevel,
  detail: string,
  threshold: string,
  evidence: PostureFinding['evidence'] = [],
): PostureFinding {
  return { check, title, level, detail, threshold, evidence: evidence.slice(0, 10) };
}

const RANK: Record<PostureLevel, number> = { fail: 3, attention: 2, unknown: 1, pass: 0 };

/** The worst level among findings (`unknown` when there are none). */
export function worstLevel(findings: readonly PostureFinding[]): PostureLevel {
  if (findings.length === 0) return 'unknown';
  return findings.reduce<PostureLevel>((worst, f) => (RANK[f.level] > RANK[worst] ? f.level : worst), 'pass');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
