import { type CapturedLink, defineDetector, type PageCapture } from '../../src/core/index.ts';
import { linkEvidence, pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { findConceptLinks } from '../_shared/links.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { firstDistinct, homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { isSocialHost, linkSocialKind, type SocialLinkKind } from '../_shared/social.ts';

interface SocialLink extends SocialLinkKind {
  page: PageCapture;
  link: CapturedLink;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['social'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);

    const social: SocialLink[] = [];
    for (const page of pages) {
      for (const link of page.links) {
        const kind = link.placeholder ? null : linkSocialKind(link);
        if (kind) social.push({ page, link, ...kind });
      }
    }
    const profiles = firstDistinct(
      social.filter((s) => s.kind === 'profile'),
      (s) => s.network,
      6,
    );
    if (profiles.length > 0) {
      return met(
        profiles.length >= 2 ? 0.95 : 0.85,
        `Links to the portal's social-media accounts: ${profiles.map((p) => p.network).join(', ')}.`,
        profiles.map((p) => linkEvidence(p.page, p.link, `${p.network} account`)),
      );
    }

    const weak = firstDistinct(
      social.filter((s) => s.kind !== 'profile'),
      (s) => `${s.network} ${s.kind}`,
      4,
    );
    const placeholders = findConceptLinks(pages, 'social').placeholders.slice(0, 4);
    const embeds = firstDistinct(
      pages.flatMap((page) =>
        [...page.embeds.iframes, ...page.embeds.scripts].filter(isSocialHost).map((host) => ({ page, host })),
      ),
      (e) => e.host,
      3,
    );
    const evidence = [
      ...weak.map((w) =>
        linkEvidence(
          w.page,
          w.link,
          w.kind === 'share'
            ? `${w.network} share button, not an account`
            : `${w.network} home page, not an account`,
        ),
      ),
      ...placeholders.map((p) => linkEvidence(p.page, p.link, 'social link that goes nowhere')),
      ...embeds.map((e) =>
        textEvidence(e.page, `embedded content from ${e.host}`, 'social embed', 'iframe, script'),
      ),
    ];
    if (evidence.length > 0) {
      return needsReview(
        0.4,
        'Social-media features are shown (placeholder links, share buttons or embeds) but no link to an account was found.',
        evidence,
      );
    }
    return notMet(0.85, `No link to a social-media account found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for social-media links'),
    ]);
  },
});
