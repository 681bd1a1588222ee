import { type CapturedForm, foldText, type PageCapture } from '../../src/core/index.ts';
import { type Concept, conceptMatcher } from '../lexicons/index.ts';
import { findEmails, findPhones } from './contact-patterns.ts';
import { formEvidence, linkEvidence, textEvidence } from './evidence.ts';
import { foldedPageText, headingText, linkText, pageText, titleText } from './folded-captures.ts';
import { memoizePerUrl } from './link-facts.ts';
import { searchForms } from './search-forms.ts';
import { snippetAround } from './snippet.ts';
import type { TopicContent } from './topic-detector.ts';

const STORE_HOSTS =
  /(^|\.)(apps\.apple\.com|itunes\.apple\.com|play\.google\.com|appgallery\.huawei\.com|galaxystore\.samsung\.com|apps\.microsoft\.com|rustore\.ru|appgallery\.cloud\.huawei\.com)$/i;

/** A link to an app store, judged once per distinct link. */
const isAppStoreLink = memoizePerUrl((u) => u !== null && STORE_HOSTS.test(u.hostname));

/** 283: links to an app in an app store (App Store, Google Play, AppGallery, RuStore…). */
export function appStoreLinks(page: PageCapture): TopicContent | null {
  const link = page.links.find(isAppStoreLink);
  if (!link) return null;
  return {
    summary: 'an app-store link',
    evidence: linkEvidence(page, link, 'app-store link (publisher not checked)'),
  };
}

/** Forms a visitor fills in (search forms excluded). */
function userForms(page: PageCapture): CapturedForm[] {
  const search = new Set(searchForms(page));
  return page.forms.filter((f) => !search.has(f));
}

function formWords(form: CapturedForm): string {
  return foldText(
    [
      form.submitText,
      form.action,
      ...form.fields.flatMap((f) => [f.label, f.name, f.tag === 'button' ? f.type : '']),
    ].join(' '),
  );
}

function headingsMatch(page: PageCapture, concept: Concept): boolean {
  return page.headings.some((h) => headingText(h).find(concept)) || titleText(page).find(concept) !== null;
}

/**
 * 218: a way to subscribe to alerts. On a page about alerts: a form with an e-mail or phone field, a
 * subscribe link, or an app-store link. Elsewhere (home page): only a form or link that itself says
 * "alerts" and subscribes.
 */
export function alertSubscription(page: PageCapture): TopicContent | null {
  const alerts = conceptMatcher('alerts');
  const onAlertsPage = headingsMatch(page, 'alerts');
  for (const form of userForms(page)) {
    const contactField = form.fields.some(
      (f) => ['email', 'tel'].includes(f.type) || /mail|phone|tel|movil|celular|sms/i.test(f.name),
    );
    if (!contactField) continue;
    if (onAlertsPage || alerts.findFolded(formWords(form))) {
      return {
        summary: 'an alert subscription form',
        evidence: formEvidence(page, form, 'subscription form'),
      };
    }
  }
  for (const link of page.links) {
    if (link.placeholder) continue;
    const text = linkText(link);
    if (text.find('subscribe') && (onAlertsPage || text.find('alerts'))) {
      return { summary: 'an alert subscription link', evidence: linkEvidence(page, link, 'subscribe link') };
    }
  }
  if (onAlertsPage) return appStoreLinks(page);
  return null;
}

const RATING_BUTTON = /^(yes|no|oui|non|si|sí|sim|nao|não|да|нет|نعم|لا|是|否|\d|[1-5] ?stars?)$/i;

/**
 * 293: a satisfaction mechanism: the page invites a rating ("Was this page helpful?", "satisfaction
 * survey") and carries a form with choices (radio, select, range, yes/no buttons) or a textarea
 * labelled with satisfaction words.
 */
