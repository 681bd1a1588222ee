/**
 * A generated city portal of N pages for the benchmark: 30–100 KB of HTML per page with a header,
 * a search form, a mega-menu, breadcrumbs, articles, tables, images, forms and a footer; a shared
 * stylesheet, script, web font and photos; robots.txt and sitemap.xml; a search results page. Some
 * pages carry WCAG problems (missing alt, low contrast, unlabelled inputs, empty links and buttons),
 * as real portals do. Everything is deterministic: page i is the same in every run.
 */

export const SECTIONS = [
  ['permits', 'Permits and licences'],
  ['taxes', 'Taxes and payments'],
  ['waste', 'Waste and recycling'],
  ['transport', 'Transport and parking'],
  ['housing', 'Housing'],
  ['health', 'Health and social care'],
  ['education', 'Schools and education'],
  ['culture', 'Culture and sport'],
  ['business', 'Business and jobs'],
  ['council', 'Council and democracy'],
] as const;

const TOPICS = [
  'application',
  'renewal',
  'opening hours',
  'fees',
  'appointments',
  'eligibility',
  'documents needed',
  'contact points',
  'online form',
  'frequently asked questions',
  'annual report',
  'public consultation',
];

const WORDS = (
  'the city council residents service office online request application form document permit ' +
  'payment tax fee deadline appointment district neighbourhood street park library school health ' +
  'support family children older people housing rent transport bus parking bicycle waste recycling ' +
  'collection street lighting planning building licence business market event culture sport museum ' +
  'budget meeting decision committee mayor information update opening hours telephone email visit ' +
  'register renew apply check status receive notice annual report data statistics consultation'
).split(' ');

export const PHOTO_VARIANTS = 6;
const MIN_KB = 30;
const SPAN_KB = 66;

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sectionOf(i: number): (typeof SECTIONS)[number] {
  return SECTIONS[(i - 1) % SECTIONS.length]!;
}

function titleOf(i: number): string {
  if (i === 0) return 'Home';
  const topic = TOPICS[Math.floor((i - 1) / SECTIONS.length) % TOPICS.length]!;
  return `${sectionOf(i)[1]}: ${topic} (${i})`;
}

/** Path of page i; page 0 is the home page. */
export function pagePath(i: number): string {
  if (i === 0) return '/';
  const topic = TOPICS[Math.floor((i - 1) / SECTIONS.length) % TOPICS.length]!;
  return `/${sectionOf(i)[0]}/${slug(topic)}-${i}.html`;
}

/** Page index of a path, or null. */
export function pageIndexOf(path: string): number | null {
  if (path === '/' || path === '/index.html') return 0;
  const m = /-(\d+)\.html$/.exec(path);
  return m ? Number(m[1]) : null;
}

/** Target size of page i's HTML, 30–100 KB, spread over the pages. */
export function targetBytes(i: number): number {
  return (MIN_KB + ((i * 7919) % (SPAN_KB + 1))) * 1024;
}

function sentence(next: () => number): string {
  const n = 9 + Math.floor(next() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 3 + Math.floor(next() * 4) }, () => sentence(next)).join(' ');
}

/** Index of an existing page for a fixed link (contact, privacy…): page `want`, or one that exists. */
function linked(want: number, pages: number): number {
  return pages > 1 ? want % pages || 1 : 0;
}

function megaMenu(pages: number): string {
  const columns = SECTIONS.map(([key, name], s) => {
    const items: string[] = [];
    for (let i = s + 1; i < pages && items.length < 8; i += SECTIONS.length) {
      items.push(`<li><a href="${pagePath(i)}">${escapeHtml(titleOf(i).split(': ')[1] ?? '')}</a></li>`);
    }
    const first = s + 1 < pages ? pagePath(s + 1) : '/';
    return `<li class="menu-col menu-${key}"><a class="menu-head" href="${first}">${name}</a><ul>${items.join('')}</ul></li>`;
  });
  return `<nav class="main-nav" aria-label="Main menu"><ul class="menu">${columns.join('')}</ul></nav>`;
}

function header(pages: number, site: string): string {
  return `<a class="skip-link" href="#content">Skip to main content</a>
<header class="site-header"><div class="brand"><a href="/"><img src="/assets/logo.svg" alt="${site} home" width="160" height="48"></a></div>
<form class="site-search" role="search" action="/search" method="get"><label for="site-q" class="visually-hidden">Search the site</label><input id="site-q" name="q" type="search" placeholder="Search"><button type="submit">Search</button></form>
<ul class="top-links"><li><a href="${pagePath(linked(70, pages))}">Contact us</a></li><li><a href="${pagePath(linked(20, pages))}">Accessibility</a></li></ul>
${megaMenu(pages)}</header>`;
}

