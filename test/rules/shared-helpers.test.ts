import { describe, expect, it } from 'vitest';
import { findEmails, findPhones, findPostalAddress } from '../../rules/_shared/contact-patterns.ts';
import { isOpenDataPortalUrl, openFormatOf } from '../../rules/_shared/open-data.ts';
import { urlKey } from '../../rules/_shared/pages.ts';
import { snippetAround } from '../../rules/_shared/snippet.ts';
import { socialLinkKind } from '../../rules/_shared/social.ts';

describe('social links', () => {
  it('tell account links from share buttons and bare network home pages', () => {
    expect(socialLinkKind('https://www.facebook.com/CityOfRiverton')).toEqual({
      network: 'facebook',
      kind: 'profile',
    });
    expect(socialLinkKind('https://m.facebook.com/CityOfRiverton')?.kind).toBe('profile');
    expect(socialLinkKind('https://x.com/council')?.network).toBe('x');
    expect(socialLinkKind('https://t.me/cityofficial')?.network).toBe('telegram');
    expect(socialLinkKind('https://vk.com/city')?.network).toBe('vk');
    expect(socialLinkKind('https://ok.ru/group/123')?.network).toBe('odnoklassniki');
    expect(socialLinkKind('https://wa.me/34600111222')?.kind).toBe('profile');
    expect(socialLinkKind('https://www.facebook.com/sharer/sharer.php?u=x')?.kind).toBe('share');
    expect(socialLinkKind('https://twitter.com/intent/tweet?url=x')?.kind).toBe('share');
    expect(socialLinkKind('https://www.linkedin.com/sharing/share-offsite/?url=x')?.kind).toBe('share');
    expect(socialLinkKind('https://wa.me/?text=hello')?.kind).toBe('share');
    expect(socialLinkKind('https://t.me/share/url?url=x')?.kind).toBe('share');
    expect(socialLinkKind('https://www.facebook.com/')?.kind).toBe('generic');
    expect(socialLinkKind('https://notfacebook.com/city')).toBeNull();
    expect(socialLinkKind('https://city.example/facebook')).toBeNull();
  });
});

describe('contact patterns', () => {
  it('find e-mail addresses, plain and obfuscated, not image names', () => {
    expect(
      findEmails('Write to info@ville.example or mairie [at] ville [dot] fr').map((h) => h.value),
    ).toEqual(['info@ville.example', 'mairie [at] ville [dot] fr']);
    expect(findEmails('logo@2x.png')).toEqual([]);
  });

  it('find labelled or international phone numbers, not budgets and dates', () => {
    expect(findPhones('Téléphone : 01 23 45 67 89').map((h) => h.value)).toEqual(['01 23 45 67 89']);
    expect(findPhones('Call +44 20 7946 0958 today').map((h) => h.value)).toEqual(['+44 20 7946 0958']);
    expect(findPhones('Tel. (555) 123-4567').length).toBe(1);
    expect(findPhones('Teléfono 91 588 10 00').length).toBe(1);
    expect(findPhones('The council will spend 1 250 000 pounds in 2024-2025')).toEqual([]);
    expect(findPhones('Meeting on 12/05/2024 at the hall')).toEqual([]);
  });

  it('find postal addresses with a street word, a number and a postcode or label', () => {
    expect(findPostalAddress('Mairie – 2 place de la Mairie – 49100 Belmont')).not.toBeNull();
    expect(findPostalAddress('Dirección: Calle Mayor 12, Madrid')).not.toBeNull();
    expect(findPostalAddress('Visit us at 1 Civic Square, Riverton RV1 2AB')).not.toBeNull();
    expect(findPostalAddress('Sede: Via Roma 1, 00100 Roma')).not.toBeNull();
    expect(findPostalAddress('The festival will take place on 12 June 2024 in the park')).toBeNull();
  });
});

describe('open data', () => {
  it('recognises dataset files in open formats, not feeds and sitemaps', () => {
    expect(openFormatOf('https://city.example/data/budget.csv')).toBe('csv');
    expect(openFormatOf('https://city.example/explore/dataset/x/download/?format=geojson')).toBe('geojson');
    expect(openFormatOf('https://city.example/sitemap.xml')).toBeNull();
    expect(openFormatOf('https://city.example/news/feed.xml')).toBeNull();
    expect(openFormatOf('https://city.example/robots.txt')).toBeNull();
    expect(openFormatOf('https://city.example/report.pdf')).toBeNull();
  });

  it('recognises open-data portals', () => {
    expect(isOpenDataPortalUrl('https://city.opendatasoft.com/explore/', false)).toBe(true);
    expect(isOpenDataPortalUrl('https://data.city.gov/dataset/budget', false)).toBe(true);
    expect(isOpenDataPortalUrl('https://data.city.gov/', true)).toBe(true);
    expect(isOpenDataPortalUrl('https://data.city.gov/', false)).toBe(false);
    expect(isOpenDataPortalUrl('https://www.city.gov/news/', true)).toBe(false);
  });
});

describe('urls and snippets', () => {
  it('compares URLs the way the crawler normalises them', () => {
    expect(urlKey('https://City.example/a/?b=2&a=1&utm_source=x#top')).toBe(
      urlKey('http://city.example/a?a=1&b=2'),
    );
    expect(urlKey('https://city.example/')).toBe(urlKey('https://city.example'));
  });

  it('cuts snippets around a match', () => {
    const text = `${'a'.repeat(300)} MATCH ${'b'.repeat(300)}`;
    const s = snippetAround(text, 301, 5, 20);
    expect(s).toContain('MATCH');
    expect(s.startsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(60);
  });
});

describe('phone numbers next to identifiers', () => {
  it('skip tax and company numbers, prefer labelled phones', () => {
    const footer =
      'Contatti Comune di Nome Via Roma 123 - 00100 Comune Codice fiscale / P. IVA: 00123456789 Numero verde: 800 016 123';
    expect(findPhones(footer).map((h) => h.value)).toEqual(['800 016 123']);
    expect(findPhones('Contact: SIRET 123 456 789 00012')).toEqual([]);
  });
});
