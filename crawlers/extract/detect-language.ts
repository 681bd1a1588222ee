import { franc } from 'franc-min';

/** ISO 639-3 (franc) → ISO 639-1 for the languages franc-min knows that portals commonly use. */
const TO_639_1: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  deu: 'de',
  nld: 'nl',
  rus: 'ru',
  ukr: 'uk',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tur: 'tr',
  pol: 'pl',
  ron: 'ro',
  hun: 'hu',
  ces: 'cs',
  swe: 'sv',
  ell: 'el',
  bul: 'bg',
  srp: 'sr',
  hrv: 'hr',
  bos: 'bs',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  tha: 'th',
  hin: 'hi',
  ben: 'bn',
  urd: 'ur',
  pes: 'fa',
  swh: 'sw',
  amh: 'am',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  som: 'so',
  tgl: 'tl',
  uzn: 'uz',
  kaz: 'kk',
  bel: 'be',
  azj: 'az',
  mya: 'my',
  tam: 'ta',
  tel: 'te',
  mar: 'mr',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  pan: 'pa',
  npi: 'ne',
  sin: 'si',
  ckb: 'ckb',
  kin: 'rw',
  nya: 'ny',
  plt: 'mg',
  run: 'rn',
  lin: 'ln',
  ceb: 'ceb',
  jav: 'jv',
  sun: 'su',
};

/**
 * Detected language of a page's visible text as an ISO 639-1 code, or null when the text is too
 * short or the detector is unsure ('und').
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 6000);
  if (sample.replace(/\s+/g, '').length < 40) return null;
  const code = franc(sample, { minLength: 40 });
  if (code === 'und') return null;
  return TO_639_1[code] ?? code;
}
