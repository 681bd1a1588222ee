import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { escapeHtml } from './site-search.ts';

/**
 * A large fixture portal written by code at serve time from a short plan (`site-plan.json`): a home
 * page, sections (depth 1), hub pages (depth 2) and leaf pages (depth 3). The plan gives the
 * sections, a few named hubs and the pages that hold indicator evidence; everything else (filler
 * hubs and leaves, news) is generated deterministically from the plan's topics and seed. Evidence
 * pages are linked only from their hub, so they sit at depth 3, among filler that uses the same
 * words (news headlines that mention budgets, jobs, applying…).
 */

const PlanPageSchema = z.strictObject({
  slug: z.string().min(1),
  title: z.string().min(1),
  body: z.string(),
});
const PlanHubSchema = z.strictObject({
  slug: z.string().min(1),
  title: z.string().min(1),
  pages: z.array(PlanPageSchema),
});
export const SitePlanSchema = z.strictObject({
  name: z.string().min(1),
  language: z.string().min(2),
  seed: z.number().int(),
  tagline: z.string(),
  hubsPerSection: z.number().int().positive(),
  leavesPerHub: z.number().int().positive(),
  /** [text, absolute URL] links in the footer. */
  social: z.array(z.tuple([z.string(), z.string().url()])),
  /** PDF files under /documents/ (written as minimal PDFs). */
  documents: z.array(z.string().regex(/^[\w.-]+\.pdf$/)),
  sections: z.array(
    z.strictObject({
      slug: z.string().min(1),
      title: z.string().min(1),
      intro: z.string(),
      /** Filler pages are named after these (headlines in the news section). */
      topics: z.array(z.string().min(1)).min(1),
      hubs: z.array(PlanHubSchema),
    }),
  ),
});
export type SitePlan = z.infer<typeof SitePlanSchema>;

