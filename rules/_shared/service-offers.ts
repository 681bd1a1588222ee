import type { CapturedLink, Evidence, PageCapture, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import type { Concept } from '../lexicons/index.ts';
import { mentionNote, offerResult, onPage } from './actionability.ts';
import { isArticleLink, ownText } from './articles.ts';
import { elementEvidence, formEvidence, linkEvidence, pageEvidence, textEvidence } from './evidence.ts';
import { linkText } from './folded-captures.ts';
import { headingMatch } from './headings.ts';
import { findConceptLinks, linkTarget } from './links.ts';
import { roleFits } from './page-role.ts';
import { isPaymentGatewayUrl } from './payment-gateways.ts';
import {
  formTopic,
  isGenericMessageForm,
  isLiveLink,
  isMessageForm,
  isPaymentForm,
  isServiceForm,
  loginAffordance,
} from './service-forms.ts';
import { snippetAround } from './snippet.ts';

/**
 * What the service rule looks for, step by step: forms naming the service, pages about it and what
 * they offer, start/pay links, e-service platforms behind a sign-in, and the evidence of near misses.
 */
export interface ServiceDetectorSpec {
  /** @default 1 */
  version?: number;
  /** What the messages call the service: "a building permit", "payment of fines". */
  service: string;
  /** Concepts naming the service (link texts, URL words, headings, form labels and options). */
  concepts: readonly Concept[];
  /** Crawler hints (default: `concepts`). */
  hints?: readonly string[];
  /**
   * 'start' (default): a form, or a start-online link to a page with a form or a sign-in.
   * 'payment': a payment form, a link to a payment gateway, or a pay link to a page with one.
   */
  affordance?: 'start' | 'payment';
  /** Payment forms do not start this service (filing a tax return is not paying it). */
  notPayment?: boolean;
  /** Class H (homeless services, affordable housing): a topic page is enough for met. */
  informationSuffices?: boolean;
  /**
   * A message form whose subjects name the service is the service itself (complaints, reports);
   * otherwise such a form ("Subject: building permit") only asks a question about it.
   */
  messageFormsCount?: boolean;
}

export interface Collected {
  /** Pages about the service with no way to start it online. */
  info: Evidence[];
  /** Start-online links whose page the crawler did not capture. */
  labelled: Evidence[];
  /** Service links whose page was not captured. */
  weak: Evidence[];
  broken: Evidence[];
  /** The service only as a subject of a message form, or a "write to us" form about it. */
  subjectOnly: Evidence[];
  /** News items and headlines about the service: a mention, not an offer. */
  mentions: Evidence[];
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formAccepted(spec: ServiceDetectorSpec, form: PageCapture['forms'][number]): boolean {
  if (spec.affordance === 'payment') return isPaymentForm(form);
  return !(spec.notPayment && isPaymentForm(form));
}

/**
 * A link whose text is the action: it starts the service (or pays, in payment mode). A link to a
 * payment company that does not say "pay" (a logo, "Powered by …") is not an action.
 */
function isStartLink(spec: ServiceDetectorSpec, link: CapturedLink): boolean {
  if (!isLiveLink(link) || link.text.length > 80) return false;
  return linkText(link).find(spec.affordance === 'payment' ? 'payment' : 'startOnline') !== null;
}

/** A pay link to a payment gateway outside the page footer: its text and its target are the action. */
function isGatewayAction(link: CapturedLink): boolean {
  return (
    link.region !== 'footer' && isPaymentGatewayUrl(link.href) && linkText(link).find('payment') !== null
  );
}

/** Step 1: a form anywhere that names the service itself (heading, labels, options, button). */
export function namedForm(
  spec: ServiceDetectorSpec,
  site: SiteCaptures,
  pages: PageCapture[],
  acc: Collected,
): RuleResult | null {
  for (const page of pages) {
    for (const form of page.forms) {
      const topic = formTopic(form, spec.concepts);
      if (!topic || !isServiceForm(page, form, topic.where === 'own')) continue;
      const ev = formEvidence(page, form, `form naming ${spec.service} ("${topic.term}")`);
      // A comment or feedback form under a news item or a FAQ answer takes its heading from it.
      if (onPage('form', page, site) === 'mention') {
        acc.mentions.push({ ...ev, note: `${ev.note}; ${mentionNote(page, site)}` });
        continue;
      }
      if (!formAccepted(spec, form)) {
        acc.info.push(ev);
        continue;
      }
      if (!spec.messageFormsCount) {
        const subjectOnly = topic.where === 'option' && isMessageForm(form);
        if (subjectOnly || isGenericMessageForm(form)) {
          acc.subjectOnly.push(ev);
          continue;
        }
      }
      const name = form.heading || form.submitText || 'online form';
      return offerResult('form', 0.9, `${capitalise(spec.service)} can be started online: form "${name}".`, [
        ev,
      ]);
    }
  }
  return null;
}

/** What a page about the service offers: a form, a start link to a form or sign-in, or only information. */
function judgePage(
  spec: ServiceDetectorSpec,
  site: SiteCaptures,
  page: PageCapture,
  lead: Evidence[],
  confidence: number,
  acc: Collected,
): RuleResult | null {
  const payment = spec.affordance === 'payment';
  // A news story, a FAQ answer, a legal or project page about the service is a mention (its
  // comment box or the payment company it links is not the service).
  if (onPage('form', page, site) === 'mention') {
    acc.mentions.push(...lead, pageEvidence(page, mentionNote(page, site)));
    return null;
  }
  const form = page.forms.find(
    (f) =>
      isServiceForm(page, f) && formAccepted(spec, f) && (spec.messageFormsCount || !isGenericMessageForm(f)),
  );
  if (form) {
    return offerResult('form', confidence, `A page about ${spec.service} offers an online form.`, [
      ...lead,
      formEvidence(page, form, 'online form on the page'),
    ]);
  }
  for (const link of page.links) {
    if (!isStartLink(spec, link)) continue;
    const linkEv = linkEvidence(page, link, payment ? 'payment link' : 'start-online link');
    const { page: target, ok, check } = linkTarget(site, link);
    if (!target) {
      acc.labelled.push(...lead, { ...linkEv, note: `${linkEv.note}; ${check.why}` });
      continue;
    }
    if (!ok) {
      acc.broken.push(linkEv, pageEvidence(target, check.why));
      continue;
    }
    if (payment && isGatewayAction(link)) {
      return offerResult(
        'action-link',
        confidence,
        `A page about ${spec.service} links to a payment gateway.`,
        [...lead, linkEv, pageEvidence(target, 'the payment gateway page loads')],
      );
    }
    if (!roleFits(target, site)) {
      acc.info.push(linkEv, pageEvidence(target, mentionNote(target, site)));
      continue;
    }
    const targetForm = target.forms.find(
      (f) =>
        isServiceForm(target, f) &&
        formAccepted(spec, f) &&
        (spec.messageFormsCount || !isGenericMessageForm(f)),
    );
    if (targetForm) {
      return offerResult('form', confidence, `A page about ${spec.service} links to an online form.`, [
        ...lead,
        linkEv,
        formEvidence(target, targetForm, 'online form behind the link'),
      ]);
    }
    const login = target.site === 'external' ? loginAffordance(target) : null;
    if (login) {
      return offerResult(
        'service-site',
        confidence - 0.05,
        `A page about ${spec.service} links to an e-service platform with a sign-in.`,
        [
          ...lead,
          linkEv,
          login.form
            ? formEvidence(target, login.form, 'sign-in form of the platform')
            : linkEvidence(target, login.link, 'sign-in link of the platform'),
        ],
      );
    }
    acc.info.push(linkEv, pageEvidence(target, 'page behind the link has no form'));
  }
  // An external e-service platform page about the service, behind a sign-in — unless its forms
  // offer something else (a payment page does not file a tax return).
  const offersOther = page.forms.some((f) => isServiceForm(page, f) && !formAccepted(spec, f));
  if (!payment && page.site === 'external' && !offersOther) {
    const login = loginAffordance(page);
    if (login) {
      return offerResult(
        'service-site',
        confidence - 0.1,
        `${capitalise(spec.service)} is on an e-service platform with a sign-in.`,
        [
          ...lead,
          login.form
            ? formEvidence(page, login.form, 'sign-in form of the platform')
            : linkEvidence(page, login.link, 'sign-in link of the platform'),
        ],
      );
    }
  }
  acc.info.push(
    ...lead,
    pageEvidence(page, `page about ${spec.service} without an online form or start link`),
  );
  return null;
}

/** Step 2: pages linked under the service's name, then pages whose heading names it. */
export function topicPages(
  spec: ServiceDetectorSpec,
  site: SiteCaptures,
  pages: PageCapture[],
  acc: Collected,
): { result: RuleResult | null; placeholders: Evidence[] } {
  const { matches, placeholders } = findConceptLinks(pages, spec.concepts);
  const judged = new Set<PageCapture>();
  const placeholderEv = placeholders
    .slice(0, 3)
    .map((p) => linkEvidence(p.page, p.link, `${spec.service} link that goes nowhere`));
  for (const m of matches.slice(0, 12)) {
    const how = `matched "${m.term}" in its ${m.via}`;
    const linkEv = linkEvidence(m.page, m.link, `${spec.service} link (${how})`);
    // A platform page that lists the service and asks to sign in: the service is behind the login.
    if (
      m.page.site === 'external' &&
      spec.affordance !== 'payment' &&
      !isArticleLink(m.link) &&
      roleFits(m.page, site)
    ) {
      const login = loginAffordance(m.page);
      const { page: target } = linkTarget(site, m.link);
      if (login && !target) {
        return {
          result: offerResult(
            'service-site',
            0.7,
            `${capitalise(spec.service)} is listed on an e-service platform with a sign-in.`,
            [
              linkEv,
              login.form
                ? formEvidence(m.page, login.form, 'sign-in form of the platform')
                : linkEvidence(m.page, login.link, 'sign-in link of the platform'),
            ],
          ),
          placeholders: placeholderEv,
        };
      }
    }
    const { page: target, ok, check } = linkTarget(site, m.link);
    if (!target) {
      // Unconfirmed, the link is only as good as the page it is on: on a news item it is a mention.
      const bucket = !roleFits(m.page, site)
        ? acc.mentions
        : isStartLink(spec, m.link)
          ? acc.labelled
          : acc.weak;
      bucket.push({ ...linkEv, note: `${linkEv.note}; ${check.why}` });
      continue;
    }
    if (check.state === 'document') {
      acc.info.push(linkEv, pageEvidence(target, 'a document to download, not an online form'));
      continue;
    }
    if (!ok) {
      acc.broken.push(linkEv, pageEvidence(target, check.why));
      continue;
    }
    if (judged.has(target)) continue;
    judged.add(target);
    const result = judgePage(spec, site, target, [linkEv], m.via === 'text' ? 0.8 : 0.75, acc);
    if (result) return { result, placeholders: placeholderEv };
  }
  for (const page of pages) {
    if (judged.has(page)) continue;
    const heading = headingMatch(page, spec.concepts, 2, 12);
    if (!heading) continue;
    if (!roleFits(page, site)) {
      if (acc.mentions.length < 6) {
        acc.mentions.push(elementEvidence(page, heading.selector, heading.text, mentionNote(page, site)));
      }
      continue;
    }
    judged.add(page);
    const lead = [elementEvidence(page, heading.selector, heading.text, `${spec.service} heading`)];
    const result = judgePage(spec, site, page, lead, 0.75, acc);
    if (result) return { result, placeholders: placeholderEv };
  }
  return { result: null, placeholders: placeholderEv };
}

/** Pages (not news, FAQ, legal or project pages) whose text names the service: worth a look, not an offer. */
export function textMentions(
  spec: ServiceDetectorSpec,
  site: SiteCaptures,
  pages: PageCapture[],
): Evidence[] {
  const out: Evidence[] = [];
  for (const page of pages) {
    if (!roleFits(page, site)) continue;
    const { text, folded } = ownText(page);
    for (const concept of spec.concepts) {
      const hit = folded.find(concept);
      if (!hit) continue;
      const snippet = snippetAround(text, hit.index, hit.term.length);
      out.push(textEvidence(page, snippet, `page text names ${spec.service} ("${hit.term}")`));
      break;
    }
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * Payment mode without a topic of its own (any municipal service): a pay link to a payment gateway
 * on a page whose role fits, whose target loads. A gateway named in a footer or on a news or
 * project page is the payment company, not a way to pay.
 */
export function gatewayLink(site: SiteCaptures, pages: PageCapture[], acc: Collected): RuleResult | null {
  for (const page of pages) {
    for (const link of page.links) {
      if (!isLiveLink(link) || !isPaymentGatewayUrl(link.href)) continue;
      const linkEv = linkEvidence(page, link, 'link to a payment gateway');
      if (!isGatewayAction(link) || !roleFits(page, site)) {
        if (acc.mentions.length < 6) {
          const why = roleFits(page, site)
            ? 'names the payment company, not a payment'
            : mentionNote(page, site);
          acc.mentions.push({ ...linkEv, note: `${linkEv.note}; ${why}` });
        }
        continue;
      }
      const { page: target, ok, check } = linkTarget(site, link);
      if (ok && target) {
        return offerResult('action-link', 0.85, 'The portal links to an online payment gateway.', [
          linkEv,
          pageEvidence(target, 'the payment gateway page loads'),
        ]);
      }
      if (!target) acc.labelled.push({ ...linkEv, note: `${linkEv.note}; ${check.why}` });
      else acc.broken.push(linkEv, pageEvidence(target, check.why));
    }
  }
  return null;
}
