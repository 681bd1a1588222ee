import { defineDetector, type Evidence, foldText, type PageCapture } from '../../src/core/index.ts';
import { findEmails, findPhones, findPostalAddress } from '../_shared/contact-patterns.ts';
import { elementEvidence, pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { foldedPageText } from '../_shared/folded-captures.ts';
import { govDomainOf, hostOf, isIpHost } from '../_shared/gov-domains.ts';
import { okHome, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';
import { conceptMatcher } from '../lexicons/index.ts';

const COPYRIGHT =
  /©|\(c\)|copyright|todos los derechos|tous droits|tutti i diritti|todos os direitos|все права|版权所有|جميع الحقوق/giu;
/** A company holds the copyright ("© 2026 Government Solutions Ltd"): not a government's own site. */
const COMPANY =
  /(?<![\p{L}])(inc|ltd|llc|plc|gmbh|sarl|s\.?a\.?s|s\.?p\.?a|s\.?r\.?l|s\.?a|ltda|s\.? de r\.?l|corp|limited|ооо|有限公司)(?![\p{L}])/u;
/** Entity words that also name places or topics ("Hotels near City Hall"): not a signature alone. */
const WEAK_ENTITY = new Set([
  'government',
  'council',
  'county',
  'municipal',
  'metropolitan',
  'mayor',
  'city hall',
  'ministry',
  'hotel de ville',
  'metropole',
  'gouvernement',
  'gobierno',
  'governo',
  'regione',
  'municipio',
  'concejo',
  'مدينة',
  'حكومة',
  '政府',
  'правительство',
]);
/** The end of the page text: where footers sign. */
const FOOTER_CHARS = 1500;

/** The government's name near the end of the page, followed by an e-mail, phone number or postal address. */
function footerSignature(
  page: PageCapture,
  names: { text: string }[],
): { name: string; index: number } | null {
  const text = page.text;
  const tailStart = Math.max(0, text.length - FOOTER_CHARS);
  const folded = foldText(text);
  for (const { text: name } of names) {
    const key = foldText(name);
    if (key.length < 6) continue;
    const at = folded.lastIndexOf(key);
    if (at < tailStart) continue;
    const after = text.slice(at + name.length, at + name.length + 250);
    if (findEmails(after, 1).length > 0 || findPhones(after, 1).length > 0 || findPostalAddress(after)) {
      return { name, index: at };
    }
  }
  // No name in the title ("Home"): a government entity signing the footer with its contacts.
  for (const m of conceptMatcher('govEntity').findAllFolded(folded.slice(tailStart), 20)) {
    if (WEAK_ENTITY.has(m.term)) continue;
    const at = tailStart + m.index;
    const after = text.slice(at + m.term.length, at + m.term.length + 250);
    if (findEmails(after, 1).length > 0 || findPhones(after, 1).length > 0 || findPostalAddress(after)) {
      return {
        name: text
          .slice(at, at + m.term.length + 30)
          .split(/\s{2,}|\n/)[0]!
          .trim(),
        index: at,
      };
    }
  }
  return null;
}
const TITLE_SEPARATOR = /\s[|–—\-:·•]\s|\s*[|–—·•]\s*/;

/** The last copyright notice of the page (footers come last), with some text around it. */
function copyrightNotice(page: PageCapture): { text: string; index: number } | null {
  const folded = foldedPageText(page);
  let last: RegExpExecArray | null = null;
  for (const m of folded.matchAll(COPYRIGHT)) last = m as RegExpExecArray;
  if (!last) return null;
  return { text: folded.slice(Math.max(0, last.index - 40), last.index + 160), index: last.index };
}

/** Title or h1 segments that name a government ("Ville de Montcalme", "City of Riverton Council"). */
function governmentNames(page: PageCapture): { source: string; text: string }[] {
  const entity = conceptMatcher('govEntity');
  const sources = [
    { source: 'title', text: page.title },
    ...page.headings.filter((h) => h.level === 1).map((h) => ({ source: 'h1', text: h.text })),
  ];
  return sources.flatMap(({ source, text }) =>
    text
      .split(TITLE_SEPARATOR)
      .filter((segment) => entity.test(segment))
      .map((segment) => ({ source, text: segment.trim() })),
  );
}

/** Distinctive words of a government name (the place name), without the entity words. */
function nameWords(name: string): string[] {
  const entity = conceptMatcher('govEntity');
  let folded = foldText(name);
  for (const m of entity.findAllFolded(folded)) folded = folded.replace(m.term, ' ');
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: [],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const host = hostOf(pageUrlOf(home));
    const domain = govDomainOf(host);
    const names = governmentNames(home);
    const notice = copyrightNotice(home);
    const noticeEvidence = notice
      ? textEvidence(home, snippetAround(home.text, notice.index, 1, 120), 'copyright notice', 'footer')
      : null;
    const nameEvidence = names[0]
      ? elementEvidence(home, names[0].source, names[0].text, 'the site names a government')
      : null;
    const extra = [nameEvidence, noticeEvidence].filter((e): e is Evidence => e !== null);

    if (domain) {
      return met(
        domain.kind === 'government' ? 0.95 : 0.9,
        `The portal is on a ${domain.kind} domain (${host}, ${domain.pattern}).`,
        [pageEvidence(home, `host ${host} matches the ${domain.pattern} pattern`), ...extra],
      );
    }

    const where = isIpHost(host)
      ? `an IP host (${host}) shows no domain pattern`
      : `the domain ${host} is not government-type`;
    if (notice) {
      const entity = conceptMatcher('govEntity').findFolded(notice.text);
      const sharedName = names.flatMap((n) => nameWords(n.text)).find((w) => notice.text.includes(w));
      if ((entity || (sharedName && names.length > 0)) && !COMPANY.test(notice.text)) {
        return met(
          0.85,
          `The footer copyright names the government (${entity ? `"${entity.term}"` : `"${sharedName}"`}); ${where}.`,
          extra,
        );
      }
    }
    // No copyright line, but the footer signs with the government's name and its contact details.
    const signature = footerSignature(home, names);
    if (signature) {
      return met(
        0.75,
        `The footer names the government with its contact details ("${signature.name}"); ${where}.`,
        [
          ...(nameEvidence ? [nameEvidence] : []),
          textEvidence(
            home,
            snippetAround(home.text, signature.index, signature.name.length, 160),
            'footer signature',
            'footer',
          ),
        ],
      );
    }
    if (names.length > 0 || conceptMatcher('officialSite').test(`${home.title} ${home.text.slice(-2000)}`)) {
      return needsReview(0.5, `The site names a government but no footer copyright confirms it; ${where}.`, [
        ...(extra.length > 0 ? extra : [pageEvidence(home, 'title and footer checked')]),
      ]);
    }
    return notMet(0.6, `Nothing identifies the site as an official government portal; ${where}.`, [
      pageEvidence(home, 'title, h1, footer copyright and domain checked'),
      ...extra,
    ]);
  },
});
