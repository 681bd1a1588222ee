import type { FetchStatus } from './fetch-status.ts';
import type { TransportArtifact } from './transport.ts';

/**
 * Page captures: what the crawlers gather. Plain, serialisable data — no judgement.
 * Rules read only these (plus the site artifacts below), so they can be replayed over the store.
 */

export const REGIONS = ['header', 'nav', 'main', 'footer', 'aside', 'other'] as const;
export type Region = (typeof REGIONS)[number];

/** One step of the path the crawler followed from the home page to a page. */
export interface LinkStep {
  url: string;
  /** Text of the link that was followed to reach `url` ('' for the home page or a sitemap entry). */
  text: string;
}

export interface CapturedLink {
  /** Absolute URL after resolution against the page (fragment removed); the raw href when unresolvable. */
  href: string;
  /** The href attribute exactly as written (to recognise `#` and `javascript:` placeholders). */
  rawHref: string;
  /** Accessible text: text content, else aria-label, else img alt, else title. Whitespace collapsed. */
  text: string;
  region: Region;
  /** True when the link leaves the portal's registrable domain. */
  external: boolean;
  /** `#`, empty, or `javascript:` href: goes nowhere. */
  placeholder: boolean;
  /** A CSS selector that finds this element in the captured HTML. */
  selector: string;
  rel?: string;
}

export interface FormField {
  tag: 'input' | 'select' | 'textarea' | 'button';
  type: string;
  name: string;
  id?: string;
  /** Label text from <label for>, wrapping <label>, aria-label, aria-labelledby or placeholder. */
  label: string;
  required: boolean;
  /** For <select>: the texts of its first options ("Birth certificate", "Death certificate"…). */
  options?: string[];
}

export interface CapturedForm {
  selector: string;
  /** Absolute action URL ('' when the form has no action: it submits to the page itself or via JS). */
  action: string;
  method: 'get' | 'post' | 'dialog';
  region: Region;
  /** True when the form is, or sits in, role=search / <search>, or holds an input[type=search]. */
  isSearch: boolean;
  fields: FormField[];
  /** Text of the submit control(s). */
  submitText: string;
  /**
   * What the form is about as the page presents it: its aria-label, else the text of the nearest
   * heading before it ("Order a certificate online"), else its first <legend>. Absent when none exists.
   */
  heading?: string;
}

export interface Heading {
  level: number;
  text: string;
}

export interface PageMeta {
  /** <html lang> as written, or null. */
  htmlLang: string | null;
  viewport: string | null;
  description: string | null;
  generator: string | null;
  canonical: string | null;
  hreflang: { lang: string; href: string }[];
  feeds: { type: string; href: string; title: string }[];
}

export interface AxeNode {
  /** CSS selector (axe `target`, joined with ' >> ' across frames). */
  selector: string;
  /** Outer HTML snippet, at most 500 characters. */
  html: string;
  failureSummary?: string;
}

export interface AxeFinding {
  ruleId: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  /** axe tags (wcag2a, wcag143, …). */
  tags: string[];
  /** Total nodes affected (nodes[] keeps the first few). */
  nodeCount: number;
  nodes: AxeNode[];
}

export interface AxeSummary {
  engine: 'axe-core';
  engineVersion: string;
  tags: string[];
  violations: AxeFinding[];
  /** axe "incomplete": needs a human to review. */
  incomplete: AxeFinding[];
  passes: number;
  inapplicable: number;
}

export interface MobileCheck {
  viewportWidth: number;
  /** document.documentElement.scrollWidth at that viewport. */
  scrollWidth: number;
  horizontalScroll: boolean;
}

/**
 * What closed a cookie-consent dialog: `rejected` (the platform's opt-out steps: reject all, or
 * necessary cookies only), `hidden` (no opt-out was possible; a cosmetic rule hid the dialog), or
 * `left_open` (it could not be closed: screenshot and axe saw it).
 */