function footer(pages: number, site: string): string {
  return `<footer class="site-footer"><div class="footer-cols">
<section><h2>Contact</h2><p>${site} City Hall, 1 Market Square, 4100 ${site}<br>Telephone <a href="tel:+3210000000">+32 1 000 00 00</a><br><a href="mailto:info@city.invalid">info@city.invalid</a></p><p>Open Monday to Friday, 8:30 to 17:00.</p></section>
<section><h2>About this site</h2><ul><li><a href="${pagePath(linked(30, pages))}">Privacy policy</a></li><li><a href="${pagePath(linked(20, pages))}">Accessibility statement</a></li><li><a href="${pagePath(linked(40, pages))}">Terms of use</a></li></ul></section>
<section><h2>Follow us</h2><ul class="social"><li><a href="https://social.invalid/${slug(site)}">Social network</a></li><li><a href="https://video.invalid/${slug(site)}">Video channel</a></li></ul></section>
</div><p class="copyright">© ${site} City Council</p></footer>`;
}

function table(next: () => number, i: number, withHeaders: boolean): string {
  const rows = Array.from({ length: 6 + Math.floor(next() * 8) }, (_, r) => {
    const cells = [`District ${r + 1}`, `${Math.floor(next() * 900 + 100)}`, `${(next() * 60).toFixed(1)} €`];
    return `<tr>${withHeaders ? `<th scope="row">${cells[0]}</th>` : `<td>${cells[0]}</td>`}<td>${cells[1]}</td><td>${cells[2]}</td></tr>`;
  }).join('');
  const head = withHeaders
    ? '<thead><tr><th scope="col">District</th><th scope="col">Requests</th><th scope="col">Average fee</th></tr></thead>'
    : '<tr><td>District</td><td>Requests</td><td>Average fee</td></tr>';
  const caption = withHeaders ? `<caption>Requests by district, page ${i}</caption>` : '';
  return `<table class="data">${caption}${head}<tbody>${rows}</tbody></table>`;
}

function contactForm(i: number, unlabelled: boolean): string {
  const phone = unlabelled
    ? '<input type="tel" name="phone" placeholder="">' // WCAG 1.3.1/4.1.2: no label
    : `<label for="phone-${i}">Telephone</label><input id="phone-${i}" type="tel" name="phone" autocomplete="tel">`;
  return `<form class="contact-form" action="/contact" method="post"><h2>Ask a question</h2>
<label for="name-${i}">Your name</label><input id="name-${i}" name="name" autocomplete="name" required>
<label for="email-${i}">Email</label><input id="email-${i}" type="email" name="email" autocomplete="email" required>
${phone}
<label for="topic-${i}">Topic</label><select id="topic-${i}" name="topic">${SECTIONS.map(([k, n]) => `<option value="${k}">${n}</option>`).join('')}</select>
<label for="msg-${i}">Message</label><textarea id="msg-${i}" name="message" rows="4"></textarea>
<label><input type="checkbox" name="consent" required> I agree to the privacy policy</label>
<button type="submit">Send</button></form>`;
}

/** Sections of body text, tables, images and forms until the page reaches its target size. */
function mainContent(i: number, pages: number, budget: number): string {
  const next = random(i + 1);
  const parts: string[] = [];
  let size = 0;
  const add = (html: string) => {
    parts.push(html);
    size += html.length;
  };
  const missingAlt = i % 3 === 1;
  add(
    `<figure><img src="/assets/photo-${i % PHOTO_VARIANTS}.png" ${missingAlt ? '' : `alt="${escapeHtml(titleOf(i))} illustration" `}width="480" height="270"><figcaption>${escapeHtml(sentence(next))}</figcaption></figure>`,
  );
  // Low-contrast note on every page: a colour-contrast violation.
  add(
    `<p class="note" style="color:#a8a8a8;background:#ffffff">Last updated ${1 + (i % 28)} March 2026.</p>`,
  );
  if (i % 5 === 2)
    add(`<a class="icon-link" href="${pagePath(linked(i + 1, pages))}"><span class="icon-print"></span></a>`);
  if (i % 6 === 3) add('<button class="icon-button" type="button"><span class="icon-share"></span></button>');
  let section = 0;
  while (size < budget) {
    section++;
    const related = Array.from({ length: 6 }, (_, k) => {
      const target = (i + section * 7 + k * 3 + 1) % pages;
      return `<li><a href="${pagePath(target)}">${escapeHtml(titleOf(target))}</a></li>`;
    }).join('');
    add(
      `<section class="block"><h2>${escapeHtml(sentence(next).slice(0, 60))}</h2><p>${paragraph(next)}</p><p>${paragraph(next)}</p>` +
        `<ul class="facts"><li>${sentence(next)}</li><li>${sentence(next)}</li><li>${sentence(next)}</li></ul>` +
        `<h3>Related pages</h3><ul class="related">${related}</ul></section>`,
    );
    if (section % 4 === 1) add(table(next, i, section % 8 !== 5));
    if (section % 5 === 2) {
      add(
        `<img class="thumb" src="/assets/photo-${(i + section) % PHOTO_VARIANTS}.png" alt="${escapeHtml(sentence(next).slice(0, 80))}" width="240" height="135" loading="lazy">`,
      );
    }
    if (section === 3) add(contactForm(i, i % 4 === 2));
  }
  return parts.join('\n');
}

export interface SitePage {
  path: string;
  html: string;
}

