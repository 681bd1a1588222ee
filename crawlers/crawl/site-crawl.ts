import {
  type CrawlEnd,
  type CrawlProgress,
  type FetchStatus,
  type MarkupValidationArtifact,
  type StopReason,
  trace,
  traced,
  unavailableMarkup,
} from '../../src/core/index.ts';
import type { FetchOutcome, HttpFetchOptions } from '../contracts.ts';
import { extractPage } from '../extract/extract-page.ts';
import { Frontier, type FrontierEntry } from '../frontier/frontier.ts';
import { hostOf, normalizeUrl } from '../frontier/normalize-url.ts';
import { RobotsCache, type RobotsPolicy, robotsArtifact } from '../frontier/robots.ts';
import { isSameSite } from '../frontier/scope.ts';
import { httpFetch } from '../http/http-fetcher.ts';
import { PUBLIC_ONLY } from '../net/network-policy.ts';
import { firstHopToHttps } from '../transport/transport-hosts.ts';
import { CrawlOutput } from './crawl-output.ts';
import { discoverFromHome, type HomeDiscovery } from './home-discovery.ts';
import { HostHealth } from './host-health.ts';
import { EvidenceLinks } from './link-check.ts';
import { checkLinksAfterCrawl } from './link-check-run.ts';
import { enqueueLinks } from './link-intake.ts';
import { crawlLoads } from './load-contexts.ts';
import { type LoadedPage, loadPage, type PageLoadContext } from './load-page.ts';
import { measurePhoneSpeed, notLoadedAsPhone } from './mobile-speed-step.ts';
import { CRAWL_DEFAULTS, type CrawlCheckpoint, type CrawlSiteOptions } from './options.ts';
import { type BuiltPage, blockedByRobotsOutcome, buildPageCapture } from './page-capture.ts';
import { runPool } from './run-pool.ts';
import { probeSearch } from './search-probe.ts';
import { SoftNotFoundCheck } from './soft-404.ts';
import { isEmptyShell, isScriptDrawn } from './spa.ts';
import { siteTransport } from './transport-step.ts';
import { ValidationSample } from './validation-sample.ts';
import { Watchdog } from './watchdog.ts';

type Site = 'portal' | 'external';

/** One crawl of one site; see crawlSite() for the flow. */
export class SiteCrawl {
  private readonly homeUrl: string;
  private finalHomeUrl: string | null = null;
  private startedAt = new Date().toISOString();
  private readonly startedMs = Date.now();
  private spa = false;
  /** The home page's text as served, before scripts (unknown after a resume). */
  private servedHomeText: string | null = null;
  /** Whether http://host/, when that is the home URL, redirected to https at its first hop. */
  private homeRedirectsToHttps: boolean | null = null;
  private timeUp = false;
  private readonly notes: string[] = [];
  private statuses: Partial<Record<FetchStatus, number>> = {};
  private portal: Frontier;
  private external: Frontier;
  private readonly robots: RobotsCache;
  /** See CrawlLoads. */
  private readonly load: PageLoadContext;
  private readonly appLoad: PageLoadContext;
  private readonly bareLoad: PageLoadContext;
  private softNotFound = new SoftNotFoundCheck();
  private readonly evidenceLinks: EvidenceLinks;
  private readonly http: HttpFetchOptions;
  private readonly sample = new ValidationSample(CRAWL_DEFAULTS.validationPages);
  /** The markup validation, once started (see record). */
  private validation: Promise<MarkupValidationArtifact | null> | null = null;
  private readonly watchdog: Watchdog;
  private readonly hostHealth = new HostHealth();
  /** Why the browser could not load the home page, when it could not (it is not loaded again as a phone). */
  private homeRenderFailure: string | null = null;
  /** The caller's abort signal or the watchdog's, whichever fires first. */
  private readonly signal: AbortSignal;
  private readonly output: CrawlOutput;
  /** The search probe, running alongside the first pages (see crawlHome). */
  private searchRecording: Promise<{ error: unknown } | null> | null = null;
  private searchProbed = false;

