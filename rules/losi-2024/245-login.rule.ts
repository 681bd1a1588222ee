import { defineRule, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { formEvidence, linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget, matchLink } from '../_shared/links.ts';
import { passwordForm, ssoLinks } from '../_shared/login.ts';
import { isOk, okHome, okPortalPages, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

/** Longer link texts are headlines ("The new digital ID app is here"), not sign-in buttons. */
const EID_BUTTON_MAX_WORDS = 8;

/** Header, navigation and footer: the template repeats the portal's own sign-in link there. */
const TEMPLATE = new Set(['header', 'nav', 'footer']);

/** Staff intranets, webmail and CMS back offices have login forms too, but are not the public's. */
const STAFF_PAGE =
  /\b(intranet|extranet|webmail|staff|employees?|admin|administrator|wp-login|wp-admin|backoffice|back-office)\b/i;

function isStaffPage(page: PageCapture): boolean {
  return STAFF_PAGE.test(`${pageUrlOf(page)} ${page.title}`);
}

/** What on a page lets a person sign in: a password form, or a single sign-on (e-ID) link. */
function loginEvidence(page: PageCapture): Evidence | null {
  if (isStaffPage(page)) return null;
  const form = passwordForm(page);
  if (form) return formEvidence(page, form, 'login form (password field)');
  const sso = ssoLinks(page)[0];
  if (sso) return linkEvidence(page, sso, 'single sign-on / e-ID authorisation link');
  // A sign-in page that offers identity providers as buttons ("Sign in with …", "Entra con SPID").
  const heading = headingMatch(page, 'login', 2, 8);
  const choice = heading
    ? page.links.find((l) => !TEMPLATE.has(l.region) && matchLink(l, ['login']) !== null)
    : undefined;
  return heading && choice
    ? linkEvidence(page, choice, `sign-in option on the page "${heading.text}"`)
    : null;
}

export default defineRule({
  meta: {
    id: 'losi-2024/245-login',
    code: '245',
    criterion: 'EGL',
    title: 'Portal authentication / e-ID login',
    definition:
      'Users can sign in to the portal (user account or national digital identity, e-ID) to use personalised online services.',
    method: 'heuristic',
    requires: ['pages'],
    version: 1,
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
      const { page: target, ok } = linkTarget(site, m.link);
      const found = ok && target ? loginEvidence(target) : null;
      if (found) {
        return met(m.via === 'text' ? 0.9 : 0.8, `A login link leads to a sign-in page: "${m.link.text}".`, [
          link,
          found,
        ]);
      }
      weak.push(
        link,
        ...(target
          ? [
              pageEvidence(
                target,
                ok ? 'linked page shows no login form' : `linked page failed: ${target.status}`,
              ),
            ]
          : []),
      );
    }

    // A sign-in form or SSO link reached some other way (a header widget, a one-hop e-service site).
    for (const page of [...pages, ...external]) {
      const found = loginEvidence(page);
      if (found) {
        const where = page.site === 'external' ? 'on a linked external site' : 'on the portal';
        return met(0.8, `A sign-in form or e-ID login is offered ${where}.`, [found]);
      }
    }

    // A sign-in button naming a digital-identity scheme ("Entra con SPID", "S'identifier avec
    // FranceConnect"), on the portal or its linked e-service site, even when its page was not captured.
    for (const page of [...pages, ...external]) {
      const button = page.links.find(
        (l) =>
          !l.placeholder &&
          l.text.split(/\s+/).length <= EID_BUTTON_MAX_WORDS &&
          matchLink(l, ['eIdScheme'], true),
      );
      if (button) {
        const where = page.site === 'external' ? 'on a linked e-service site' : 'on the portal';
        return met(0.75, `A sign-in with a digital identity is offered ${where}: "${button.text}".`, [
          linkEvidence(page, button, 'digital-identity sign-in link'),
        ]);
      }
    }

    if (weak.length > 0) {
      return needsReview(
        0.5,
        'A login link exists but no sign-in form was seen behind it.',
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
