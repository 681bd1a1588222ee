import type { Outcome } from '../../core/index.ts';
import { html, type SafeHtml } from './html.ts';

const OUTCOME_LABELS: Record<string, string> = {
  met: 'Met',
  not_met: 'Not met',
  needs_review: 'Needs review',
  not_applicable: 'Not applicable',
  error: 'Error',
};

export function outcomeLabel(value: string | null | undefined): string {
  if (!value) return '–';
  return OUTCOME_LABELS[value] ?? value.replaceAll('_', ' ');
}

/** An outcome as a badge: text carries the meaning, colour only repeats it. */
export function outcomeBadge(value: Outcome | string | null | undefined): SafeHtml {
  if (!value) return html`<span class="muted">–</span>`;
  return html`<span class="badge badge-${value}">${outcomeLabel(value)}</span>`;
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`;
}

export function decimal(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** `2026-11-22 12:00 UTC` from an ISO timestamp. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '–';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function levelLabel(level: string | null | undefined): string {
  return level ? level.replace('_', ' ') : '';
}