  constructor(private readonly opts: CrawlSiteOptions) {
    const home = normalizeUrl(opts.url);
    if (!home) throw new TypeError(`crawlSite needs an http(s) URL, got "${opts.url}"`);
    if (opts.render === 'all' && !opts.renderer) throw new TypeError("render 'all' needs a renderer");
    this.homeUrl = home;
    const timeoutMs = opts.pageTimeoutMs ?? CRAWL_DEFAULTS.pageTimeoutMs;
    this.watchdog = new Watchdog(
      opts.stallTimeoutMs ?? Math.max(CRAWL_DEFAULTS.minStallTimeoutMs, 4 * timeoutMs),
    );
    this.signal = opts.signal ? AbortSignal.any([opts.signal, this.watchdog.signal]) : this.watchdog.signal;
    this.output = new CrawlOutput(opts.runId, opts.sink, this.watchdog, opts.onCheckpoint);
    const loads = crawlLoads(opts, this.signal);
    this.http = loads.http;
    this.load = loads.page;
    this.appLoad = loads.app;
    this.bareLoad = loads.bare;
    this.evidenceLinks = new EvidenceLinks(opts.linkHints);
    this.robots = new RobotsCache(this.http, this.load.limiter);
    const { maxPages, maxDepth } = opts.budget;
    this.portal = new Frontier({ maxPages, maxDepth });
    this.external = this.externalFrontier();
    if (!opts.renderer && opts.render === 'auto') this.notes.push('No browser: crawled over HTTP only.');
  }

  private externalFrontier(checkpoint?: CrawlCheckpoint['external']): Frontier {
    const options = {
      maxPages: this.opts.maxExternalPages ?? CRAWL_DEFAULTS.maxExternalPages,
      maxDepth: this.opts.budget.maxDepth + 1,
    };
    return checkpoint ? Frontier.restore(checkpoint, options) : new Frontier(options);
  }

  readonly isSameSite = (url: string): boolean =>
    isSameSite(url, this.homeUrl) || (this.finalHomeUrl !== null && isSameSite(url, this.finalHomeUrl));

  /** Crawls the site; ends as 'stalled' when the watchdog sees no progress, whatever is still running. */
  async run(): Promise<CrawlEnd> {
    try {
      return await Promise.race([this.crawl(), this.watchdog.stalled.then(() => this.finishStalled())]);
    } finally {
      this.watchdog.stop();
    }
  }

  private finishStalled(): Promise<CrawlEnd> {
    const seconds = Math.round(this.watchdog.windowMs / 1000);
    return this.finish(
      'stalled',
      (this.statuses.ok ?? 0) > 0 ? 'ok' : 'timeout',
      `Nothing was captured for ${seconds} s, so the crawl was ended with the pages captured so far.`,
    );
  }

  private async crawl(): Promise<CrawlEnd> {
    this.progress('discover', this.homeUrl);
    // The browser starts while robots.txt and the home page are fetched over HTTP.
    if (!this.opts.resume && this.opts.render !== 'none')
      this.opts.renderer?.warmUp?.(this.homeUrl, this.appLoad.renderOptions);
    const robots = await traced('crawl: robots.txt', () => this.robots.policyFor(this.homeUrl));
    await this.output.artifact('robots', robotsArtifact(robots, this.homeUrl));
    if (this.opts.resume) {
      this.restore(this.opts.resume);
      if (!this.searchProbed) this.recordWhenDone(this.probeSearchAgain());
    } else {
      const end = await traced('crawl: home', () => this.crawlHome(robots));
      if (end) return end;
    }
    trace('crawl: pages …');
    await runPool(Math.max(1, this.opts.concurrency ?? CRAWL_DEFAULTS.concurrency), () => {
      if (this.shouldStop()) return null;
      const external = this.external.next();
      if (external) return () => this.crawlEntry(external, 'external');
      const entry = this.portal.next();
      return entry ? () => this.crawlEntry(entry, 'portal') : null;
    });
    trace('crawl: pages done');
    await this.output.checkpointsSaved;
    // The Nu checker (a JVM: seconds to start) reads the sample taken from the pages, which the link
    // checks do not add to: it started once the sample was settled, or starts now, and runs beside
    // them. The search probe (started beside the pages), the transport check (sockets) and the phone
    // load (the browser) end beside them too.
    const validation = this.signal.aborted ? null : (this.validation ?? this.startMarkupValidation());
    await Promise.all([
      traced('crawl: search probe (started beside the pages)', () => this.searchProbeRecorded()),
      traced('crawl: link checks', () => this.checkLinks()),
      traced('crawl: transport (beside the link checks)', () => this.checkTransport()),
      traced('crawl: phone load of the home page (beside the link checks)', () => this.measurePhoneSpeed()),
    ]);
    await this.output.checkpointsSaved;
    const stopReason = this.stopReason();
    if (stopReason !== 'interrupted') {
      await traced('crawl: markup validation (ran beside the pages and link checks)', () =>
        this.recordMarkupValidation(validation),
      );
    }
    return this.finish(stopReason, 'ok');
  }

