import type { CrawlProgress } from '../core/index.ts';
import { clock, doing, type Stage, stageOf, statusHead } from './progress-text.ts';

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** The crawl's time budget in seconds (0 = none): the estimate never goes past it. */
  maxSeconds?: number;
  /** Redraw in place (a terminal) or print lines (a log). @default stream is a TTY and CI is not set */
  live?: boolean;
  now?: () => number;
}

const LOG_EVERY_MS = 10_000;
const TICK_MS = 1_000;
const CLEAR_LINE = '\r\x1b[2K';

/**
 * A crawl's progress on stderr. On a terminal: one status line redrawn in place ("[12/60 pages · 0:14 ·
 * about 0:20 left] rendering https://…"), its clock ticking, erased when the run ends. Without one (CI, a
 * pipe): a line when the crawl enters a stage, and one every 10 s while it fetches pages.
 */
export class ProgressLine {
  private readonly stream: NodeJS.WriteStream;
  private readonly live: boolean;
  private readonly maxSeconds: number;
  private readonly now: () => number;
  private startedAt: number | null = null;
  private last: CrawlProgress | null = null;
  private shown = false;
  private ticker: NodeJS.Timeout | null = null;
  private readonly stagesLogged = new Set<Stage>();
  private lastLogAt = 0;

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.live = options.live ?? (Boolean(this.stream.isTTY) && !process.env.CI);
    this.maxSeconds = options.maxSeconds ?? 0;
    this.now = options.now ?? Date.now;
  }

  update(p: CrawlProgress): void {
    this.startedAt ??= this.now();
    this.last = p;
    if (this.live) {
      this.ticker ??= setInterval(() => this.draw(), TICK_MS).unref();
      this.draw();
    } else {
      this.log(p);
    }
  }

  /** A line that stays (e.g. "Interrupted: …"), above the status line. */
  message(text: string): void {
    if (this.live) this.erase();
    this.stream.write(`${text}\n`);
    if (this.live) this.draw();
  }

  /** Ends the status line: erased on a terminal, so what follows starts on a clean line. */
  done(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    if (this.live) this.erase();
    this.last = null;
  }

  private elapsed(): number {
    return this.startedAt === null ? 0 : this.now() - this.startedAt;
  }

  private draw(): void {
    const p = this.last;
    if (!p) return;
    const head = statusHead(p, this.elapsed(), this.maxSeconds);
    const line =
      p.phase === 'done'
        ? `${head} crawl finished; ${doing(p.phase)}`
        : `${head} ${doing(p.phase)} ${p.currentUrl}`;
    const room = Math.max(20, (this.stream.columns ?? 100) - 1);
    this.stream.write(`${CLEAR_LINE}${line.length > room ? `${line.slice(0, room - 1)}…` : line}`);
    this.shown = true;
  }

  private erase(): void {
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.shown = false;
  }

  private log(p: CrawlProgress): void {
    const stage = stageOf(p.phase);
    const elapsed = this.elapsed();
    const newStage = !this.stagesLogged.has(stage);
    if (!newStage && (stage !== 'pages' || elapsed - this.lastLogAt < LOG_EVERY_MS)) return;
    this.stagesLogged.add(stage);
    this.lastLogAt = elapsed;
    this.stream.write(`[${clock(elapsed)}] ${this.logText(p, stage, elapsed, newStage)}\n`);
  }

  private logText(p: CrawlProgress, stage: Stage, elapsed: number, newStage: boolean): string {
    if (stage === 'discover') return `${doing(p.phase)}: ${p.currentUrl}`;
    if (stage === 'done')
      return `crawl finished: ${p.pagesDone} pages in ${clock(elapsed)}; ${doing(p.phase)}`;
    const head = statusHead(p, elapsed, this.maxSeconds).slice(1, -1).trimStart();
    if (stage === 'validate') return `${head}: ${doing(p.phase)}`;
    return newStage ? `fetching pages (at most ${p.pagesBudget})` : head;
  }
}
