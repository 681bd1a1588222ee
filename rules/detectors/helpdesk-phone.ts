import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { findPhoneShapes, findPhones } from '../_shared/contact-patterns.ts';
import { pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { foldedPageText, pageText } from '../_shared/folded-captures.ts';
import { headingMatch } from '../_shared/headings.ts';
import { isOk, okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';
import { conceptMatcher } from '../lexicons/index.ts';

/** A phone number this close after a helpdesk word (or this close before it) belongs to it. */
const AFTER = 160;
const BEFORE = 60;
/** Wording about online services within this distance makes it a helpdesk for them. */
const CONTEXT = 300;

interface HelpdeskPhone {
  page: PageCapture;
  term: string;
  phone: string;
  snippet: string;
  online: boolean;
}

function helpdeskPhones(page: PageCapture): HelpdeskPhone[] {
  const folded = foldedPageText(page);
  // Folding keeps positions for most scripts; show the original words when it did.
  const shown = folded.length === page.text.length ? page.text : folded;
  const online = [conceptMatcher('service'), conceptMatcher('login')];
  const out: HelpdeskPhone[] = [];
  for (const m of pageText(page).findAll('helpdesk', 20)) {
    const start = Math.max(0, m.index - BEFORE);
    const window = folded.slice(start, m.index + m.term.length + AFTER);
    const phone = findPhoneShapes(window, 3)[0];
    if (!phone) continue;
    const around = folded.slice(Math.max(0, m.index - CONTEXT), m.index + CONTEXT);
    out.push({
      page,
      term: m.term,
      phone: phone.value,
      snippet: snippetAround(shown, m.index, m.term.length + AFTER, 80),
      online: online.some((c) => c.findFolded(around) !== null),
    });
  }
  return out;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['helpdesk', 'help', 'faq'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    // The portal and the external sites it links to (captured one hop), where e-services often live.
    const pages = [...okPortalPages(site), ...site.pages.filter((p) => p.site === 'external' && isOk(p))];

    const found = pages.flatMap(helpdeskPhones);
    const best = found.find((f) => f.online) ?? found[0];
    if (best) {
      const evidence = textEvidence(
        best.page,
        best.snippet,
        `"${best.term}" followed by the number ${best.phone}${best.online ? ', next to wording about online services' : ''}`,
      );
      return met(
        best.online ? 0.8 : 0.7,
        `A helpdesk phone number is given: ${best.phone} ("${best.term}").`,
        [evidence],
      );
    }

    // Help pages that give a phone number without calling it a helpdesk, or a helpdesk without a phone.
    const weak: Evidence[] = [];
    for (const page of pages) {
      const heading = headingMatch(page, ['help', 'faq', 'helpdesk']);
      const phone = heading ? findPhones(page.text, 1)[0] : undefined;
      if (heading && phone) {
        weak.push(
          textEvidence(
            page,
            snippetAround(page.text, phone.index, phone.value.length),
            `phone on the help page "${heading.text}"`,
          ),
        );
      }
      const desk = pageText(page).findAll('helpdesk', 1)[0];
      if (desk && !heading) {
        weak.push(
          textEvidence(
            page,
            snippetAround(foldedPageText(page), desk.index, desk.term.length),
            'helpdesk mentioned without a phone number',
          ),
        );
      }
      if (weak.length >= 4) break;
    }
    if (weak.length > 0) {
      return needsReview(
        0.45,
        'A help page or helpdesk was found, but no phone number clearly belongs to a helpdesk.',
        weak,
      );
    }
    return notMet(0.7, `No helpdesk phone line found in ${pages.length} page(s).`, [
      pageEvidence(home, 'every captured page searched for a helpdesk or technical-support phone number'),
    ]);
  },
});
