import { type MarkupValidationArtifact, unavailableMarkup } from '../../src/core/index.ts';
import { httpFetch } from '../http/http-fetcher.ts';
import type { PageLoadContext } from './load-page.ts';

interface SampledPage {
  url: string;
  /** null after a resume: refetched over HTTP when the validator runs. */
  html: string | null;
}

/**
 * The portal pages handed to the markup validator: the home page first, then rendered pages, then
 * (when too few were rendered) other pages, up to `max`.
 */
export class ValidationSample {
  private home: SampledPage | null = null;
  private readonly rendered: SampledPage[] = [];
  private readonly plain: SampledPage[] = [];
  private restored: string[] = [];

  constructor(private readonly max: number) {}

  add(url: string, html: string, rendered: boolean, isHome: boolean): void {
    if (isHome) {
      this.home = { url, html };
      return;
    }
    const list = rendered ? this.rendered : this.plain;
    if (list.length < this.max) list.push({ url, html });
  }

  restore(urls: string[]): void {
    this.restored = urls.slice(0, this.max);
  }

  private chosen(): SampledPage[] {
    const fresh = [...(this.home ? [this.home] : []), ...this.rendered, ...this.plain];
    const known = new Set(fresh.map((p) => p.url));
    const resumed = this.restored.filter((url) => !known.has(url)).map((url) => ({ url, html: null }));
    return [...resumed, ...fresh].slice(0, this.max);
  }

  /** True once no later page can change the choice: the home page (or a resumed choice) and rendered pages fill it. */
  isSettled(): boolean {
    const chosen = this.chosen();
    return chosen.length >= this.max && !chosen.some((p) => this.plain.includes(p));
  }

  urls(): string[] {
    return this.chosen().map((p) => p.url);
  }

  /** The chosen pages with their HTML; pages known only from a checkpoint are refetched. */
  async pages(ctx: PageLoadContext): Promise<{ url: string; html: string }[]> {
    const out: { url: string; html: string }[] = [];
    for (const page of this.chosen()) {
      if (page.html !== null) {
        out.push({ url: page.url, html: page.html });
        continue;
      }
      const res = await ctx.limiter.run(new URL(page.url).host, () => httpFetch(page.url, ctx.http));
      if (res.status === 'ok' && res.html !== null) out.push({ url: page.url, html: res.html });
    }
    return out;
  }

  /** The validator's verdict on the chosen pages; null when there are none. Never throws. */
  async validate(
    ctx: PageLoadContext,
    validator: (pages: { url: string; html: string }[]) => Promise<MarkupValidationArtifact>,
  ): Promise<MarkupValidationArtifact | null> {
    const pages = await this.pages(ctx);
    if (pages.length === 0) return null;
    try {
      return await validator(pages);
    } catch (err) {
      return unavailableMarkup(`Markup validation failed: ${String(err)}`);
    }
  }
}