/** The HTML of page i of a site of `pages` pages. */
export function pageHtml(i: number, pages: number, site = 'Benchford'): string {
  const title = titleOf(i);
  const crumbs =
    i === 0
      ? ''
      : `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="${pagePath(((i - 1) % SECTIONS.length) + 1)}">${sectionOf(i)[1]}</a></li><li aria-current="page">${escapeHtml(title)}</li></ol></nav>`;
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – City of ${site}</title>
<meta name="description" content="Official portal of the City of ${site}: ${escapeHtml(title)}.">
<link rel="canonical" href="${pagePath(i)}">
<link rel="alternate" type="application/rss+xml" title="News" href="/news.rss">
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/app.js" defer></script></head><body>`;
  const shell = `${head}${header(pages, site)}${crumbs}<main id="content"><h1>${escapeHtml(title)}</h1>`;
  const tail = `<div id="news" class="news"></div></main>${footer(pages, site)}</body></html>`;
  const budget = Math.max(0, targetBytes(i) - shell.length - tail.length);
  return `${shell}${mainContent(i, pages, budget)}${tail}`;
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`;
}

export function sitemapXml(origin: string, pages: number): string {
  const urls = Array.from({ length: pages }, (_, i) => `<url><loc>${origin}${pagePath(i)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
}

export function searchResultsHtml(query: string, pages: number): string {
  const q = escapeHtml(query.slice(0, 100));
  const hits = Array.from({ length: Math.min(10, pages) }, (_, k) => {
    const i = (k * 7 + 1) % pages;
    return `<li><a href="${pagePath(i)}">${escapeHtml(titleOf(i))}</a><p>… ${q} …</p></li>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search results for ${q}</title>
<link rel="stylesheet" href="/assets/site.css"></head><body><main id="content"><h1>Search results for “${q}”</h1>
<ol class="results">${hits}</ol></main></body></html>`;
}

export const SITE_CSS = `@font-face{font-family:Portal;src:url(/assets/fonts/portal.woff2) format("woff2");font-display:swap}
*{box-sizing:border-box}body{font-family:Portal,Arial,sans-serif;margin:0;color:#1d1d1d;line-height:1.5}
.skip-link{position:absolute;left:-999px}.skip-link:focus{left:1rem;top:1rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.site-header{background:#0b3d5c;color:#fff;padding:1rem 2rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.site-header a{color:#fff}.top-links{display:flex;gap:1rem;list-style:none}
.menu{display:grid;grid-template-columns:repeat(5,1fr);gap:1rem;list-style:none;padding:0}
.menu ul{list-style:none;padding:0;font-size:.9rem}.menu-head{font-weight:bold}
.breadcrumbs ol{display:flex;gap:.5rem;list-style:none;padding:.5rem 2rem}
main{max-width:1100px;margin:0 auto;padding:1rem 2rem}figure{margin:0}img{max-width:100%;height:auto}
.block{border-top:1px solid #ddd;padding:1rem 0}.related{columns:2}.note{font-size:.85rem}
table.data{border-collapse:collapse;width:100%;margin:1rem 0}table.data td,table.data th{border:1px solid #ccc;padding:.3rem .6rem}
.contact-form{display:grid;gap:.4rem;max-width:520px;background:#f4f6f8;padding:1rem}
.icon-print,.icon-share{display:inline-block;width:24px;height:24px;background:#0b3d5c}
.site-footer{background:#222;color:#eee;padding:2rem}.site-footer a{color:#9cd3ff}.footer-cols{display:flex;gap:3rem;flex-wrap:wrap}
.cookie{position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:2px solid #0b3d5c;padding:1rem}
@media (max-width:700px){.menu{grid-template-columns:1fr}.related{columns:1}.site-header{padding:.5rem}}
${Array.from({ length: 300 }, (_, k) => `.u${k}{margin:${k % 9}px ${k % 5}px;padding:${k % 7}px}`).join('\n')}`;

/** Adds a cookie banner and loads the news list over fetch, as many portals' scripts do. */
export const APP_JS = `document.addEventListener('DOMContentLoaded', function () {
  var banner = document.createElement('div');
  banner.className = 'cookie';
  banner.innerHTML = '<p>This site uses cookies to measure its use.</p><button type="button">Accept</button>';
  document.body.appendChild(banner);
  fetch('/api/news.json').then(function (r) { return r.json(); }).then(function (items) {
    var list = document.getElementById('news');
    if (!list) return;
    list.innerHTML = '<h2>News</h2><ul>' + items.map(function (n) {
      return '<li><a href="' + n.href + '">' + n.title + '</a></li>';
    }).join('') + '</ul>';
  }).catch(function () {});
});`;

export function newsJson(pages: number): string {
  return JSON.stringify(
    Array.from({ length: Math.min(5, pages) }, (_, k) => ({
      href: pagePath((k * 3 + 2) % pages),
      title: `City news item ${k + 1}`,
    })),
  );
}

export const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48" viewBox="0 0 160 48"><rect width="160" height="48" fill="#0b3d5c"/><path d="M12 36V14l10-6 10 6v22z" fill="#fff"/><text x="44" y="31" font-size="16" fill="#fff" font-family="Arial">City portal</text></svg>';