  private restore(cp: CrawlCheckpoint): void {
    const { maxPages, maxDepth } = this.opts.budget;
    this.portal = Frontier.restore(cp.portal, { maxPages, maxDepth });
    this.external = this.externalFrontier(cp.external);
    this.startedAt = cp.startedAt;
    this.finalHomeUrl = cp.finalHomeUrl;
    this.spa = cp.spa;
    this.homeRedirectsToHttps = cp.homeRedirectsToHttps ?? null;
    this.statuses = { ...cp.statuses };
    this.sample.restore(cp.validationUrls);
    this.evidenceLinks.restore(cp.evidenceLinks ?? []);
    this.softNotFound = SoftNotFoundCheck.restore(cp.notFound);
    this.searchProbed = cp.searchProbed ?? true;
    if (cp.message) this.notes.splice(0, this.notes.length, cp.message);
  }

  /** Home page by HTTP (SPA detection), then rendered; sitemap and search probe. Ends the crawl on failure. */
  private async crawlHome(robots: RobotsPolicy): Promise<CrawlEnd | null> {
    const home = this.homeUrl;
    this.portal.add({
      url: home,
      depth: 0,
      linkPath: [{ url: home, text: '' }],
      priority: 1e9,
      hintScore: 0,
    });
    const entry = this.portal.next()!;
    if (!robots.isAllowed(home)) {
      await this.record(
        entry,
        'portal',
        this.build(entry, 'portal', blockedByRobotsOutcome(home), null),
        false,
      );
      return this.finish(
        'unreachable',
        'blocked_by_robots',
        'robots.txt disallows the home page for portal-audit',
      );
    }
    this.progress('crawl', home);
    const raw = await traced('crawl: home fetch', () =>
      this.load.limiter.run(hostOf(home), () => httpFetch(home, this.http)),
    );
    if (this.signal.aborted) return this.finish('interrupted', 'error', 'Interrupted before the home page');
    if (raw.status !== 'ok' || raw.html === null) {
      await this.record(entry, 'portal', this.build(entry, 'portal', raw, null), true);
      return this.finish('unreachable', raw.status, raw.error);
    }
    this.finalHomeUrl = raw.finalUrl;
    this.homeRedirectsToHttps = firstHopToHttps(home, raw.redirects, raw.finalUrl);
    const served = extractPage(raw.html, raw.finalUrl, { isSameSite: this.isSameSite });
    this.servedHomeText = served.text;
    if (isEmptyShell(raw.html, served)) {
      if (this.opts.render !== 'none' && this.opts.renderer) this.spa = true;
      else if (this.opts.render === 'auto')
        this.notes.push('The home page is an empty JS shell and no browser ran.');
    }
    let loaded: LoadedPage = { outcome: raw, rendered: null };
    if (this.shouldRender(entry, 'portal')) {
      this.progress('render', home);
      // Views are looked for on the home page of every site: they tell a site drawn by script.
      const rendered = await traced('crawl: home render', () => loadPage(home, true, this.appLoad));
      if (rendered.rendered && rendered.outcome.status === 'ok') loaded = rendered;
      else {
        this.homeRenderFailure = rendered.renderFailure ?? rendered.outcome.status;
        this.notes.push(`Home page render failed (${this.homeRenderFailure}).`);
      }
    }
    const built = this.build(entry, 'portal', loaded.outcome, loaded);
    this.softNotFound.setHome(built.capture.text);
    if (!this.spa && built.capture.rendered && isScriptDrawn(served, built.capture)) {
      this.spa = true;
      this.notes.push('The home page is drawn by script: every page was rendered.');
    }
    // The validator gets the served markup of the home page, not the browser's DOM.
    await this.record(entry, 'portal', built, true, raw.html);
    if (this.signal.aborted) return null;
    const homeHtml = loaded.outcome.html ?? raw.html;
    const found = await traced('crawl: sitemap + soft-404 probe', () =>
      discoverFromHome({
        homeUrl: home,
        finalUrl: raw.finalUrl,
        home: built.capture,
        homeHtml,
        app: this.spa,
        robots: this.robots,
        portal: this.portal,
        linkHints: this.opts.linkHints,
        isSameSite: this.isSameSite,
        load: this.load,
        bareLoad: this.bareLoad,
        softNotFound: this.softNotFound,
        progress: (phase) => this.progress(phase, home),
      }),
    );
    await this.output.artifact('sitemap', found.sitemap);
    this.recordWhenDone(found.searchProbe);
    await this.checkpoint();
    return null;
  }

