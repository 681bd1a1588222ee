import type { AuditReport, ReportActions } from '../report-types.ts';
import { esc } from './escape.ts';
import { badge, link } from './render-evidence.ts';
import { points } from './words.ts';

/** Shown in full; the rest of each list is folded under "more". */
const FIRST = 10;

/** "What to fix first": what each not-met indicator is worth, and the WCAG problems by reach. */
export function renderActions(report: AuditReport): string {
  const actions = report.actions;
  if (!actions) return '';
  return `<section aria-labelledby="fix-first"><h2 id="fix-first">What to fix first</h2>
<h3 id="fix-indicators">Survey indicators not met</h3>
${actions.indicators.length ? `<p class="meta">Ordered by how much each would add to the score if the portal met it.</p>${list(actions.indicators, indicatorItem, 'fix-ind', 'indicators')}` : '<p>Every indicator the crawler could judge is met.</p>'}
<h3 id="fix-wcag">Accessibility problems</h3>
${actions.accessibility.length ? `<p class="meta">Ordered by impact × pages affected. Fixing a shared template (header, footer, form) often fixes every page at once.</p>${list(actions.accessibility, accessibilityItem, 'fix-wcag-list', 'problems')}` : `<p>${report.accessibility.pagesAudited > 0 ? 'No WCAG problem found by the automated checks on the pages checked.' : 'No page was checked in a browser, so no WCAG check ran.'}</p>`}
</section>`;
}

function list<T>(items: readonly T[], render: (item: T) => string, id: string, noun: string): string {
  const first = items.slice(0, FIRST).map(render).join('\n');
  const rest = items.slice(FIRST).map(render).join('\n');
  return `<ol class="actions" id="${id}">${first}</ol>${
    rest
      ? `<details class="more"><summary>${items.length - FIRST} more ${noun}</summary><ol class="actions" start="${FIRST + 1}">${rest}</ol></details>`
      : ''
  }`;
}

function indicatorItem(a: ReportActions['indicators'][number]): string {
  return `<li><p><strong><a href="#ind-${esc(a.code)}">${esc(a.title)}</a></strong> (${esc(a.code)}) ${badge(a.outcome)} <span class="gain">${esc(points(a.gain))}</span></p>
<p><span class="label">The survey looks for:</span> ${esc(a.lookedFor)}</p>
<p class="meta">${esc(a.searched)}</p></li>`;
}

function accessibilityItem(a: ReportActions['accessibility'][number]): string {
  return `<li><p><strong>${esc(a.help)}</strong> <span class="meta">${esc(a.impact ?? 'unknown')} impact · ${a.pages} page${a.pages === 1 ? '' : 's'}, ${a.nodes} element${a.nodes === 1 ? '' : 's'}</span></p>
<p><span class="label">How to fix:</span> ${esc(a.fix.replace(/\s*\n\s*/g, ' '))}</p>
<p class="meta">${link(a.helpUrl, 'More on this problem (Deque University)')}</p></li>`;
}