/** Aspects that filler pages of a topic cover ("Resident parking permits: how to apply"). */
const ASPECTS = [
  'how to apply',
  'fees and charges',
  'eligibility',
  'what happens next',
  'changes for 2027',
  'guidance notes',
  'timescales',
  'our policy',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** mulberry32: a small seeded generator, so that the same plan always gives the same site. */
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

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Leaf {
  path: string;
  title: string;
  body: string;
}
interface Hub {
  path: string;
  title: string;
  leaves: Leaf[];
}
interface Section {
  path: string;
  title: string;
  intro: string;
  hubs: Hub[];
}

/** The generated site: URL path → HTML (or PDF/SVG/CSS text), ready to write under a web root. */
export function generateSite(plan: SitePlan): Map<string, string> {
  const rand = random(plan.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const sections: Section[] = plan.sections.map((s) => {
    const news = s.slug === 'news';
    const path = `/${s.slug}/`;
    const hubs: Hub[] = s.hubs.map((h) => ({
      path: `${path}${h.slug}/`,
      title: h.title,
      leaves: h.pages.map((p) => ({ path: `${path}${h.slug}/${p.slug}.html`, title: p.title, body: p.body })),
    }));
    for (let i = 0; hubs.length < plan.hubsPerSection; i++) {
      const title = news ? `News from ${MONTHS[11 - i]} 2026` : capitalise(s.topics[i % s.topics.length]!);
      hubs.push({ path: `${path}${slugOf(title)}/`, title, leaves: [] });
    }
    hubs.forEach((hub, h) => {
      for (let i = 0; hub.leaves.length < plan.leavesPerHub; i++) {
        // News items are headlines; other pages are about a subject of their section, some of them
        // about one aspect of it ("Resident parking permits: how to apply").
        const topic = s.topics[(h * plan.leavesPerHub + i) % s.topics.length]!;
        const aspect = (h + i) % 3 === 0 ? `: ${ASPECTS[(h + i) % ASPECTS.length]}` : '';
        const title = news
          ? `${capitalise(topic)} (${i + 1} ${MONTHS[11 - (h % 12)]})`
          : `${capitalise(topic)}${aspect}`;
        hub.leaves.push({
          path: `${hub.path}${slugOf(title)}.html`,
          title,
          body: fillerBody(topic, s.title, pick, rand),
        });
      }
      shuffle(hub.leaves);
    });
    return { path, title: s.title, intro: s.intro, hubs };
  });

  const files = new Map<string, string>();
  const page = (path: string, title: string, body: string, crumbs: [string, string][]) =>
    files.set(path.endsWith('/') ? `${path}index.html` : path, layout(plan, sections, title, body, crumbs));
  const home: [string, string] = ['/', 'Home'];
  for (const section of sections) {
    page(section.path, section.title, `<p>${escapeHtml(section.intro)}</p>\n${list(section.hubs)}`, [home]);
    for (const hub of section.hubs) {
      const intro = `<p>Information and services about ${escapeHtml(hub.title.toLowerCase())}.</p>`;
      page(hub.path, hub.title, `${intro}\n${list(hub.leaves)}`, [home, [section.path, section.title]]);
      for (const leaf of hub.leaves) {
        const related = hub.leaves.filter((l) => l !== leaf && !plannedPath(plan, l.path)).slice(0, 3);
        const more = related.length ? `\n<h2>Related pages</h2>\n${list(related)}` : '';
        page(leaf.path, leaf.title, `${leaf.body}${more}`, [
          home,
          [section.path, section.title],
          [hub.path, hub.title],
        ]);
      }
    }
  }
  page('/', 'Home', homeBody(plan, sections), []);
  page(
    '/accessibility.html',
    'Accessibility statement',
    `<p>We want as many people as possible to be able to use this website. Tell us if something does not work for you.</p>`,
    [home],
  );
  page(
    '/cookies.html',
    'Cookies',
    '<p>We use essential cookies to make the website work, and no others.</p>',
    [home],
  );
  files.set('/assets/site.css', STYLE);
  files.set('/assets/organisation-chart.svg', ORG_CHART_SVG);
  for (const name of plan.documents) files.set(`/documents/${name}`, minimalPdf(name));
  return files;
}

function plannedPath(plan: SitePlan, path: string): boolean {
  return plan.sections.some((s) =>
    s.hubs.some((h) => h.pages.some((p) => path === `/${s.slug}/${h.slug}/${p.slug}.html`)),
  );
}

function fillerBody(
  topic: string,
  section: string,
  pick: <T>(list: readonly T[]) => T,
  rand: () => number,
): string {
  const days = 5 + Math.floor(rand() * 20);
  const sentences = [
    `This page explains ${topic} in the borough and what the council does about it.`,
    `Most requests about ${topic} are dealt with within ${days} working days.`,
    `If your circumstances change, tell the ${section.toLowerCase()} team as soon as you can.`,
    'Some services are provided with our partners in the voluntary sector.',
    `Information about ${topic} is reviewed every year and was last updated on ${1 + Math.floor(rand() * 28)} ${pick(MONTHS)} 2026.`,
    'You may need to give proof of your address and identity.',
  ];
  return `<p>${escapeHtml(sentences.slice(0, 3).join(' '))}</p>\n<p>${escapeHtml(sentences.slice(3).join(' '))}</p>`;
}

function list(items: { path: string; title: string }[]): string {
  return `<ul>\n${items.map((i) => `<li><a href="${i.path}">${escapeHtml(i.title)}</a></li>`).join('\n')}\n</ul>`;
}

function homeBody(plan: SitePlan, sections: Section[]): string {
  const popular = sections
    .filter((s) => s.path !== '/news/')
    .slice(0, 6)
    .map((s) => s.hubs.at(-1)!.leaves[0]!);
  const news = sections.find((s) => s.path === '/news/')?.hubs[0]?.leaves.slice(0, 5) ?? [];
  const cards = sections
    .map((s) => `<li><a href="${s.path}">${escapeHtml(s.title)}</a>: ${escapeHtml(s.intro)}</li>`)
    .join('\n');
  return `<p>${escapeHtml(plan.tagline)}</p>
<h2>Popular tasks</h2>
${list(popular)}
<h2>Latest news</h2>
${list(news)}
<h2>All services</h2>
<ul>
${cards}
</ul>`;
}

function layout(
  plan: SitePlan,
  sections: Section[],
  title: string,
  body: string,
  crumbs: [string, string][],
): string {
  const name = escapeHtml(plan.name);
  const menu = sections.map((s) => `<li><a href="${s.path}">${escapeHtml(s.title)}</a></li>`).join('');
  const trail = crumbs.length
    ? `<nav aria-label="Breadcrumb"><ol class="crumbs">${crumbs.map(([href, text]) => `<li><a href="${href}">${escapeHtml(text)}</a></li>`).join('')}</ol></nav>\n`
    : '';
  const social = plan.social.map(([text, href]) => `<a href="${href}">${escapeHtml(text)}</a>`).join(' · ');
  return `<!DOCTYPE html>
<html lang="${plan.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ${name}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="masthead"><div class="wrap"><a class="brand" href="/">${name}</a></div>
<nav class="menu" aria-label="Main menu"><ul class="wrap">${menu}</ul></nav></header>
<main id="main" class="wrap">
${trail}<h1>${escapeHtml(title)}</h1>
${body}
</main>
<footer class="footer"><div class="wrap">
<ul><li><a href="/accessibility.html">Accessibility statement</a></li><li><a href="/cookies.html">Cookies</a></li></ul>
<p>Follow us: ${social}</p>
<p>© 2026 ${name}</p>
</div></footer>
</body>
</html>
`;
}

/** A valid one-page PDF whose text is the file name. */
function minimalPdf(name: string): string {
  const text = name.replace(/[()\\]/g, '');
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

const ORG_CHART_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320">
<rect x="240" y="20" width="160" height="50" fill="#123c2f"/><text x="320" y="50" fill="#fff" font-size="14" text-anchor="middle">Chief Executive</text>
<g fill="#e8f0ec" stroke="#123c2f"><rect x="10" y="200" width="140" height="60"/><rect x="170" y="200" width="140" height="60"/><rect x="330" y="200" width="140" height="60"/><rect x="490" y="200" width="140" height="60"/></g>
<g font-size="12" text-anchor="middle"><text x="80" y="235">Adults and Health</text><text x="240" y="235">Children's Services</text><text x="400" y="235">Place</text><text x="560" y="235">Resources</text></g>
</svg>
`;

const STYLE = `*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: Arial, sans-serif; line-height: 1.6; color: #1b1b1b; background: #fff; overflow-wrap: break-word; }
a { color: #0b4f8a; }
.wrap { max-width: 68rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.masthead { background: #123c2f; }
.brand { display: inline-block; padding: .8rem 0; color: #fff; font-weight: 700; font-size: 1.3rem; text-decoration: none; }
.menu { background: #0d2c22; }
.menu ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 1.2rem; padding-top: .3rem; padding-bottom: .3rem; margin: 0 auto; }
.menu a { color: #fff; font-weight: 600; text-decoration: none; }
.crumbs { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; }
main { padding: 1rem 0 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #a9b4ae; padding: .5rem; text-align: left; }
img { max-width: 100%; height: auto; }
.form label { display: block; margin-top: 1rem; font-weight: 600; }
.form input, .form select, .form textarea { width: 100%; max-width: 36rem; padding: .5rem; font-size: 1rem; border: 2px solid #555; }
.form button { margin-top: 1rem; padding: .6rem 1.2rem; font-size: 1rem; background: #123c2f; color: #fff; border: 0; }
.footer { background: #1b1b1b; color: #fff; padding: 1.5rem 0; }
.footer a { color: #fff; }
.footer ul { list-style: none; display: flex; gap: 1.5rem; padding: 0; }
`;

/** Reads and checks a plan file. */
export async function readSitePlan(file: string): Promise<SitePlan> {
  const parsed = SitePlanSchema.safeParse(JSON.parse(await readFile(file, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${file} is invalid:\n${parsed.error.message}`);
  return parsed.data;
}

/** Writes the generated site under `root`; returns the number of HTML pages. */
export async function writeGeneratedSite(plan: SitePlan, root: string): Promise<number> {
  const files = generateSite(plan);
  let pages = 0;
  for (const [path, content] of files) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, path.endsWith('.pdf') ? 'latin1' : 'utf8');
    if (path.endsWith('.html')) pages++;
  }
  return pages;
}
