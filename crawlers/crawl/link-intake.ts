import type { LinkPrioritizer, LinkStep, PageCapture } from '../../src/core/index.ts';
import { type Frontier, type FrontierEntry, linkPriority } from '../frontier/frontier.ts';

export interface LinkIntake {
  portal: Frontier;
  external: Frontier;
  linkHints: LinkPrioritizer;
  isSameSite: (url: string) => boolean;
}

/**
 * Queues the links of a portal page: same-site links into the portal frontier (best-first by link
 * hint and region), external links that look like a service or a language version into the
 * one-hop external frontier, and hreflang alternates at top priority.
 */
export function enqueueLinks(page: PageCapture, from: FrontierEntry, intake: LinkIntake): void {
  const depth = from.depth + 1;
  const step = (url: string, text: string): LinkStep[] => [...from.linkPath, { url, text }];
  for (const link of page.links) {
    if (link.placeholder || !/^https?:/i.test(link.href)) continue;
    const hint = intake.linkHints({ url: link.href, text: link.text });
    const entry: FrontierEntry = {
      url: link.href,
      depth,
      linkPath: step(link.href, link.text),
      priority: linkPriority({ hint, depth, region: link.region }),
      hintScore: hint.score,
    };
    if (!link.external) intake.portal.add(entry);
    else if (hint.service || hint.language) intake.external.add(entry);
  }
  for (const alt of page.meta.hreflang) {
    if (!/^https?:/i.test(alt.href)) continue;
    const text = `hreflang=${alt.lang}`;
    const hint = intake.linkHints({ url: alt.href, text });
    const entry: FrontierEntry = {
      url: alt.href,
      depth,
      linkPath: step(alt.href, text),
      priority: linkPriority({ hint, depth, source: 'hreflang' }),
      // Another-language version is indicator evidence: render it under 'auto'.
      hintScore: Math.max(hint.score, 1),
    };
    if (intake.isSameSite(alt.href)) intake.portal.add(entry);
    else intake.external.add(entry);
  }
}
