import { foldText } from '../../src/core/index.ts';
import { conceptMatcher } from '../lexicons/index.ts';

export interface TextHit {
  value: string;
  index: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g;
/** "info [at] city [dot] gov", "info(at)city.gov": addresses written to dodge harvesters. */
const OBFUSCATED_EMAIL =
  /[\w.+-]+\s?[[(]\s?(?:at|arroba|arobase)\s?[\])]\s?[\w-]+(?:(?:\s?[[(]\s?(?:dot|punto|point)\s?[\])]\s?|\.)[\w-]+)+/gi;
const NOT_EMAIL_TLD = /\.(png|jpe?g|gif|svg|webp|css|js)$/i;

export function findEmails(text: string, max = 5): TextHit[] {
  const hits: TextHit[] = [];
  for (const re of [EMAIL, OBFUSCATED_EMAIL]) {
    for (const m of text.matchAll(re)) {
      if (NOT_EMAIL_TLD.test(m[0])) continue;
      hits.push({ value: m[0], index: m.index ?? 0 });
      if (hits.length >= max) return hits;
    }
  }
  return hits;
}

/**
 * Phone-number shapes: international (+33 1 23 45 67 89, 0044 20…), national with area codes
 * ((555) 123-4567, 01 23 45 67 89, 91 123 45 67). 7–15 digits (E.164 allows 15).
 */
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().\-/\u00a0]{5,22}\d\b/g;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const YEAR_RANGE = /^(19|20)\d{2}\s?[-–/]\s?(19|20)?\d{2}$/;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Phone-shaped numbers, without context. Use phonesNearLabel to keep only labelled ones. */
export function findPhoneShapes(text: string, max = 20): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of text.matchAll(PHONE)) {
    const value = m[0].trim();
    const digits = digitCount(value);
    if (digits < 7 || digits > 15) continue;
    // A spaced dash joins two things ("Via Roma 123 - 00100", "9 - 17"), not parts of one number.
    if (DATE_LIKE.test(value) || YEAR_RANGE.test(value) || /\s[-–]\s/.test(value)) continue;
    hits.push({ value, index: m.index ?? 0 });
    if (hits.length >= max) break;
  }
  return hits;
}

/** Labels of tax and company identifiers, whose long numbers look like phone numbers. */
const ID_LABEL =
  /(p\.? ?iva|partita iva|codice fiscale|c\.? ?f\.?|vat( no| number)?|tva|siret|siren|nif|cif|cuit|rfc|cnpj|cpf|ruc|rut|nit|инн|огрн|кпп|tax id|ein|abn|iban|bic)\s*[:.#]?\s*(n[o°º.]*\s*)?$/;

/**
 * Phone numbers with a phone word in any lexicon language within 40 characters before them, or
 * written in international format (+…), then those after a contact word (within 60). Numbers
 * labelled as tax or company identifiers are skipped.
 */
export function findPhones(text: string, max = 5): TextHit[] {
  const phoneLabel = conceptMatcher('phoneLabel');
  const contact = conceptMatcher('contact');
  const strong: TextHit[] = [];
  const weak: TextHit[] = [];
  for (const hit of findPhoneShapes(text)) {
    const before = foldText(text.slice(Math.max(0, hit.index - 60), hit.index));
    if (ID_LABEL.test(before.slice(-30))) continue;
    if (hit.value.startsWith('+') || phoneLabel.findFolded(before.slice(-40))) strong.push(hit);
    else if (contact.findFolded(before)) weak.push(hit);
  }
  return [...strong, ...weak].slice(0, max);
}

const POSTCODE =
  /\b(?:\d{4,6}|\d{3}\s\d{2}|\d{5}-\d{3,4}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d)\b/;

/**
 * A postal address: a street word ("rue", "Calle", "Via", "Street"…) next to a house number,
 * confirmed by an address/contact label shortly before it or a postcode shortly after it.
 * Works on the original text (postcodes are case-sensitive); folds for the word lists.
 */
export function findPostalAddress(text: string): TextHit | null {
  const folded = foldText(text);
  // Folding keeps positions for Latin, Cyrillic and Arabic text once whitespace is collapsed.
  const aligned = folded.length === text.length;
  const street = conceptMatcher('streetType');
  const labels = [conceptMatcher('addressLabel'), conceptMatcher('contact')];
  for (const m of street.findAllFolded(folded, 50)) {
    const at = m.index;
    const near = folded.slice(Math.max(0, at - 8), at + m.term.length + 40);
    const numberNearStreet = new RegExp(
      `\\d{1,5}\\s?[a-z]?[,\\s]{0,3}${escapeRegExp(m.term)}|${escapeRegExp(m.term)}[^\\d]{1,35}?\\d{1,5}`,
      'u',
    ).test(near);
    if (!numberNearStreet) continue;
    const labelled = labels.some((l) => l.findFolded(folded.slice(Math.max(0, at - 150), at)));
    const after = (aligned ? text : folded).slice(at, at + 90);
    const postcode = POSTCODE.exec(after);
    const isYear = postcode ? /^(19|20)\d{2}$/.test(postcode[0]) : false;
    if (labelled || (postcode && !isYear)) {
      const source = aligned ? text : folded;
      return { value: source.slice(Math.max(0, at - 20), at + 80).trim(), index: at };
    }
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