  /**
   * Records the search probe as soon as it is done, between pages, and then a checkpoint that says
   * so (a crawl resumed from an earlier one probes again). Nothing is recorded after a stall ended
   * the crawl; a failure is thrown after the pages (searchProbeRecorded).
   */
  private recordWhenDone(running: HomeDiscovery['searchProbe']): void {
    this.searchRecording = running
      .then(async (probe) => {
        if ('error' in probe) return probe;
        if (this.watchdog.fired) return null;
        if (probe.found)
          await this.output.artifact('searchProbe', probe.found.artifact, probe.found.artifacts);
        this.searchProbed = true;
        await this.checkpoint();
        return null;
      })
      .catch((error: unknown) => ({ error }));
  }

  /** Waits for the search probe started beside the pages to be recorded. */
  private async searchProbeRecorded(): Promise<void> {
    const failed = await this.searchRecording;
    this.searchRecording = null;
    if (failed) throw failed.error;
  }

  /** A resumed crawl whose search probe was not recorded: the home page is loaded again and probed. */
  private probeSearchAgain(): HomeDiscovery['searchProbe'] {
    const url = this.finalHomeUrl ?? this.homeUrl;
    const entry = { url, depth: 0, linkPath: [{ url, text: '' }], priority: 0, hintScore: 0 };
    const probing = async () => {
      const loaded = await loadPage(url, this.spa, this.load);
      const html = loaded.outcome.html;
      if (loaded.outcome.status !== 'ok' || html === null) return { found: null };
      const home = this.build(entry, 'portal', loaded.outcome, loaded).capture;
      const context = { ...this.load, isSameSite: this.isSameSite, spa: this.spa };
      return { found: await probeSearch(home, html, context) };
    };
    return probing().catch((error: unknown) => ({ error }));
  }

  private async crawlEntry(entry: FrontierEntry, site: Site): Promise<void> {
    const frontier = site === 'portal' ? this.portal : this.external;
    if (!(await this.robots.isAllowed(entry.url))) {
      await this.record(entry, site, this.build(entry, site, blockedByRobotsOutcome(entry.url), null), false);
      return;
    }
    const hostDown = this.hostHealth.skip(entry.url);
    if (hostDown) {
      await this.record(entry, site, this.build(entry, site, hostDown, null), true);
      return;
    }
    const render = this.shouldRender(entry, site);
    this.progress(site === 'external' ? 'external' : render ? 'render' : 'crawl', entry.url);
    const loaded = await loadPage(
      entry.url,
      render,
      this.spa && site === 'portal' ? this.appLoad : this.load,
    );
    this.hostHealth.note(entry.url, loaded.outcome.status);
    if (this.signal.aborted) {
      frontier.release(entry.url);
      return;
    }
    await this.record(entry, site, this.build(entry, site, loaded.outcome, loaded), true);
  }

  private shouldRender(entry: FrontierEntry, site: Site): boolean {
    if (!this.opts.renderer || this.opts.render === 'none') return false;
    if (this.opts.render === 'all') return true;
    if (site === 'portal' && (this.spa || entry.depth === 0)) return true;
    return entry.hintScore > 0;
  }

