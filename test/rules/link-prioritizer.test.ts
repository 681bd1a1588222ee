import { describe, expect, it } from 'vitest';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';

const hints = buildLinkPrioritizer(getCatalog('losi-2024'));

describe('buildLinkPrioritizer', () => {
  it('scores indicator links above ordinary ones, text above URL', () => {
    const privacy = hints({ url: 'https://city.example/privacy-policy', text: 'Privacy policy' });
    const urlOnly = hints({ url: 'https://city.example/privacy-policy', text: 'Legal' });
    const plain = hints({ url: 'https://city.example/page/1234', text: 'Read more' });
    expect(privacy.score).toBe(3);
    expect(privacy.codes).toEqual(['234']);
    expect(urlOnly.score).toBe(1);
    expect(plain.score).toBe(0);
    expect(hints({ url: 'https://ville.example/plan-du-site', text: 'Plan du site' }).codes).toContain('205');
    expect(hints({ url: 'https://ville.example/faq', text: 'Foire aux questions' }).codes).toContain('240');
    expect(hints({ url: 'https://ayto.example/datos-abiertos', text: 'Datos abiertos' }).codes).toContain(
      '236',
    );
  });

  it('flags services and language switches', () => {
    const pay = hints({ url: 'https://pay.example/fines', text: 'Pay a fine online' });
    expect(pay.service).toBe(true);
    expect(hints({ url: 'https://sede.ayto.example/', text: 'Sede electrónica' }).service).toBe(true);
    // Service indicators' own words flag a service too (captured one hop on another site)…
    const permit = hints({ url: 'https://sportello.example/edilizia', text: 'Permesso di costruire' });
    expect(permit.service).toBe(true);
    expect(permit.codes).toContain('255');
    // …but a content topic does not.
    const budget = hints({ url: 'https://city.example/budget', text: 'Budget and spending' });
    expect(budget.codes).toContain('219');
    expect(budget.service).toBe(false);
    const lang = hints({ url: 'https://city.example/es/', text: 'Español' });
    expect(lang.language).toBe(true);
    expect(lang.codes).toContain('212');
    expect(lang.score).toBeGreaterThan(0);
    expect(hints({ url: 'https://city.example/gallery', text: 'Photo gallery' })).toMatchObject({
      score: 0,
      service: false,
      language: false,
    });
  });

  it('is fast enough to call on every link of every page (CPU time, so a busy machine does not skew it)', () => {
    const links = Array.from({ length: 3000 }, (_, i) => ({
      url: `https://city.example/section-${i % 40}/page-${i}`,
      text: `${['Council tax', 'Contact us', 'Démarches en ligne', 'Parks and gardens', 'Noticias'][i % 5]} ${i}`,
    }));
    const fresh = buildLinkPrioritizer(getCatalog('losi-2024'));
    for (const link of links.slice(0, 300)) fresh({ ...link, text: `${link.text} warm-up` });
    const cpu = (f: () => void) => {
      const start = process.cpuUsage();
      f();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const uncachedMs = cpu(() => {
      for (const link of links) fresh(link);
    });
    const cachedMs = cpu(() => {
      for (const link of links) fresh(link);
    });
    expect(uncachedMs / links.length).toBeLessThan(0.25);
    expect(cachedMs / links.length).toBeLessThan(0.02);
  });
});