export function satisfactionWidget(page: PageCapture): TopicContent | null {
  const satisfaction = conceptMatcher('satisfaction');
  const phrase = pageText(page).find('satisfaction');
  if (!phrase) return null;
  for (const form of userForms(page)) {
    const choices = form.fields.some(
      (f) =>
        ['radio', 'range', 'select-one', 'select'].includes(f.type) ||
        f.tag === 'select' ||
        ((f.tag === 'button' || f.type === 'submit') && RATING_BUTTON.test(f.label.trim())),
    );
    const yesNoSubmit = RATING_BUTTON.test(form.submitText.split(/\s+/)[0] ?? '');
    const labelled = satisfaction.findFolded(formWords(form)) !== null;
    if (choices || yesNoSubmit || labelled) {
      return {
        summary: 'a satisfaction form',
        evidence: formEvidence(page, form, `rating form ("${phrase.term}" on the page)`),
      };
    }
  }
  // Rating widgets are often scripted stars outside any form: their question is the evidence.
  const prompt = pageText(page).find('ratingPrompt');
  if (prompt) {
    return {
      summary: 'a page-rating prompt',
      evidence: textEvidence(
        page,
        snippetAround(page.text, prompt.index, prompt.term.length),
        'rating question',
      ),
    };
  }
  return null;
}

const SHEET_FIELDS = ['serviceDocuments', 'serviceCost', 'serviceTime', 'serviceSteps'] as const;

/**
 * 222: a service sheet: at least three of the four fields (documents/requirements, cost, time,
 * process), at least two of them as headings.
 */
export function serviceSheet(page: PageCapture): TopicContent | null {
  const inHeadings = SHEET_FIELDS.filter((c) =>
    page.headings.some((h) => h.level >= 2 && headingText(h).find(c)),
  );
  const inText = SHEET_FIELDS.filter((c) => pageText(page).find(c));
  const fields = new Set([...inHeadings, ...inText]);
  if (inHeadings.length < 2 || fields.size < 3) return null;
  const names = {
    serviceDocuments: 'documents',
    serviceCost: 'cost',
    serviceTime: 'time',
    serviceSteps: 'process',
  };
  const listed = [...fields].map((f) => names[f]).join(', ');
  const heading = page.headings.find((h) => h.level >= 2 && inHeadings.some((c) => headingText(h).find(c)))!;
  return {
    summary: `a service sheet (${listed})`,
    evidence: textEvidence(
      page,
      `${page.title} — ${heading.text}`,
      `service sheet fields: ${listed}`,
      `h${heading.level}`,
    ),
  };
}

/**
 * 216: leadership titles and contacts (e-mail, phone, mailto/tel links) on a page: two of each on a
 * page about the leadership, three of each elsewhere (a contact page lists offices, not heads).
 */
export function leaderContacts(page: PageCapture): TopicContent | null {
  // A home page's teasers ("The mayor…") sit far from the switchboard number in its footer.
  if (page.linkPath.length <= 1) return null;
  const folded = foldedPageText(page);
  const needed = headingsMatch(page, 'leadership') ? 2 : 3;
  const roles = pageText(page).findAll('leaderRole', 50);
  if (roles.length < needed) return null;
  // Each title counts when a contact (e-mail or phone) is written next to it, as in a directory row.
  const contacts = new Set<string>();
  let withContact = 0;
  for (const role of roles) {
    const near = page.text.slice(Math.max(0, role.index - 150), role.index + role.term.length + 250);
    const found = [...findEmails(near, 3), ...findPhones(near, 3)].map((h) => h.value);
    if (found.length > 0) withContact++;
    for (const value of found) contacts.add(value);
  }
  if (withContact < needed || contacts.size < needed) return null;
  const first = roles[0]!;
  return {
    summary: `${withContact} titles next to ${contacts.size} contacts`,
    evidence: textEvidence(
      page,
      snippetAround(folded, first.index, first.term.length, 160),
      'names, titles and contacts',
    ),
  };
}