  private build(
    entry: FrontierEntry,
    site: Site,
    outcome: FetchOutcome,
    loaded: LoadedPage | null,
  ): BuiltPage {
    const built = buildPageCapture({
      entry,
      site,
      outcome,
      rendered: loaded?.rendered ?? null,
      ...(loaded?.extract ? { extract: loaded.extract } : {}),
      isSameSite: this.isSameSite,
    });
    this.softNotFound.apply(built.capture);
    return built;
  }

  /** After the crawl: fetches the targets of evidence links it did not reach (see runLinkChecks). */
  private async checkLinks(): Promise<void> {
    const max = this.opts.maxLinkChecks ?? CRAWL_DEFAULTS.maxLinkChecks;
    if (max <= 0 || this.shouldStop()) return;
    const { portal, external } = this;
    await checkLinksAfterCrawl(
      { evidence: this.evidenceLinks, portal, external, max, onStart: (url) => this.progress('links', url) },
      {
        load: this.bareLoad,
        app: this.spa,
        servedHomeText: this.servedHomeText,
        concurrency: this.opts.concurrency ?? CRAWL_DEFAULTS.concurrency,
        isSameSite: this.isSameSite,
        isAllowed: (url) => this.robots.isAllowed(url),
        build: (entry, site, outcome, loaded) => this.build(entry, site, outcome, loaded),
        emit: (built) => this.emitPage(built),
        shouldStop: () => this.shouldStop(),
      },
    );
  }

  /** Emits a page record, then updates the frontier, queues links, reports progress and checkpoints. */
  private async record(
    entry: FrontierEntry,
    site: Site,
    built: BuiltPage,
    counted: boolean,
    servedHtml?: string,
  ) {
    const { capture } = built;
    await this.emitPage(built);
    const frontier = site === 'portal' ? this.portal : this.external;
    frontier.complete(entry.url, { counted });
    if (capture.status === 'ok') frontier.markVisited(capture.finalUrl);
    if (site === 'portal' && capture.status === 'ok' && this.isSameSite(capture.finalUrl)) {
      this.evidenceLinks.note(capture, entry);
      enqueueLinks(capture, entry, {
        portal: this.portal,
        external: this.external,
        linkHints: this.opts.linkHints,
        isSameSite: this.isSameSite,
      });
      const html = servedHtml ?? this.htmlOf(built);
      if (html !== null) this.sample.add(capture.url, html, capture.rendered, entry.depth === 0);
      // The Nu checker starts as soon as the pages it will read are known, beside the other pages.
      if (!this.validation && this.sample.isSettled()) this.validation = this.startMarkupValidation();
    }
    this.progress(site === 'external' ? 'external' : 'crawl', capture.url);
    if (entry.depth > 0 || site === 'external') await this.checkpoint();
  }

  private async emitPage({ capture, artifacts }: BuiltPage): Promise<void> {
    await this.output.page(capture, artifacts);
    this.statuses[capture.status] = (this.statuses[capture.status] ?? 0) + 1;
  }

  private htmlOf(built: BuiltPage): string | null {
    const html = built.artifacts.find((a) => a.kind === 'html');
    return html ? new TextDecoder().decode(html.data) : null;
  }

  private shouldStop(): boolean {
    if (this.signal.aborted) return true;
    const { maxSeconds } = this.opts.budget;
    if (maxSeconds > 0 && Date.now() - this.startedMs >= maxSeconds * 1000) this.timeUp = true;
    return this.timeUp;
  }

  private stopReason(): StopReason {
    if (this.watchdog.fired) return 'stalled';
    if (this.opts.signal?.aborted) return 'interrupted';
    if (this.timeUp) return 'max_seconds';
    if (this.portal.budgetReached && this.portal.pendingCount > 0) return 'max_pages';
    return 'frontier_exhausted';
  }

