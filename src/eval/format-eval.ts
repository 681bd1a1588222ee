import { METHODS } from '../core/index.ts';
import type { Counts, EvalReport, JudgedIndicator } from './eval-types.ts';
import { formatEvidenceReach } from './evidence-reach.ts';

/** The readable form of an eval: portals, methods against their targets, calibration, indicators, misses. */
export function formatEval(report: EvalReport): string {
  const out: string[] = [];
  const catalog = report.options.catalog ?? "each portal's level";
  out.push(
    `portal-audit eval: ${report.portals.length} portal(s), catalog ${catalog}, render ${report.options.render}, ` +
      (report.options.rejudge
        ? 'kept captures re-judged (no crawl)'
        : `max ${report.options.maxPages} pages`),
    '',
  );

  out.push('Portals');
  out.push(
    table(
      ['portal', 'lang', 'level', 'catalog', 'pages', ...COUNT_HEADERS],
      report.portals.map((p) => [
        p.portal,
        p.language,
        p.level,
        p.catalog,
        String(p.pages),
        ...countCells(p.counts),
      ]),
    ),
  );
  for (const p of report.portals) {
    if (p.counts.labelled === 0) {
      out.push(
        `  ${p.portal}: none of its labels is a code of ${p.catalog}; label them, or measure with --catalog <id>`,
      );
    } else if (p.labelsWithoutRule.length > 0) {
      out.push(
        `  ${p.portal}: ${p.labelsWithoutRule.length} labelled code(s) have no rule in ${p.catalog}: ${p.labelsWithoutRule.join(' ')}`,
      );
    }
  }
  out.push('', ...formatEvidenceReach(report.portals), '');

  out.push('By method (only `met` counts as a yes; needs_review is a no; n/a = left to the assessor)');
  const targets = new Map(report.targets.map((t) => [t.method, t]));
  out.push(
    table(
      ['method', ...COUNT_HEADERS, 'target'],
      [
        ...METHODS.map((m) => {
          const t = targets.get(m);
          const goal = t
            ? `P≥${t.minPrecision} ${mark(t.precisionOk)}  R≥${t.minRecall} ${mark(t.recallOk)}`
            : 'assessor decides';
          return [m, ...countCells(report.byMethod[m]), goal];
        }),
        ['all', ...countCells(report.overall), ''],
      ],
    ),
  );
  out.push('');

  out.push("By language (the portal's language; methods with no labelled result left out)");
  out.push(
    table(
      ['lang', 'portals', 'method', ...COUNT_HEADERS],
      report.byLanguage.flatMap((row) => [
        ...METHODS.filter((m) => row.byMethod[m].labelled > 0).map((m) => [
          row.language,
          String(row.portals.length),
          m,
          ...countCells(row.byMethod[m]),
        ]),
        [row.language, String(row.portals.length), 'all', ...countCells(row.counts)],
      ]),
    ),
  );
  out.push('');

  const cal = report.calibration;
  out.push(
    `Calibration: \`met\` at confidence ≥ ${cal.threshold}: ${cal.right}/${cal.count} right` +
      ` (${pct(cal.share)}), target ≥ ${pct(cal.target)} ${cal.count === 0 ? '(none)' : mark(cal.ok)}`,
  );
  out.push(
    table(
      ['outcome', 'confidence', 'results', 'right', 'share'],
      cal.bins
        .filter((b) => b.count > 0)
        .map((b) => [
          b.outcome,
          `${b.min.toFixed(2)}–${b.max.toFixed(2)}`,
          String(b.count),
          String(b.right),
          pct(b.share),
        ]),
    ),
  );
  out.push('');

  out.push('By indicator (labelled results only)');
  out.push(
    table(
      ['code', 'crit', 'method', ...COUNT_HEADERS],
      report.byIndicator
        .filter((row) => row.counts.labelled > 0)
        .map((row) => [row.code, row.criterion, row.method, ...countCells(row.counts)]),
    ),
  );
  const unlabelled = report.byIndicator.filter((row) => row.counts.labelled === 0).map((row) => row.code);
  if (unlabelled.length > 0) out.push(`  no label on any portal: ${unlabelled.join(' ')}`);
  out.push('');

  out.push(`Wrong answers (${report.wrong.length})`);
  if (report.wrong.length === 0) out.push('  none');
  for (const w of report.wrong) out.push(...formatWrong(w));
  return `${out.join('\n')}\n`;
}

const COUNT_HEADERS = ['TP', 'FP', 'FN', 'TN', 'NR', 'n/a', 'err', 'unlab', 'prec', 'recall', 'supp'];

function countCells(c: Counts): string[] {
  return [c.tp, c.fp, c.fn, c.tn, c.needsReview, c.notAssessed, c.errors, c.unlabelled]
    .map(String)
    .concat([ratio(c.precision), ratio(c.recall), String(c.support)]);
}

function formatWrong(w: JudgedIndicator): string[] {
  const truth = w.truth ? 'met' : 'not met';
  const label = [w.truthWhere, w.truthNote].filter(Boolean).join('; ');
  const lines = [
    `  ${w.verdict} ${w.portal} ${w.code} (${w.method}): said ${w.outcome} @ ${w.confidence.toFixed(2)}, truth ${truth}` +
      (label ? ` — ${label}` : ''),
    `     ${w.message}`,
  ];
  for (const e of w.evidence) {
    const where = [e.page, e.kind, e.selector].filter(Boolean).join('  ');
    const path = e.linkPath?.length ? `  via ${e.linkPath.join(' › ')}` : '';
    lines.push(`     · ${where}${path}`);
    if (e.snippet) lines.push(`       “${e.snippet}”`);
  }
  return lines;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Numbers right-aligned, words left-aligned.
  const numeric = headers.map((_, i) => rows.every((r) => /^[\d.–% ]*$/.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    `  ${cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()}`;
  return [line(headers), ...rows.map(line)].join('\n');
}

function ratio(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

function pct(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)} %`;
}

function mark(ok: boolean | null): string {
  if (ok === null) return '–';
  return ok ? 'ok' : 'MISSED';
}
