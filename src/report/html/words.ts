import type { Method, StopReason } from '../../core/index.ts';

/** The report's words for the values report.json carries as codes. */

export const OUTCOME_LABEL: Record<string, string> = {
  met: 'Met',
  not_met: 'Not met',
  needs_review: 'Needs review',
  not_applicable: 'Not applicable',
  error: 'Could not be judged',
};

export const LEVEL_LABEL: Record<string, string> = {
  very_high: 'Very high',
  high: 'High',
  middle: 'Middle',
  low: 'Low',
};

export const METHOD_LABEL: Record<Method, string> = {
  auto: 'Judged automatically',
  heuristic: 'Judged by the crawler; a person should confirm',
  manual: 'Left to a person',
};

const STOP_WORDS: Record<StopReason, string> = {
  frontier_exhausted: 'every page it found was visited',
  max_pages: 'the page budget was reached',
  max_seconds: 'the time budget was reached',
  interrupted: 'the audit was interrupted',
  unreachable: 'the home page could not be reached',
  stalled: 'the crawl stopped making progress',
};

export function describeStop(reason: StopReason): string {
  return STOP_WORDS[reason] ?? reason.replace(/_/g, ' ');
}

const POLICY_WORDS: [RegExp, string][] = [
  [/needs_review counts as not met/, 'indicators a person still has to confirm count as not met'],
  [/needs_review counts as met/, 'indicators a person still has to confirm count as met'],
  [/needs_review is not assessed/, 'indicators a person still has to confirm are left out'],
  [/not_applicable is not assessed/, 'indicators that do not apply are left out'],
  [/errors are not assessed/, 'indicators the tool could not judge are left out'],
  [/errors count as not met/, 'indicators the tool could not judge count as not met'],
];

/** The scoring policy in plain words: "needs_review counts as not met; …" → a sentence. */
export function describePolicyInWords(policy: string): string {
  const parts = policy
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => POLICY_WORDS.find(([re]) => re.test(part))?.[1] ?? part.replace(/_/g, ' '));
  if (parts.length === 0) return '';
  const sentence = parts.join('; ');
  return `${sentence[0]?.toUpperCase()}${sentence.slice(1)}.`;
}

/** "0.0213" → "+2.1 points": a change of the 0..1 score in percentage points. */
export function points(delta: number, signed = true): string {
  const value = Math.round(delta * 1000) / 10;
  const sign = signed && value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${Math.abs(value).toFixed(1)} point${Math.abs(value) === 1 ? '' : 's'}`;
}

/** "2026-11-22T12:00:00.000Z" → "22 Nov 2026, 12:00 UTC". */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  const time = d.toISOString().slice(11, 16);
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${time} UTC`;
}
