import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { type ChatWidget, chatWidgetOf } from '../_shared/chat-widgets.ts';
import { elementEvidence, linkEvidence, pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { pageText } from '../_shared/folded-captures.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { roleFits } from '../_shared/page-role.ts';
import { isOk, okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';
import { isArticleUrl } from '../_shared/topic-detector.ts';

const BOT_WORDS = 'supportChatbot';

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

/** "Virtual assistant" in a page's headings, title or visible text (not in a news item). */
function botWording(page: PageCapture): Evidence | null {
  if (isArticleUrl(page.url)) return null;
  const heading = headingMatch(page, BOT_WORDS, 6, 12);
  if (heading) return elementEvidence(page, heading.selector, heading.text, 'names a virtual assistant');
  const hit = pageText(page).find(BOT_WORDS);
  return hit
    ? textEvidence(page, snippetAround(page.text, hit.index, hit.term.length), 'names a virtual assistant')
    : null;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: [BOT_WORDS],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const all = [...pages, ...site.pages.filter((p) => p.site === 'external' && isOk(p))];

    // A chatbot platform's widget is an automated assistant by construction.
    for (const page of all) {
      const bot = widgetsOf(page).find((w) => w.kind === 'bot');
      if (bot) {
        return met(0.75, `A chatbot widget (${bot.vendor}) is embedded; an assessor confirms it answers.`, [
          widgetEvidence(page, bot, 'chatbot platform script'),
        ]);
      }
    }
    // A live-chat tool counts when the page calls it a virtual assistant.
    const chats: Evidence[] = [];
    for (const page of all) {
      const chat = widgetsOf(page)[0];
      if (!chat) continue;
      const wording = botWording(page);
      const ev = widgetEvidence(page, chat, 'chat widget script');
      if (wording) {
        return met(0.7, `A chat widget (${chat.vendor}) is presented as a virtual assistant.`, [ev, wording]);
      }
      if (chats.length < 2) chats.push(ev);
    }
    // A link named after the assistant, to a page that presents it.
    const { matches, placeholders } = findConceptLinks(pages, BOT_WORDS);
    const weak: Evidence[] = [];
    for (const m of matches.slice(0, 6)) {
      const link = linkEvidence(
        m.page,
        m.link,
        `virtual-assistant link (matched "${m.term}" in its ${m.via})`,
      );
      if (isArticleUrl(m.link.href) || m.link.text.split(/\s+/).length > 8) {
        weak.push(link);
        continue;
      }
      const { page: target, ok } = linkTarget(site, m.link);
      const heading =
        ok && target && roleFits(target, site, ['faq']) ? headingMatch(target, BOT_WORDS, 2, 12) : null;
      if (target && heading) {
        return met(0.65, `A virtual-assistant page is linked: "${heading.text}".`, [
          link,
          elementEvidence(target, heading.selector, heading.text, 'virtual-assistant page heading'),
        ]);
      }
      weak.push(link, ...(target ? [pageEvidence(target, 'linked page does not present an assistant')] : []));
    }
    if (chats.length > 0 || weak.length > 0) {
      return needsReview(
        0.45,
        chats.length > 0
          ? 'A chat widget is embedded, but nothing says it is an automated assistant.'
          : 'A virtual assistant is mentioned, but no chatbot was seen.',
        [...chats, ...weak].slice(0, 8),
      );
    }
    if (placeholders.length > 0) {
      return needsReview(
        0.35,
        'A virtual-assistant link is shown but goes nowhere.',
        placeholders.slice(0, 3).map((p) => linkEvidence(p.page, p.link, 'link that goes nowhere')),
      );
    }
    return notMet(0.75, `No chatbot widget or virtual assistant found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for chat widgets and assistant links'),
    ]);
  },
});
