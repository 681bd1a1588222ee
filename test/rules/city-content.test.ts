import { describe, expect, it } from 'vitest';
import { findDates, upcomingDates } from '../../rules/_shared/dates.ts';
import { govDomainOf, isIpHost } from '../../rules/_shared/gov-domains.ts';
import { matchesConcept } from '../../rules/lexicons/index.ts';

const REF = new Date('2026-11-22T10:00:00Z');
const days = (text: string) => findDates(text, REF).map((d) => d.date.toISOString().slice(0, 10));

describe('findDates', () => {
  it('reads the date formats of government pages in the lexicon languages', () => {
    expect(days('Conseil municipal le 17 décembre 2026 à 18 h')).toEqual(['2026-12-17']);
    expect(days('Cabinet 2026-12-09; minutes of 21/10/2026')).toEqual(['2026-12-09', '2026-10-21']);
    expect(days('December 9, 2026')).toEqual(['2026-12-09']);
    expect(days('9 de diciembre de 2026')).toEqual(['2026-12-09']);
    expect(days('até 18 de dezembro de 2026')).toEqual(['2026-12-18']);
    expect(days('domenica 13 dicembre 2026')).toEqual(['2026-12-13']);
    expect(days('5 декабря 2026 г.')).toEqual(['2026-12-05']);
    expect(days('2026年12月9日')).toEqual(['2026-12-09']);
    expect(days('14 مارس 2027')).toEqual(['2027-03-14']);
    expect(days('1er janvier 2027')).toEqual(['2027-01-01']);
  });

  it('reads month/day when day/month is impossible, and rejects impossible days', () => {
    expect(days('12/21/2026')).toEqual(['2026-12-21']);
    expect(days('31/02/2026')).toEqual([]);
  });

  it('takes the coming year for a date without one, and ignores ambiguous words without a year', () => {
    const [d] = findDates('Sat 12 Dec', REF);
    expect(d?.date.toISOString().slice(0, 10)).toBe('2026-12-12');
    expect(d?.yearInferred).toBe(true);
    expect(days('Jan 5')).toEqual(['2027-01-05']);
    expect(days('You may 2 times; 3 days ago; set 4 goals')).toEqual([]);
  });

  it('keeps only dates from the capture day to about a year later as upcoming', () => {
    const dates = findDates('20 November 2026, 22 November 2026, 5 March 2027, 1 January 2030', REF);
    expect(upcomingDates(dates, REF).map((d) => d.date.toISOString().slice(0, 10))).toEqual([
      '2026-11-22',
      '2027-03-05',
    ]);
  });
});

describe('govDomainOf', () => {
  it('recognises reserved government domains', () => {
    for (const host of [
      'www.lakeport.gov',
      'www.gov.uk',
      'www.cdmx.gob.mx',
      'www.service-public.gouv.fr',
      'www.city.go.jp',
      'www.govt.nz',
      'www.bern.admin.ch',
      'www.wien.gv.at',
      'www.prefeitura.sp.gov.br',
    ]) {
      expect(govDomainOf(host)?.kind, host).toBe('government');
    }
  });

  it('recognises municipal naming on ordinary domains', () => {
    for (const host of [
      'www.comune.milano.it',
      'www.cm-lisboa.pt',
      'www.ville-montcalme.fr',
      'www.aytojaen.es',
      'www.munistgo.cl',
    ]) {
      expect(govDomainOf(host)?.kind, host).toBe('municipal');
    }
  });

  it('does not take commercial hosts or IP addresses for government ones', () => {
    for (const host of [
      'www.travelnest.com',
      'munich.de',
      'admin.example.com',
      'government-news.example.org',
      '127.0.0.1',
    ]) {
      expect(govDomainOf(host), host).toBeNull();
    }
    expect(isIpHost('127.0.0.1')).toBe(true);
    expect(isIpHost('localhost')).toBe(true);
  });
});

describe('city-content lexicons', () => {
  it('match section names in several languages', () => {
    expect(matchesConcept('health', 'Santé publique')).toBe(true);
    expect(matchesConcept('environment', 'Medio ambiente')).toBe(true);
    expect(matchesConcept('waste', 'Raccolta differenziata')).toBe(true);
    expect(matchesConcept('airQuality', 'Qualité de l’air')).toBe(true);
    expect(matchesConcept('airQuality', "Qualità dell'aria")).toBe(true);
    expect(matchesConcept('procurement', 'Licitações')).toBe(true);
    expect(matchesConcept('labour', 'Центр занятости')).toBe(true);
    expect(matchesConcept('orgChart', 'Organigramma')).toBe(true);
    expect(matchesConcept('accessInfo', 'Acceso a la información pública')).toBe(true);
    expect(matchesConcept('education', '学前教育')).toBe(true);
  });

  it('leave false friends alone', () => {
    expect(matchesConcept('health', 'Health and safety at work')).toBe(false);
    expect(matchesConcept('environment', 'A great working environment')).toBe(false);
    expect(matchesConcept('waste', 'Waste water treatment')).toBe(false);
    expect(matchesConcept('cultureSport', 'Car parks')).toBe(false);
    expect(matchesConcept('emergency', 'Emergency housing')).toBe(false);
    expect(matchesConcept('emergency', "Hébergement d'urgence")).toBe(false);
    expect(matchesConcept('about', 'Payment history')).toBe(false);
    expect(matchesConcept('roadworks', 'Déclaration préalable de travaux')).toBe(false);
    expect(matchesConcept('roadworks', 'Licenciamento de obras particulares')).toBe(false);
    expect(matchesConcept('leadership', 'Area personale')).toBe(false);
    expect(matchesConcept('sdg', 'Formats CSV et ODS')).toBe(false);
    expect(matchesConcept('mobileApp', 'Apply online')).toBe(false);
    expect(matchesConcept('procurement', 'Gare podistiche')).toBe(false);
  });
});
