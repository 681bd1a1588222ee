import { defineDetector, type Evidence, type PageCapture, type SiteCaptures } from '../../src/core/index.ts';
import { linkActionability, mentionNote, onPage } from '../_shared/actionability.ts';
import { formEvidence, linkEvidence, pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { foldedPageText } from '../_shared/folded-captures.ts';
import { headingMatch } from '../_shared/headings.ts';
import { checkLinkTarget } from '../_shared/link-target.ts';
import { findConceptLinks, linkTarget, matchLink } from '../_shared/links.ts';
import { eidSignInPhrase, isEidButton, passwordForm, ssoLinks } from '../_shared/login.ts';
import { roleFits } from '../_shared/page-role.ts';
import { isOk, okHome, okPortalPages, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';

/** Header, navigation and footer: the template repeats the portal's own sign-in link there. */
const TEMPLATE = new Set(['header', 'nav', 'footer']);

/** Staff intranets, webmail and CMS back offices have login forms too, but are not the public's. */
const STAFF_PAGE =
  /\b(intranet|extranet|webmail|staff|employees?|admin|administrator|wp-login|wp-admin|backoffice|back-office)\b/i;

function isStaffPage(page: PageCapture): boolean {
  return STAFF_PAGE.test(`${pageUrlOf(page)} ${page.title}`);
}

/**
 * What on a page lets a person sign in: a password form or a single sign-on (e-ID) link, anywhere;
 * on a sign-in page (its heading says so, and it is not a news, FAQ, legal or project page), a
 * sign-in choice that leads somewhere, or — when `reachedByLoginLink` — its e-ID buttons as the
 * page shows them ("Entra con SPID": buttons without links are not captured).
 */
function loginEvidence(page: PageCapture, site: SiteCaptures, reachedByLoginLink = false): Evidence | null {
  if (isStaffPage(page)) return null;
  const form = passwordForm(page);
  if (form) return formEvidence(page, form, 'login form (password field)');
  const sso = ssoLinks(page)[0];
  if (sso) return linkEvidence(page, sso, 'single sign-on / e-ID authorisation link');
  const heading = headingMatch(page, 'login', 2, 8);
  if (!heading || !roleFits(page, site)) return null;
  const choice = page.links.find(
    (l) =>
      !TEMPLATE.has(l.region) &&
      matchLink(l, ['login']) !== null &&
      linkActionability(checkLinkTarget(site, l)) !== null,
  );
  if (choice) return linkEvidence(page, choice, `sign-in option on the page "${heading.text}"`);
  const phrase = reachedByLoginLink ? eidSignInPhrase(page) : null;
  return phrase
    ? textEvidence(
        page,
        snippetAround(foldedPageText(page), phrase.index, phrase.length),
        `e-ID sign-in offered on the sign-in page "${heading.text}"`,
      )
    : null;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: ['login', 'eIdScheme'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const external = site.pages.filter((p) => p.site === 'external' && isOk(p));
    const { matches, placeholders } = findConceptLinks(pages, 'login');

    const weak: Evidence[] = [];
    for (const m of matches.slice(0, 6)) {
      const link = linkEvidence(m.page, m.link, `login link (matched "${m.term}" in its ${m.via})`);
      const { page: target, ok, check } = linkTarget(site, m.link);
      const found = ok && target ? loginEvidence(target, site, true) : null;
      if (found) {
        return met(m.via === 'text' ? 0.9 : 0.8, `A login link leads to a sign-in page: "${m.link.text}".`, [
          link,
          found,
        ]);
      }
      weak.push(
        link,
        ...(target ? [pageEvidence(target, ok ? 'linked page shows no login form' : check.why)] : []),
      );
    }

    // A sign-in form or SSO link reached some other way (a header widget, a one-hop e-service site).
    for (const page of [...pages, ...external]) {
      const found = loginEvidence(page, site);
      if (found) {
        const where = page.site === 'external' ? 'on a linked external site' : 'on the portal';
        return met(0.8, `A sign-in form or e-ID login is offered ${where}.`, [found]);
      }
    }

    // A sign-in button naming a digital-identity scheme ("Entra con SPID", "S'identifier avec
    // FranceConnect"), on a page whose role fits. Its target must load; on a linked e-service site
    // (captured one hop, its own links are not followed) the site's page itself is the evidence.
    for (const page of [...pages, ...external]) {
      for (const button of page.links.filter(isEidButton)) {
        const ev = linkEvidence(page, button, 'digital-identity sign-in link');
        const check = checkLinkTarget(site, button);
        const grade = onPage(linkActionability(check) ?? 'mention', page, site);
        if (grade === 'mention') {
          if (weak.length < 8)
            weak.push({ ...ev, note: roleFits(page, site) ? check.why : mentionNote(page, site) });
          continue;
        }
        if (grade === 'action-link' || page.site === 'external') {
          const where = page.site === 'external' ? 'on a linked e-service site' : 'on the portal';
          return met(0.75, `A sign-in with a digital identity is offered ${where}: "${button.text}".`, [ev]);
        }
        if (weak.length < 8) weak.push({ ...ev, note: `${ev.note}; ${check.why}` });
      }
    }

    if (weak.length > 0) {
      return needsReview(
        0.5,
        'A login link or e-ID sign-in is named, but no sign-in form was confirmed behind it.',
        weak.slice(0, 8),
      );
    }
    if (placeholders.length > 0) {
      return needsReview(
        0.35,
        'A login link is shown but goes nowhere.',
        placeholders.slice(0, 3).map((p) => linkEvidence(p.page, p.link, 'login link that goes nowhere')),
      );
    }
    return notMet(0.75, `No login link, sign-in form or e-ID login found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for login links and password forms'),
    ]);
  },
});
