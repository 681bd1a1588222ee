import type { Comparison } from '../report-types.ts';
import { esc, percent } from './escape.ts';
import { badge } from './render-evidence.ts';
import { formatDate, points } from './words.ts';

const HEADINGS: [Comparison['indicators'][number]['change'], string][] = [
  ['new', 'New problems'],
  ['fixed', 'Fixed'],
  ['still_failing', 'Still failing'],
  ['changed', 'Other changes'],
];

/** The comparison with the same site's previous audit (report.json `comparedWith`). */
export function renderComparison(c: Comparison | null | undefined): string {
  if (!c) return '';
  const delta = c.score.delta === null ? '' : ` (${points(c.score.delta)})`;
  const groups = HEADINGS.map(([change, heading]) => {
    const items = c.indicators.filter((i) => i.change === change);
    if (items.length === 0) return '';
    const list = `<ul class="changes">${items
      .map(
        (i) =>
          `<li><a href="#ind-${esc(i.code)}">${esc(i.title)}</a> (${esc(i.code)}): ${i.before ? badge(i.before) : 'not assessed'} → ${i.after ? badge(i.after) : 'not assessed'}</li>`,
      )
      .join('')}</ul>`;
    // The long list of what did not move is folded; what changed is shown.
    return change === 'still_failing'
      ? `<details class="more"><summary>${heading}: ${items.length}</summary>${list}</details>`
      : `<h3>${heading}: ${items.length}</h3>${list}`;
  }).join('\n');
  const wcag = c.wcag.length
    ? `<h3>Accessibility checks</h3><ul class="changes">${c.wcag
        .map(
          (w) =>
            `<li>${esc(w.help)}: <strong>${esc(w.change === 'new' ? 'new' : w.change === 'fixed' ? 'fixed' : 'still failing')}</strong> (${w.pagesBefore} → ${w.pagesAfter} page${w.pagesAfter === 1 ? '' : 's'})</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<section aria-labelledby="compared"><h2 id="compared">Compared with the audit of ${esc(formatDate(c.date))}</h2>
<p>Score ${percent(c.score.before)} then, ${percent(c.score.after)} now${delta}. ${count(c, 'new')} new problem(s), ${count(c, 'fixed')} fixed, ${count(c, 'still_failing')} still failing (earlier audit: run ${c.runId}).</p>
${groups || '<p>No indicator changed.</p>'}
${wcag}
</section>`;
}

function count(c: Comparison, change: Comparison['indicators'][number]['change']): number {
  return c.indicators.filter((i) => i.change === change).length;
}
