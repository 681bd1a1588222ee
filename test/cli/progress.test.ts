import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../src/cli/progress.ts';
import { clock, remainingMs } from '../../src/cli/progress-text.ts';
import type { CrawlProgress } from '../../src/core/index.ts';

/** Collects what the progress writes, as a terminal (isTTY, columns) or a log would receive it. */
function capture(tty: boolean, columns = 80) {
  const chunks: string[] = [];
  const stream = { isTTY: tty, columns, write: (s: string) => chunks.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join(''), chunks };
}

function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const at = (phase: CrawlProgress['phase'], pagesDone: number, queued = 20): CrawlProgress => ({
  runId: 1,
  pagesDone,
  pagesBudget: 60,
  queued,
  currentUrl: `https://city.example/page-${pagesDone}`,
  phase,
});

/** A 30-page crawl of a site smaller than its budget, one page a second. */
function crawl(progress: ProgressLine, clockAdvance: (ms: number) => void): void {
  progress.update(at('discover', 0));
  clockAdvance(500);
  for (let page = 0; page <= 30; page++) {
    progress.update(at(page % 2 ? 'render' : 'crawl', page, Math.max(0, 30 - page)));
    clockAdvance(1000);
  }
  progress.update(at('validate', 30, 0));
  clockAdvance(1000);
  progress.update(at('done', 30, 0));
}

describe('progress on a terminal', () => {
  it('shows pages against the budget, the elapsed time and an estimate, within the width', () => {
    const out = capture(true, 70);
    const time = fakeClock();
    const progress = new ProgressLine({ stream: out.stream, live: true, now: time.now });
    progress.update(at('discover', 0));
    time.advance(10_000);
    progress.update(at('render', 10, 40));
    const last = out.chunks.at(-1)!;
    // 10 pages in 10 s, min(50 left in the budget, 40 queued) to go: about 40 s.
    expect(last).toContain('[10/60 pages · 0:10 · about 0:40 left] rendering https://city.');
    expect(last).toMatch(/…$/); // the URL is cut to the terminal's width
    for (const chunk of out.chunks) expect(chunk.replace('\r\x1b[2K', '').length).toBeLessThanOrEqual(69);
    progress.done();
  });

  it('leaves the last line clean when the run ends, instead of "[30/60] done"', () => {
    const out = capture(true);
    const time = fakeClock();
    const progress = new ProgressLine({ stream: out.stream, live: true, now: time.now });
    crawl(progress, time.advance);
    expect(out.chunks.at(-1)).toContain('crawl finished; judging the indicators');
    progress.done();
    expect(out.chunks.at(-1)).toBe('\r\x1b[2K');
    expect(out.text()).not.toContain('\n');
  });

  it('keeps a message such as "Interrupted" on its own line above the status', () => {
    const out = capture(true);
    const progress = new ProgressLine({ stream: out.stream, live: true, now: fakeClock().now });
    progress.update(at('crawl', 3));
    progress.message('Interrupted: finishing the report');
    progress.done();
    expect(out.text()).toContain('\r\x1b[2KInterrupted: finishing the report\n');
  });
});

describe('progress without a terminal', () => {
  it('prints one line per stage and a heartbeat every 10 s, not one per page', () => {
    const out = capture(false);
    const time = fakeClock();
    const progress = new ProgressLine({ stream: out.stream, live: false, now: time.now });
    crawl(progress, time.advance);
    progress.done();
    const lines = out.text().trimEnd().split('\n');
    expect(lines[0]).toBe('[0:00] finding pages: https://city.example/page-0');
    expect(lines[1]).toBe('[0:01] fetching pages (at most 60)');
    expect(lines.filter((l) => / pages · /.test(l) && !l.includes('markup'))).toHaveLength(3);
    expect(lines.at(-2)).toMatch(/^\[0:32\] 30\/60 pages · 0:32: checking the markup$/);
    expect(lines.at(-1)).toBe(
      '[0:33] crawl finished: 30 pages in 0:33; judging the indicators and writing the report',
    );
    expect(out.text()).not.toContain('\r');
  });
});

describe('the estimate', () => {
  it('counts the queued pages, at most the budget left, and stops at the time budget', () => {
    expect(remainingMs(at('crawl', 10, 5), 10_000)).toBe(5_000);
    expect(remainingMs(at('crawl', 10, 500), 10_000)).toBe(50_000);
    expect(remainingMs(at('crawl', 10, 500), 10_000, 30)).toBe(20_000);
  });

  it('gives none before a few pages, once nothing is queued, or outside the page stage', () => {
    expect(remainingMs(at('crawl', 2), 2_000)).toBeNull();
    expect(remainingMs(at('crawl', 20, 0), 20_000)).toBeNull();
    expect(remainingMs(at('validate', 20), 20_000)).toBeNull();
  });

  it('formats durations as a clock', () => {
    expect(clock(7_400)).toBe('0:07');
    expect(clock(125_000)).toBe('2:05');
    expect(clock(3_725_000)).toBe('1:02:05');
  });
});
