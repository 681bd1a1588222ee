import { type CapturedForm, defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { findEmails, findPhones, findPostalAddress } from '../_shared/contact-patterns.ts';
import {
  elementEvidence,
  formEvidence,
  linkEvidence,
  pageEvidence,
  textEvidence,
} from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';

type Kind = 'phone' | 'email' | 'address' | 'form';

/** A form to write to the administration: a free-text message field, not search or newsletter. */
function isContactForm(form: CapturedForm): boolean {
  if (form.isSearch) return false;
  const visible = form.fields.filter(
    (f) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type),
  );
  return visible.some((f) => f.tag === 'textarea') && visible.length >= 2;
}

/** The first piece of evidence of each kind of contact detail on a page. */
function contactDetails(page: PageCapture): Map<Kind, Evidence> {
  const found = new Map<Kind, Evidence>();
  for (const link of page.links) {
    if (!found.has('phone') && /^tel:/i.test(link.rawHref.trim())) {
      found.set('phone', linkEvidence(page, link, 'telephone link'));
    }
    if (!found.has('email') && /^mailto:/i.test(link.rawHref.trim())) {
      found.set('email', linkEvidence(page, link, 'e-mail link'));
    }
  }
  if (!found.has('phone')) {
    const phone = findPhones(page.text, 1)[0];
    if (phone) {
      found.set(
        'phone',
        textEvidence(page, snippetAround(page.text, phone.index, phone.value.length, 60), 'phone number'),
      );
    }
  }
  if (!found.has('email')) {
    const email = findEmails(page.text, 1)[0];
    if (email) {
      found.set(
        'email',
        textEvidence(page, snippetAround(page.text, email.index, email.value.length, 60), 'e-mail address'),
      );
    }
  }
  const address = findPostalAddress(page.text);
  if (address)
    found.set(
      'address',
      textEvidence(page, snippetAround(page.text, address.index, 60, 60), 'postal address'),
    );
  const form = page.forms.find(isContactForm);
  if (form) found.set('form', formEvidence(page, form, 'contact form'));
  return found;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['contact'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const { matches, placeholders } = findConceptLinks(pages, 'contact', { external: false });

    // Contact pages: targets of contact links, and captured pages titled as such.
    const contactPages = new Map<PageCapture, Evidence>();
    const uncaptured: Evidence[] = [];
    for (const m of matches.slice(0, 5)) {
      const target = linkTarget(site, m.link);
      if (target.ok && target.page && target.page !== home) {
        contactPages.set(target.page, linkEvidence(m.page, m.link, 'contact link'));
      } else if (!target.ok)
        uncaptured.push(linkEvidence(m.page, m.link, 'contact link; target not captured'));
    }
    for (const page of pages) {
      if (page === home || contactPages.has(page)) continue;
      const heading = headingMatch(page, 'contact', 1, 8);
      if (heading)
        contactPages.set(page, elementEvidence(page, heading.selector, heading.text, 'contact page'));
    }

    const kinds = new Map<Kind, Evidence>();
    let onContactPage = 0;
    for (const page of [...contactPages.keys()]) {
      for (const [kind, evidence] of contactDetails(page)) {
        if (!kinds.has(kind)) kinds.set(kind, evidence);
        onContactPage++;
      }
    }
    for (const [kind, evidence] of contactDetails(home)) if (!kinds.has(kind)) kinds.set(kind, evidence);

    const pageLinks = [...contactPages.values()].slice(0, 2);
    const evidence = [...pageLinks, ...kinds.values()];
    const list = [...kinds.keys()].join(', ');
    if (kinds.size >= 2) {
      return met(contactPages.size > 0 ? 0.95 : 0.85, `Contact details found: ${list}.`, evidence);
    }
    if (contactPages.size > 0 && onContactPage > 0) {
      return met(0.8, `A contact page gives: ${list}.`, evidence);
    }
    if (kinds.size === 1) {
      return needsReview(0.5, `Only one kind of contact detail found (${list}).`, [
        ...evidence,
        ...uncaptured,
      ]);
    }
    if (uncaptured.length > 0) {
      return needsReview(
        0.45,
        'A contact link exists but its page was not captured; no contact details were found.',
        [...pageLinks, ...uncaptured],
      );
    }
    if (contactPages.size > 0) {
      const pagesChecked = [...contactPages.keys()]
        .slice(0, 2)
        .map((p) => pageEvidence(p, 'contact page checked'));
      return notMet(
        0.6,
        'A contact page exists but gives no phone number, e-mail, postal address or contact form.',
        [...pageLinks, ...pagesChecked],
      );
    }
    const placeholder = placeholders[0];
    if (placeholder) {
      return needsReview(
        0.35,
        `A "${placeholder.link.text}" link goes nowhere; no contact details were found.`,
        [linkEvidence(placeholder.page, placeholder.link, 'placeholder contact link')],
      );
    }
    return notMet(
      0.8,
      `No phone, e-mail, postal address, contact form or contact page found in ${pages.length} page(s).`,
      [
        textEvidence(
          home,
          home.text.slice(-300) || home.title,
          'end of the home page text (where contact details usually sit)',
        ),
      ],
    );
  },
});
