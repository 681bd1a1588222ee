import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { type ChatWidget, chatWidgetOf } from '../_shared/chat-widgets.ts';
import { elementEvidence, linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { roleFits } from '../_shared/page-role.ts';
import { isOk, okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { conceptMatcher } from '../lexicons/index.ts';

/** Links that open a messaging chat with a phone number ("click to chat"), not a channel or a share. */
const APP_CHAT = /^(whatsapp:\/\/send\?(.*&)?phone=|viber:\/\/chat\?(.*&)?number=)/i;
const WHATSAPP_CHAT =
  /^https?:\/\/(wa\.me\/\+?\d{6,}|(api\.|web\.|www\.)?whatsapp\.com\/send\/?\?(.*&)?phone=\+?\d{6,})/i;

function widgetsOf(page: PageCapture): ChatWidget[] {
  return [...page.embeds.scripts, ...page.embeds.iframes]
    .map(chatWidgetOf)
    .filter((w): w is ChatWidget => w !== null);
}

function widgetEvidence(page: PageCapture, widget: ChatWidget, note: string): Evidence {
  return elementEvidence(
    page,
    `script[src*="${widget.host}"], iframe[src*="${widget.host}"]`,
    `${widget.vendor} chat widget loaded from ${widget.host}`,
    note,
  );
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: ['liveChat'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const external = site.pages.filter((p) => p.site === 'external' && isOk(p));
    const bot = conceptMatcher('supportChatbot');

    for (const page of [...pages, ...external]) {
      const live = widgetsOf(page).find((w) => w.kind === 'live');
      if (live) {
        return met(
          0.75,
          `A live-chat widget (${live.vendor}) is embedded; an assessor confirms that staff answer.`,
          [widgetEvidence(page, live, 'live-chat widget script')],
        );
      }
    }

    for (const page of pages) {
      for (const link of page.links) {
        if (link.placeholder) continue;
        if (APP_CHAT.test(link.rawHref) || WHATSAPP_CHAT.test(link.href)) {
          return met(
            0.8,
            `A click-to-chat link opens a messaging chat with the administration: "${link.text}".`,
            [linkEvidence(page, link, 'click-to-chat link with a phone number')],
          );
        }
      }
    }

    const { matches, placeholders } = findConceptLinks([...pages], 'liveChat');
    const weak: Evidence[] = [];
    for (const m of matches.slice(0, 6)) {
      const link = linkEvidence(m.page, m.link, `live-chat link (matched "${m.term}" in its ${m.via})`);
      if (bot.test(m.link.text)) {
        weak.push({ ...link, note: 'the link names an automated assistant (indicator 270b), not staff' });
        continue;
      }
      const { page: target, ok, check } = linkTarget(site, m.link);
      if (ok && target) {
        // A news item announcing a chat is a mention; a help page that hosts it is the chat's page.
        const heading = roleFits(target, site, ['faq']) ? headingMatch(target, 'liveChat') : null;
        const widget = widgetsOf(target).find((w) => w.kind === 'live');
        if (widget)
          return met(0.8, 'A live-chat page with a chat widget is linked.', [
            link,
            widgetEvidence(target, widget, 'chat widget'),
          ]);
        if (heading && !bot.test(heading.text)) {
          return met(0.7, `A live-chat page is linked: "${heading.text}".`, [
            link,
            elementEvidence(target, heading.selector, heading.text, 'live-chat page heading'),
          ]);
        }
        weak.push(link, pageEvidence(target, 'linked page does not present a live chat'));
      } else {
        weak.push(link, ...(target ? [pageEvidence(target, check.why)] : []));
      }
    }

    const bots = pages.flatMap((page) => widgetsOf(page).map((w) => ({ page, w })));
    if (weak.length > 0 || bots.length > 0) {
      const evidence = [
        ...weak,
        ...bots.slice(0, 2).map((b) => widgetEvidence(b.page, b.w, 'automated assistant')),
      ];
      return needsReview(
        bots.length > 0 && weak.length === 0 ? 0.4 : 0.5,
        bots.length > 0 && weak.length === 0
          ? 'Only an automated chat assistant was seen; whether staff take over is not visible.'
          : 'A live-chat link exists but no chat with staff was confirmed behind it.',
        evidence.slice(0, 8),
      );
    }
    if (placeholders.length > 0) {
      return needsReview(
        0.35,
        'A live-chat link is shown but goes nowhere.',
        placeholders.slice(0, 3).map((p) => linkEvidence(p.page, p.link, 'live-chat link that goes nowhere')),
      );
    }
    return notMet(0.75, `No live chat, chat widget or click-to-chat link found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for chat widgets and chat links'),
    ]);
  },
});
