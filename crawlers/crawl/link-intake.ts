import type { LinkPrioritizer, LinkStep, PageCapture, Region } from '../../src/core/index.ts';
import { type Frontier, type FrontierEntry, linkPriority } from '../frontier/frontier.ts';

export interface LinkIntake {
  portal: Frontier;
  external: Frontier;
  linkHints: LinkPrioritizer;
  isSameSite: (url: string) => boolean;
}

const SIGNPOST_REGIONS: ReadonlySet<Region> = new Set<Region>(['nav', 'header', 'footer']);

/**
 * Queues the links of a portal page: same-site links into the portal frontier (best-first by link
 * hint and region), external links that look like a service or a language version into the
 * one-hop external frontier, hreflang alternates at top priority, and the views of a script-drawn
 * page (menu items that are not links, routes it pushed) as menu links.
 */
export function enqueueLinks(page: PageCapture, from: FrontierEntry, intake: LinkIntake): void {
  const depth = from.depth + 1;
  const step = (url: string, text: string): LinkStep[] => [...from.linkPath, { url, text }];
  const targets = [
    ...page.links.filter((l) => !l.placeholder).map((l) => ({ url: l.href, text: l.text, region: l.region })),
    ...(page.views ?? []).map((v) => ({ url: v.url, text: v.text, region: 'nav' as const })),
  ];
  for (const { url, text, region } of targets) {
    if (!/^https?:/i.test(url)) continue;
    const hint = intake.linkHints({ url: ownPartOf(url), text });
    const entry: FrontierEntry = {
      url,
      depth,
      linkPath: step(url, text),
      priority: linkPriority({ hint, depth, region }),
      hintScore: hint.score,
      signpost: SIGNPOST_REGIONS.has(region),
      ...(hint.codes.length ? { codes: hint.codes } : {}),
    };
    if (intake.isSameSite(url)) intake.portal.add(entry);
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

/**
 * The part of a URL that names the page itself: its last path segment and query. The directories
 * above it name its section, which the links to those directories were already scored for; counted
 * again, they would give every page of a relevant section the same score.
 */
export function ownPartOf(url: string): string {
  try {
    const u = new URL(url);
    const segments = u.pathname.split('/').filter(Boolean);
    return new URL(
      `/${segments.at(-1) ?? ''}${u.pathname.endsWith('/') && segments.length ? '/' : ''}${u.search}`,
      u.origin,
    ).href;
  } catch {
    return url;
  }
}
