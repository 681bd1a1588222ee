import { z } from 'zod';
import type { Concept, LanguageLexicon } from './types.ts';

const Words = z.array(z.string().trim().min(1, 'an empty word')).min(1, 'no words');

/** concepts.json: every concept, in families with what they are about. */
export const ConceptDictionarySchema = z
  .object({
    families: z
      .array(
        z
          .object({
            name: z.string().min(1),
            about: z.string().min(1),
            concepts: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ConceptDictionary = z.infer<typeof ConceptDictionarySchema>;

/** A language file as a linguist writes it. */
export const LanguageFileSchema = z
  .object({
    language: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as "de"'),
    terms: z.record(z.string(), Words),
    exclude: z.record(z.string(), Words).default({}),
    notes: z.record(z.string(), z.string().min(1)).default({}),
  })
  .strict();

export class LexiconError extends Error {
  override name = 'LexiconError';
}

/** Every concept of the dictionary, in order; a concept listed twice is an error. */
export function dictionaryConcepts(table: unknown): Concept[] {
  const parsed = ConceptDictionarySchema.safeParse(table);
  if (!parsed.success)
    throw new LexiconError(`rules/lexicons/concepts.json: ${z.prettifyError(parsed.error)}`);
  const concepts = parsed.data.families.flatMap((f) => f.concepts);
  const twice = concepts.filter((c, i) => concepts.indexOf(c) !== i);
  if (twice.length) throw new LexiconError(`rules/lexicons/concepts.json lists ${twice.join(', ')} twice`);
  return concepts;
}

/**
 * One language file, checked against the dictionary: a concept it names must exist (a misspelt
 * concept would never be matched); a concept it lacks makes the language partial (`missing`).
 */
export function loadLexicon(table: unknown, file: string, concepts: readonly Concept[]): LanguageLexicon {
  const parsed = LanguageFileSchema.safeParse(table);
  if (!parsed.success) throw new LexiconError(`${file}: ${z.prettifyError(parsed.error)}`);
  const { language, terms, exclude, notes } = parsed.data;
  const known = new Set(concepts);
  const unknown = [...Object.keys(terms), ...Object.keys(exclude), ...Object.keys(notes)].filter(
    (c) => !known.has(c),
  );
  if (unknown.length) {
    throw new LexiconError(
      `${file}: unknown concept${unknown.length > 1 ? 's' : ''} ${[...new Set(unknown)].join(', ')} (concepts are listed in rules/lexicons/concepts.json)`,
    );
  }
  return { language, terms, exclude, notes, missing: concepts.filter((c) => !terms[c]) };
}
