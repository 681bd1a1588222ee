import type { CrawlProgress } from '../core/index.ts';

/**
 * One status line on a terminal ("[ 12/60] crawl https://…"), redrawn in place. Silent when stderr is not a
 * TTY (CI logs, pipes), so machine output stays clean.
 */
export class ProgressLine {
  private lastLength = 0;
  private readonly enabled: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY) && !process.env.CI;
  }

  update(p: CrawlProgress): void {
    if (!this.enabled) return;
    const width = String(p.pagesBudget).length;
    const head = `[${String(p.pagesDone).padStart(width)}/${p.pagesBudget}] ${p.phase.padEnd(8)} `;
    const room = Math.max(10, (this.stream.columns ?? 100) - head.length - 1);
    const url = p.currentUrl.length > room ? `${p.currentUrl.slice(0, room - 1)}…` : p.currentUrl;
    this.write(head + url);
  }

  message(text: string): void {
    if (!this.enabled) return;
    this.write(text);
  }

  done(): void {
    if (!this.enabled || this.lastLength === 0) return;
    this.stream.write(`\r${' '.repeat(this.lastLength)}\r`);
    this.lastLength = 0;
  }

  private write(line: string): void {
    const pad = Math.max(0, this.lastLength - line.length);
    this.stream.write(`\r${line}${' '.repeat(pad)}`);
    this.lastLength = line.length;
  }
}
