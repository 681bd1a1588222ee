import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { elementEvidence, linkEvidence, pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { soft404 } from '../_shared/link-target.ts';
import { findPage, isOk, okHome, okPortalPages, pageLanguage, primaryLanguage } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { languageSwitchOf } from '../lexicons/index.ts';

interface Alternate {
  href: string;
  /** Language the link or hreflang names, if any. */
  named: string | null;
  via: Evidence;
}

function alternatesOf(
  page: PageCapture,
  homeLanguage: string | null,
): { alternates: Alternate[]; placeholders: Evidence[] } {
  const alternates: Alternate[] = [];
  const placeholders: Evidence[] = [];
  for (const alt of page.meta.hreflang) {
    const named = primaryLanguage(alt.lang);
    if (!named || named === 'x' || alt.lang.toLowerCase() === 'x-default' || named === homeLanguage) continue;
    const selector = `link[rel="alternate"][hreflang="${alt.lang}"]`;
    alternates.push({
      href: alt.href,
      named,
      via: elementEvidence(
        page,
        selector,
        `<link rel="alternate" hreflang="${alt.lang}" href="${alt.href}">`,
        'hreflang alternate',
      ),
    });
  }
  for (const link of page.links) {
    const sw = languageSwitchOf(link.text);
    if (!sw || (sw.language !== null && sw.language === homeLanguage)) continue;
    if (link.placeholder) {
      placeholders.push(
        linkEvidence(page, link, 'language switch without a target (script menu or placeholder)'),
      );
      continue;
    }
    if (!/^https?:/i.test(link.href)) continue;
    alternates.push({
      href: link.href,
      named: sw.language,
      via: linkEvidence(page, link, 'language switch link'),
    });
  }
  return { alternates, placeholders };
}

function translationWidgets(pages: PageCapture[]): Evidence[] {
  return pages
    .flatMap((page) =>
      page.embeds.scripts
        .filter((h) => /translate\.google(apis)?\.com$/i.test(h))
        .map((host) => ({ page, host })),
    )
    .slice(0, 1)
    .map(({ page, host }) =>
      textEvidence(page, `script from ${host}`, 'machine-translation widget', 'script'),
    );
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: ['languageSwitch'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const homeLang = pageLanguage(home).language;
    const pages = okPortalPages(site);

    let { alternates, placeholders } = alternatesOf(home, homeLang);
    if (alternates.length === 0) {
      for (const page of pages.slice(1, 20)) {
        const more = alternatesOf(page, homeLang);
        alternates = alternates.concat(more.alternates);
        if (placeholders.length === 0) placeholders = more.placeholders;
      }
    }

    const review: Evidence[] = [];
    const seen = new Set<string>();
    for (const alt of alternates) {
      if (seen.has(alt.href)) continue;
      seen.add(alt.href);
      const target = findPage(site, alt.href);
      // An error page in English behind a Spanish page's "English" link is not an English version.
      const error = target && isOk(target) ? soft404(target, site) : null;
      const failure = !target ? null : !isOk(target) ? `failed: ${target.status}` : error && `is ${error}`;
      if (!target || failure) {
        review.push(alt.via, ...(target ? [pageEvidence(target, `other-language page ${failure}`)] : []));
        continue;
      }
      const { language, source } = pageLanguage(target);
      const reference = homeLang ?? alt.named;
      const differs = language !== null && reference !== null && language !== reference;
      const confirmsNamed = homeLang === null && language !== null && language === alt.named;
      const sample = textEvidence(
        target,
        target.text.slice(0, 240) || target.title,
        `language ${language ?? 'unknown'} (${source ?? 'undetermined'}); home page: ${homeLang ?? 'unknown'}`,
      );
      if (differs || confirmsNamed) {
        return met(
          source === 'detected' && homeLang ? 0.9 : 0.75,
          `A page in another language (${language}) is linked from the ${homeLang ?? 'portal'} home page.`,
          [alt.via, sample],
        );
      }
      review.push(alt.via, sample);
      if (review.length >= 8) break;
    }
    if (review.length > 0) {
      return needsReview(
        0.5,
        'A language switch exists, but no linked page in another language was confirmed.',
        review,
      );
    }
    const widget = translationWidgets(pages);
    if (placeholders.length > 0 || widget.length > 0) {
      return needsReview(
        0.4,
        'A language menu or machine-translation widget is shown; its pages were not captured.',
        [...placeholders.slice(0, 3), ...widget],
      );
    }
    return notMet(
      0.75,
      `No language switch or hreflang alternate found (portal language: ${homeLang ?? 'unknown'}).`,
      [pageEvidence(home, 'home page checked for hreflang alternates and language-switch links')],
    );
  },
});
