import type { Detector, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import { pageEvidence } from './evidence.ts';
import { isOk, okHome, okPortalPages } from './pages.ts';
import { homeNotCaptured, needsReview, notMet } from './result.ts';
import {
  type Collected,
  capitalise,
  gatewayLink,
  namedForm,
  type ServiceDetectorSpec,
  textMentions,
  topicPages,
} from './service-offers.ts';
import { evaluateTopic } from './topic-detector.ts';

export type { ServiceDetectorSpec } from './service-offers.ts';

/**
 * Detects an online service the way LOSI counts it: `met` only when a page on the portal, or on an
 * external site it links to (captured one hop), offers to start the service online — a form
 * naming it, a form on a page about it, or a start/pay link to a page with a form or a sign-in.
 * Information alone gives needs_review with the evidence; nothing gives not_met.
 */
export function evaluateService(spec: ServiceDetectorSpec, site: SiteCaptures): RuleResult {
  const home = okHome(site);
  if (!home) return homeNotCaptured(site);
  const portal = okPortalPages(site);
  const external = site.pages.filter((p) => p.site === 'external' && isOk(p));
  const pages = [...portal, ...external];
  const acc: Collected = { info: [], labelled: [], weak: [], broken: [], subjectOnly: [], mentions: [] };

  const named = namedForm(spec, site, pages, acc);
  if (named) return named;
  const { result, placeholders } = topicPages(spec, site, pages, acc);
  if (result) return result;
  if (spec.affordance === 'payment' && spec.concepts.includes('payment')) {
    const gateway = gatewayLink(site, pages, acc);
    if (gateway) return gateway;
  }
  if (spec.informationSuffices) {
    const topic = evaluateTopic({ ...spec, topic: spec.service }, site);
    if (topic.outcome === 'met') return topic;
  }

  const service = spec.service;
  if (acc.labelled.length > 0) {
    return needsReview(
      0.6,
      `A link to start ${service} online exists, but the page it opens was not captured to confirm a form.`,
      [...acc.labelled, ...acc.info].slice(0, 8),
    );
  }
  if (acc.info.length > 0) {
    return needsReview(
      0.5,
      `Information about ${service} was found, but no form or link to do it online.`,
      acc.info.slice(0, 8),
    );
  }
  if (acc.subjectOnly.length > 0) {
    return needsReview(
      0.45,
      `${capitalise(service)} appears only in a message form (a question about it, not an application).`,
      acc.subjectOnly.slice(0, 4),
    );
  }
  if (acc.weak.length > 0) {
    return needsReview(
      0.45,
      `A link about ${service} exists but its page was not captured.`,
      [...acc.weak, ...placeholders].slice(0, 8),
    );
  }
  if (placeholders.length > 0) {
    return needsReview(0.35, `A link about ${service} is shown but goes nowhere.`, placeholders);
  }
  if (acc.broken.length > 0) {
    return notMet(
      0.7,
      `The link about ${service} leads to a page that does not load.`,
      acc.broken.slice(0, 6),
    );
  }
  const inText = textMentions(spec, site, portal);
  if (inText.length > 0) {
    return needsReview(
      0.4,
      `${capitalise(service)} is named in page text, with no page, link or form for it.`,
      inText,
    );
  }
  if (acc.mentions.length > 0) {
    return notMet(
      0.6,
      `${capitalise(service)} is only mentioned in news items, headlines, FAQ answers, legal or project pages.`,
      acc.mentions.slice(0, 6),
    );
  }
  return notMet(0.75, `No page, link or form about ${service} found in ${pages.length} page(s).`, [
    pageEvidence(home, `home page and every captured page searched for ${service}`),
  ]);
}

/** A whole service rule from its spec: one short file per indicator. */
export function defineServiceDetector(spec: ServiceDetectorSpec): Detector {
  return {
    meta: {
      requires: ['pages'],
      version: spec.version ?? 2,
      hints: spec.hints ?? spec.concepts,
      hintsNameServices: true,
    },
    detect: (site) => evaluateService(spec, site),
  };
}
