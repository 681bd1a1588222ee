import { foldText, WORD_END, WORD_START } from '../../src/core/index.ts';

/** A calendar date written in a page's text. */
export interface TextDate {
  /** Midnight UTC of the day. */
  date: Date;
  /** As written (folded). */
  raw: string;
  /** Position in the folded text. */
  index: number;
  /** The text gave no year: it was taken from the capture date (the next such day on or after it). */
  yearInferred: boolean;
}

/** Month names (folded) in the lexicon languages, full and abbreviated, with Russian genitives. */
const MONTHS: readonly (readonly string[])[] = [
  [
    'january',
    'jan',
    'janvier',
    'janv',
    'enero',
    'ene',
    'janeiro',
    'gennaio',
    'gen',
    'января',
    'январь',
    'янв',
    'يناير',
    'كانون الثاني',
  ],
  [
    'february',
    'feb',
    'fevrier',
    'fevr',
    'fev',
    'febrero',
    'fevereiro',
    'febbraio',
    'февраля',
    'февраль',
    'фев',
    'فبراير',
    'شباط',
  ],
  ['march', 'mar', 'mars', 'marzo', 'marco', 'марта', 'март', 'مارس', 'آذار'],
  [
    'april',
    'apr',
    'avril',
    'avr',
    'abril',
    'abr',
    'aprile',
    'апреля',
    'апрель',
    'апр',
    'أبريل',
    'ابريل',
    'نيسان',
  ],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'мая', 'май', 'مايو', 'أيار'],
  ['june', 'jun', 'juin', 'junio', 'junho', 'giugno', 'giu', 'июня', 'июнь', 'يونيو', 'حزيران'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug', 'июля', 'июль', 'يوليو', 'تموز'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'августа', 'август', 'авг', 'أغسطس', 'اغسطس', 'آب'],
  [
    'september',
    'sep',
    'sept',
    'septembre',
    'septiembre',
    'setiembre',
    'set',
    'setembro',
    'settembre',
    'сентября',
    'сентябрь',
    'сен',
    'سبتمبر',
    'أيلول',
  ],
  [
    'october',
    'oct',
    'octobre',
    'octubre',
    'outubro',
    'out',
    'ottobre',
    'ott',
    'октября',
    'октябрь',
    'окт',
    'أكتوبر',
    'اكتوبر',
    'تشرين الأول',
  ],
  [
    'november',
    'nov',
    'novembre',
    'noviembre',
    'novembro',
    'ноября',
    'ноябрь',
    'ноя',
    'نوفمبر',
    'تشرين الثاني',
  ],
  [
    'december',
    'dec',
    'decembre',
    'diciembre',
    'dic',
    'dezembro',
    'dez',
    'dicembre',
    'декабря',
    'декабрь',
    'дек',
    'ديسمبر',
    'كانون الأول',
  ],
];

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((names, i) => {
  for (const name of names) MONTH_INDEX.set(foldText(name), i);
});
const MONTH_ALT = [...MONTH_INDEX.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/ /g, '\\s+'))
  .join('|');
/** Abbreviations that are also common words ("may", "set", "out", "ago"): need a year to count. */
const AMBIGUOUS_MONTHS = new Set([
  'may',
  'mar',
  'set',
  'out',
  'ago',
  'gen',
  'mag',
  'dic',
  'dez',
  'ene',
  'abr',
  'sep',
  'jun',
  'jul',
]);
// Word boundaries as the lexicon matcher draws them: a date glued to Chinese text ("交通管制2026-12-03")
// still starts a word.
const L = WORD_START;
const R = WORD_END;
const YEAR = '((?:19|20)\\d{2})';

/** Patterns in folded text, each with how to read its groups. */
const PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray) => [number | null, number, number];
  /** The month as written, when it is a word. */
  monthWord?: (m: RegExpExecArray) => string;
}[] = [
  // 2026-12-09, 2026/12/09, 2026.12.09
  {
    re: new RegExp(`${L}${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})${R}`, 'gu'),
    read: (m) => [+m[1]!, +m[2]! - 1, +m[3]!],
  },
  // 09/12/2026, 9.12.2026, 9-12-2026 (day first unless that is impossible)
  {
    re: new RegExp(`${L}(\\d{1,2})[-/.](\\d{1,2})[-/.]${YEAR}${R}`, 'gu'),
    read: (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      return b > 12 && a <= 12 ? [+m[3]!, a - 1, b] : [+m[3]!, b - 1, a];
    },
  },
  // 9 December 2026, 9 de diciembre de 2026, 9 dicembre, 1er janvier 2027, 9 декабря 2026 г.
  {
    re: new RegExp(
      `${L}(\\d{1,2})(?:er|st|nd|rd|th|º|°)?\\.?\\s+(?:de\\s+)?(${MONTH_ALT})\\.?(?:\\s+(?:de\\s+|del\\s+)?${YEAR})?${R}`,
      'gu',
    ),
    read: (m) => [m[3] ? +m[3] : null, MONTH_INDEX.get(m[2]!.replace(/\s+/g, ' '))!, +m[1]!],
    monthWord: (m) => m[2]!,
  },
  // December 9, 2026 / Dec 9
  {
    re: new RegExp(`${L}(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${R}(?:,?\\s+${YEAR}${R})?`, 'gu'),
    read: (m) => [m[3] ? +m[3] : null, MONTH_INDEX.get(m[1]!.replace(/\s+/g, ' '))!, +m[2]!],
    monthWord: (m) => m[1]!,
  },
  // 2026年12月9日
  {
    re: /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu,
    read: (m) => [+m[1]!, +m[2]! - 1, +m[3]!],
  },
  // 12月9日 (no year; not the month and day of a dated "2026年12月9日")
  {
    re: /(?<!年\s*|\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu,
    read: (m) => [null, +m[1]! - 1, +m[2]!],
  },
];

function validDay(year: number, month: number, day: number): Date | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month ? date : null;
}

/**
 * Calendar dates in a text, in the formats government pages use in the lexicon languages (ISO,
 * day/month/year, "9 December 2026", "December 9", "9 de diciembre de 2026", "9 декабря",
 * "2026年12月9日"). A date without a year takes the next such day on or after `reference` (the
 * capture date): an agenda that says "12 December" means the coming one.
 */
export function findDates(text: string, reference: Date, max = 200): TextDate[] {
  const folded = foldText(text);
  const out: TextDate[] = [];
  const taken = new Set<number>();
  const refDay = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate());
  for (const { re, read, monthWord } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m && out.length < max; m = re.exec(folded)) {
      if (taken.has(m.index)) continue;
      const [year, month, day] = read(m);
      if (year === null && monthWord && AMBIGUOUS_MONTHS.has(monthWord(m))) continue;
      let date: Date | null;
      if (year === null) {
        date = validDay(reference.getUTCFullYear(), month, day);
        if (date && date.getTime() < refDay) date = validDay(reference.getUTCFullYear() + 1, month, day);
      } else date = validDay(year, month, day);
      if (!date) continue;
      taken.add(m.index);
      out.push({ date, raw: m[0], index: m.index, yearInferred: year === null });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const DAY_MS = 86_400_000;

/** Dates on or after the reference day and at most `horizonDays` later (an agenda, not a 2040 plan). */
export function upcomingDates(dates: readonly TextDate[], reference: Date, horizonDays = 400): TextDate[] {
  const refDay = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate());
  return dates.filter((d) => {
    const t = d.date.getTime();
    return t >= refDay && t <= refDay + horizonDays * DAY_MS;
  });
}