  /** How the portal and the service hosts the crawl fetched from are reached (see transportTargets). */
  private async checkTransport(): Promise<void> {
    if (this.opts.gatherPosture === false || this.signal.aborted) return;
    const portalUrl = this.finalHomeUrl ?? this.homeUrl;
    this.progress('transport', portalUrl);
    const artifact = await siteTransport({
      homeUrl: this.homeUrl,
      portalUrl,
      fetched: [...this.portal.checkpoint().visited, ...this.external.checkpoint().visited],
      homeRedirectsToHttps: this.homeRedirectsToHttps,
      hostHealth: this.hostHealth,
      options: {
        network: this.http.network ?? PUBLIC_ONLY,
        userAgent: this.http.userAgent,
        timeoutMs: Math.min(CRAWL_DEFAULTS.transportTimeoutMs, this.http.timeoutMs ?? Infinity),
        signal: this.signal,
        ...(this.opts.trustedCa ? { trustedCa: this.opts.trustedCa } : {}),
      },
      onHost: (host) => {
        this.watchdog.touch();
        this.progress('transport', host.host);
      },
    });
    if (!this.signal.aborted) await this.output.artifact('transport', artifact);
  }

  /** The home page's load at a phone's width, when pages are rendered (see measurePhoneSpeed). */
  private async measurePhoneSpeed(): Promise<void> {
    if (this.opts.gatherPosture === false || this.opts.render === 'none' || this.signal.aborted) return;
    const url = this.finalHomeUrl ?? this.homeUrl;
    const artifact = this.homeRenderFailure
      ? notLoadedAsPhone(url, `Not loaded again: the desktop load failed (${this.homeRenderFailure})`)
      : await measurePhoneSpeed(url, this.load);
    this.watchdog.touch();
    if (artifact && !this.signal.aborted) await this.output.artifact('mobileSpeed', artifact);
  }

  /** Validates the sample of the pages; null when there is no validator. Never rejects. */
  private startMarkupValidation(): Promise<MarkupValidationArtifact | null> | null {
    const validator = this.opts.validateMarkup;
    if (!validator) return null;
    return this.sample
      .validate(this.load, validator)
      .catch((error: unknown) => unavailableMarkup(`Markup validation failed: ${String(error)}`));
  }

  private async recordMarkupValidation(
    validation: Promise<MarkupValidationArtifact | null> | null,
  ): Promise<void> {
    if (!validation) return;
    this.progress('validate', this.finalHomeUrl ?? this.homeUrl);
    const artifact = await validation;
    if (artifact) await this.output.artifact('markupValidation', artifact);
  }

  private snapshot(): CrawlCheckpoint {
    return {
      version: 1,
      startedAt: this.startedAt,
      homeUrl: this.homeUrl,
      finalHomeUrl: this.finalHomeUrl,
      spa: this.spa,
      homeRedirectsToHttps: this.homeRedirectsToHttps,
      statuses: { ...this.statuses },
      portal: this.portal.checkpoint(),
      external: this.external.checkpoint(),
      validationUrls: this.sample.urls(),
      evidenceLinks: this.evidenceLinks.checkpoint(),
      notFound: this.softNotFound.snapshot(),
      searchProbed: this.searchProbed,
      ...(this.notes.length ? { message: this.notes.join(' ') } : {}),
    };
  }

  private checkpoint(): Promise<void> {
    return this.output.checkpoint(() => this.snapshot());
  }

  private progress(phase: CrawlProgress['phase'], currentUrl: string): void {
    this.opts.onProgress?.({
      runId: this.opts.runId,
      pagesDone: this.portal.completedPages,
      pagesBudget: this.opts.budget.maxPages,
      queued: this.portal.pendingCount,
      currentUrl,
      phase,
    });
  }

  /** Emits the crawl-end, once: a later call (work that outlived a stalled crawl) gets the same end. */
  private async finish(stopReason: StopReason, outcome: FetchStatus, message?: string): Promise<CrawlEnd> {
    const notes = [message, ...this.notes].filter(Boolean).join(' ');
    const end = await this.output.end(() => ({
      outcome,
      stopReason,
      homeUrl: this.homeUrl,
      finalHomeUrl: this.finalHomeUrl,
      pages: this.portal.completedPages,
      statuses: { ...this.statuses },
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      spa: this.spa,
      ...(notes ? { message: notes } : {}),
    }));
    this.progress('done', this.finalHomeUrl ?? this.homeUrl);
    return end;
  }
}
