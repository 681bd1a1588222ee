import { stringify } from 'csv-stringify/sync';
import type { AuditReport } from './report-types.ts';

export const REPORT_CSV_COLUMNS = [
  'kind',
  'id',
  'group',
  'title',
  'outcome',
  'confidence',
  'pages',
  'message',
  'url',
] as const;

/**
 * report.csv: one row per indicator (kind `indicator`: code, criterion, outcome, message and the first
 * evidence page), then one per WCAG problem (kind `wcag`: axe rule, WCAG criteria, pages affected and
 * axe's fix hint). For a spreadsheet or a CI that diffs tables.
 */
export function buildCsv(report: AuditReport): string {
  const rows: (string | number)[][] = [];
  for (const i of report.indicators) {
    rows.push([
      'indicator',
      i.code,
      i.criterion,
      i.title,
      i.outcome,
      i.confidence,
      new Set(i.evidence.map((e) => e.pageUrl)).size,
      i.message,
      i.evidence[0]?.pageUrl ?? '',
    ]);
  }
  for (const v of report.accessibility.violations) {
    rows.push([
      'wcag',
      v.ruleId,
      v.wcag.join(' '),
      v.help,
      v.impact ?? '',
      '',
      v.pages.length,
      v.examples.find((x) => x.fix)?.fix?.replace(/\s*\n\s*/g, ' ') ?? v.help,
      v.pages[0] ?? '',
    ]);
  }
  return stringify(rows, { header: true, columns: [...REPORT_CSV_COLUMNS] });
}