export const CONSENT_ACTIONS = ['rejected', 'hidden', 'left_open'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** A cookie-consent dialog met while rendering a page, and how it was closed before gathering. */
export interface ConsentBanner {
  /** The consent platform as the handler names it ('civic-cookie-control', 'onetrust', …). */
  cmp: string;
  action: ConsentAction;
  /** What handled it, e.g. 'autoconsent 16.23.0'. */
  handler: string;
}

/** Present only for pages loaded in the browser. */
export interface RenderCapture {
  /** Content hash of a JPEG screenshot of the first viewport (artifact), or null. */
  screenshot: string | null;
  consoleErrors: string[];
  mobile: MobileCheck | null;
  axe: AxeSummary | null;
  renderMs: number;
  /** A consent dialog was on the page (absent: none was seen, or none was looked for). */
  consent?: ConsentBanner;
  /** Speed, requests and cookies of the page load (absent in older captures). */
  performance?: PagePerformance;
}

/**
 * A rendered page's load measured in the lab: desktop viewport, no network or CPU throttling. Core
 * Web Vitals as the browser reports them (LCP, CLS; TBT as the lab stand-in for INP), and what the
 * load asked of the network. The vitals are read once the load has settled, before a consent
 * dialog is closed and before our own scripts (axe) run; requests and cookies right after the
 * dialog was closed. Third parties are hosts and cookie domains outside the registrable domain of
 * the page's document (for a portal page, the portal's; an IP address or `localhost` counts as a
 * domain of its own).
 */
export interface PagePerformance {
  /** responseStart of the navigation, ms. */
  ttfbMs: number | null;
  /** Largest Contentful Paint, ms (null when the browser reported none). */
  lcpMs: number | null;
  /** CSS selector of the LCP element, when it is still in the DOM. */
  lcpElement: string | null;
  /** Cumulative Layout Shift (shifts without recent input, summed in session windows as web-vitals does). */
  cls: number;
  /** Total Blocking Time between first contentful paint and the end of the measurement, ms. */
  tbtMs: number;
  /** Requests the page made (document included) and the bytes they transferred. */
  requests: number;
  transferBytes: number;
  /** Requests to hosts outside the portal's registrable domain, by host (most requests first, ≤ 50). */
  thirdParty: ThirdPartyHost[];
  /** `http:` subresources of an `https:` page (≤ 20); `active` for scripts, styles, frames, fetches. */
  mixedContent: { url: string; resourceType: string; active: boolean }[];
  /** Cookies present after the load (and after any consent dialog was closed), ≤ 50. */
  cookies: PageCookie[];
}

export interface ThirdPartyHost {
  host: string;
  requests: number;
  bytes: number;
}

export interface PageCookie {
  name: string;
  domain: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax' | 'None' | null;
  /** Set for a domain outside the portal's registrable domain. */
  thirdParty: boolean;
  /** Expires more than a session: days until it expires (null for a session cookie). */
  expiresInDays: number | null;
}

/**
 * How a view drawn by script was found: a route the page itself pushed (`history`: pushState or
 * replaceState; `hash`: a hash change), a URL written on a menu element that is not a link
 * (`url-attribute`: data-href, routerlink, an onclick assigning location…), or the route a click
 * on a role=link/menuitem/tab element led to (`click`).
 */
export const VIEW_SOURCES = ['history', 'hash', 'url-attribute', 'click'] as const;
export type ViewSource = (typeof VIEW_SOURCES)[number];

/** A navigation target of a script-drawn page that is not an `<a href>` (those are in `links`). */
export interface ViewLink {
  /** Absolute URL; hash routes keep their `#/…` fragment. */
  url: string;
  /** Text of the element that leads there ('' for a route the page pushed by itself). */
  text: string;
  via: ViewSource;
  /** A CSS selector of the element in the captured HTML (url-attribute and click views). */
  selector?: string;
}

export interface PageCapture {
  /** Normalised URL the crawler requested. */
  url: string;
  finalUrl: string;
  redirects: string[];
  status: FetchStatus;
  /** HTTP status code, null when no response arrived. */
  httpStatus: number | null;
  /** Human-readable detail for non-ok statuses. */
  error?: string;
  headers: Record<string, string>;
  contentType: string | null;
  /** Response body size in bytes (as received, capped). */
  bytes: number;
  fetchedAt: string;
  fetchMs: number;
  /** 'portal' for pages inside the target's registrable domain; 'external' for one-hop outbound pages. */
  site: 'portal' | 'external';
  depth: number;
  linkPath: LinkStep[];
  /** Content hash of the stored HTML artifact (the rendered DOM when rendered), or null. */
  htmlHash: string | null;
  title: string;
  /** Visible text, whitespace collapsed, capped at 32,000 characters. */
  text: string;
  lang: { declared: string | null; detected: string | null };
  headings: Heading[];
  links: CapturedLink[];
  forms: CapturedForm[];
  meta: PageMeta;
  /** Hosts of external scripts and iframes (chat widgets, social embeds, participation platforms). */
  embeds: { scripts: string[]; iframes: string[] };
  rendered: boolean;
  render?: RenderCapture;
  /** Views of a script-drawn page found in the live DOM (rendered pages; absent when none). */
  views?: ViewLink[];
  /**
   * Why the page was fetched: absent for pages the crawl visited; `link-check` for the target of a
   * link that looks like indicator evidence and that the crawl did not reach, fetched afterwards
   * only to learn whether it resolves to content (its own links were not followed).
   */
  fetchedFor?: 'link-check';
}

/** Site-level artifacts, one of each kind per run. */
export interface RobotsArtifact {
  url: string;
  httpStatus: number | null;
  found: boolean;
  sitemaps: string[];
  /** True when our user agent may not fetch the home page. */
  homeDisallowed: boolean;
}

export interface SitemapArtifact {
  /** sitemap.xml URLs tried (from robots.txt and /sitemap.xml), with their outcome. */
  xml: { url: string; httpStatus: number | null; urlCount: number }[];
  /** Total page URLs listed in the XML sitemaps (after following sitemap indexes, capped). */
  urlCount: number;
}

export interface SearchProbeResult {
  query: string;
  /** URL of the results page (after submission and redirects). */
  resultsUrl: string;
  status: FetchStatus;
  httpStatus: number | null;
  title: string;
  /** Visible text length of the results page's main region (or body). */
  textLength: number;
  /** How many times the query word appears in the results page's visible text (accent/case-insensitive). */
  queryOccurrences: number;
  /** Same-site links in the results page's main region (or body). */
  mainLinkCount: number;
  /** Up to 500 characters of the results text around the first occurrence of the query. */
  snippet: string;
  screenshot?: string | null;
  /** Why the probe failed (input not found, navigation error…), when it did. */
  error?: string;
  /** Ways to refine the results offered on the results page (absent in older captures). */
  refinements?: SearchRefinements;
}

/**
 * What a results page offers to refine a search, gathered without judging: forms outside the page
 * header, navigation and footer (filters, sorting, date ranges, an advanced-search form), and links
 * in the content that repeat the query with other parameters (facets, sort orders, pages).
 */
export interface SearchRefinements {
  /** At most 5 forms with at least one field a person fills in or picks. */
  forms: CapturedForm[];
  /** At most 20 same-site links outside header/nav/footer whose query string carries the query word. */
  queryLinks: { text: string; href: string; region: Region }[];
}

export interface SearchProbeArtifact {
  /** Page the search form was found on. */
  pageUrl: string;
  formSelector: string;
  inputName: string;
  via: 'http' | 'browser';
  /** A word taken from the portal's own text: should find something. */
  real: SearchProbeResult;
  /** A nonsense word: should find nothing. Lets a rule tell a working search from an echo page. */
  nonsense: SearchProbeResult;
}

export interface MarkupMessage {
  type: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  extract?: string;
}

export interface MarkupValidationArtifact {
  validator: 'vnu';
  version: string | null;
  /** False when the checker could not run (no Java, …): rules then say not assessable. */
  available: boolean;
  reason?: string;
  pages: { url: string; errors: number; warnings: number; messages: MarkupMessage[] }[];
}

/** The markup artifact of a site whose pages the checker could not check, and why. */
export function unavailableMarkup(reason: string): MarkupValidationArtifact {
  return { validator: 'vnu', version: null, available: false, reason, pages: [] };
}

/**
 * The portal's home page loaded once more at a phone's width (360 px, touch, a fresh context with an
 * empty cache): its speed on a phone. Only the load is measured (no axe, no screenshot).
 */
export interface MobileSpeedArtifact {
  url: string;
  viewport: { width: number; height: number };
  status: FetchStatus;
  error?: string;
  /** Null when the page did not load or could not be measured. */
  performance: PagePerformance | null;
}

export interface SiteArtifacts {
  transport?: TransportArtifact;
  mobileSpeed?: MobileSpeedArtifact;
  robots?: RobotsArtifact;
  sitemap?: SitemapArtifact;
  searchProbe?: SearchProbeArtifact;
  markupValidation?: MarkupValidationArtifact;
}

export type SiteArtifactKind = keyof SiteArtifacts;

/** Every kind of site artifact, at run time (the engine guards the ones a detector did not declare). */
export const SITE_ARTIFACT_KINDS = [
  'transport',
  'mobileSpeed',
  'robots',
  'sitemap',
  'searchProbe',
  'markupValidation',
] as const satisfies readonly SiteArtifactKind[];
// Fails to compile when SiteArtifacts gains a kind this list lacks.
const everyArtifactKindListed: Exclude<SiteArtifactKind, (typeof SITE_ARTIFACT_KINDS)[number]> extends never
  ? true
  : never = true;
void everyArtifactKindListed;
