import type { FetchStatus } from '../core/index.ts';
import type { RoundState } from './rounds.ts';

export interface FleetFigures {
  /** Pages stored so far for the round, finished targets and those in progress. */
  pagesStored: number;
  workers?: number;
  /** Site jobs waiting or delayed (retry backoff). */
  queued?: number;
}

/**
 * The live progress line of `campaign run`: targets done / total, pages, failures by status, ETA
 * (from this session's pace). Drawn in place on a terminal; silent when stderr is not a TTY.
 */
export class CampaignProgress {
  private readonly enabled: boolean;
  private lastLength = 0;
  private first: { at: number; done: number } | null = null;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY) && !process.env.CI;
  }

  update(state: RoundState, figures: FleetFigures): void {
    const now = Date.now();
    this.first ??= { at: now, done: state.done };
    if (!this.enabled) return;
    const total = state.targets.length;
    const parts = [
      `${this.label} round ${state.round}`,
      `${String(state.done).padStart(String(total).length)}/${total} targets`,
      `${figures.pagesStored} pages`,
    ];
    const failures = formatFailures(state.outcomes);
    if (failures) parts.push(`failed: ${failures}`);
    if (figures.workers !== undefined)
      parts.push(`${figures.workers} worker${figures.workers === 1 ? '' : 's'}`);
    const eta = this.eta(state, now);
    if (eta) parts.push(`ETA ${eta}`);
    this.write(parts.join(' · '));
  }

  message(text: string): void {
    if (!this.enabled) return;
    this.clear();
    this.stream.write(`${text}\n`);
  }

  clear(): void {
    if (!this.enabled || this.lastLength === 0) return;
    this.stream.write(`\r${' '.repeat(this.lastLength)}\r`);
    this.lastLength = 0;
  }

  private eta(state: RoundState, now: number): string | null {
    const first = this.first;
    if (!first) return null;
    const doneHere = state.done - first.done;
    const remaining = state.targets.length - state.done;
    if (doneHere <= 0 || remaining <= 0) return null;
    return formatDuration(((now - first.at) / doneHere) * remaining);
  }

  private write(line: string): void {
    const room = Math.max(20, (this.stream.columns ?? 120) - 1);
    const text = line.length > room ? `${line.slice(0, room - 1)}…` : line;
    const pad = Math.max(0, this.lastLength - text.length);
    this.stream.write(`\r${text}${' '.repeat(pad)}`);
    this.lastLength = text.length;
  }
}

export function formatFailures(outcomes: Partial<Record<FetchStatus, number>>): string {
  return Object.entries(outcomes)
    .filter(([status, n]) => status !== 'ok' && (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The closing lines of a round, printed whether or not stderr is a terminal. */
export function roundSummary(name: string, state: RoundState, pagesStored: number): string {
  const total = state.targets.length;
  const ok = state.outcomes.ok ?? 0;
  const failures = formatFailures(state.outcomes);
  const head = state.finished
    ? `Campaign "${name}" round ${state.round} finished: ${total} targets, ${ok} reached, ${pagesStored} pages.`
    : `Campaign "${name}" round ${state.round}: ${state.done}/${total} targets done, ${pagesStored} pages so far.`;
  return failures ? `${head}\nNot reached: ${failures}.` : head;
}
