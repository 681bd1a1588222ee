import { describeStatus } from '../core/index.ts';
import type { AuditOutcome } from '../pipeline/audit-site.ts';
import { describeStop, points } from '../report/html/words.ts';

/** The human summary printed after an audit (stderr stays free for progress; this goes to stdout). */
export function printAuditSummary(outcome: AuditOutcome): void {
  const { report, reportFiles } = outcome;
  if (!report.audited) {
    const why = `${describeStatus(report.crawl.outcome)}${report.crawl.message ? ` (${report.crawl.message})` : ''}`;
    process.stdout.write(`Not audited: ${report.target.url}: ${why}. Report: ${reportFiles.html}\n`);
    return;
  }
  const s = report.score;
  const counts: Record<string, number> = {};
  for (const i of report.indicators) counts[i.outcome] = (counts[i.outcome] ?? 0) + 1;
  const lines = [
    `Audited ${report.target.finalUrl ?? report.target.url} (${report.catalog.id}, run ${report.runId})`,
    `  Crawl: ${report.crawl.pages} pages, ${report.crawl.renderedPages} rendered, ended because ${describeStop(report.crawl.stopReason)}`,
    `  Indicators: ${counts.met ?? 0} met, ${counts.not_met ?? 0} not met, ${counts.needs_review ?? 0} need review` +
      `${counts.error ? `, ${counts.error} errors` : ''}`,
    `  Score: ${s.value === null ? 'n/a' : `${(s.value * 100).toFixed(0)} %`} (${s.met}/${s.assessed} assessed${s.level ? `, level ${s.level.replace('_', ' ')}` : ''})`,
    `  WCAG: ${report.accessibility.violations.length} rules failed on ${report.accessibility.pagesAudited} pages checked`,
    ...(report.comparedWith
      ? [
          `  Since run ${report.comparedWith.runId} (${report.comparedWith.date.slice(0, 10)}): ` +
            `${report.comparedWith.score.delta === null ? 'score n/a' : `score ${points(report.comparedWith.score.delta)}`}, ` +
            `${changes(report.comparedWith, 'new')} new problem(s), ${changes(report.comparedWith, 'fixed')} fixed`,
        ]
      : []),
    `  Report: ${reportFiles.html}`,
    ...[reportFiles.json, reportFiles.sarif, reportFiles.csv].filter(Boolean).map((f) => `          ${f}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function changes(c: NonNullable<AuditOutcome['report']['comparedWith']>, change: string): number {
  return c.indicators.filter((i) => i.change === change).length;
}
