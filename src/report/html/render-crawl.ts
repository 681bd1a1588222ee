import { describeStatus } from '../../core/index.ts';
import type { AuditReport } from '../report-types.ts';
import { esc } from './escape.ts';
import { link } from './render-evidence.ts';
import { describeStop } from './words.ts';

/** What was crawled: the counts, and every page fetched in a folded table. */
export function renderCrawl(report: AuditReport): string {
  const c = report.crawl;
  const pages = c.pageList ?? [];
  const rows = pages
    .map(
      (p) =>
        `<tr><td class="url">${link(p.finalUrl, p.title || p.finalUrl)}${p.site === 'external' ? ' <span class="meta">(linked site)</span>' : ''}</td><td>${esc(p.status === 'ok' ? `${p.httpStatus ?? ''} OK` : describeStatus(p.status))}</td><td>${p.depth}</td><td>${p.rendered ? 'yes' : 'no'}</td><td>${
          p.linkPath.length > 1
            ? p.linkPath
                .slice(1)
                .map((s) => esc(s.text || '(no link text)'))
                .join(' › ')
            : p.depth === 0
              ? 'home page'
              : ''
        }</td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="crawl"><h2 id="crawl">What was crawled</h2>
<p>${c.pages} portal page(s), ${c.renderedPages} rendered in a browser, ${c.externalPages} page(s) on linked sites. The crawl ended because ${esc(describeStop(c.stopReason))}.${c.spa ? ' The portal is built with JavaScript, so every page was rendered.' : ''}</p>
${
  pages.length
    ? `<details class="pages"><summary>The ${pages.length} pages fetched</summary><div class="scroll"><table><caption class="meta">Pages in the order they were fetched</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Status</th><th scope="col">Depth</th><th scope="col">Rendered</th><th scope="col">Reached through</th></tr></thead>
<tbody>${rows}</tbody></table></div></details>`
    : ''
}
</section>`;
}
