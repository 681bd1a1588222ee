import { z } from 'zod';
import { LEVELS, RENDER_MODES } from '../../core/index.ts';
import { EXTRA_FORMATS } from '../../report/formats.ts';

const wholeNumber = (min: 0 | 1) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: min === 1 ? 'must be 1 or more' : 'must be 0 or more' });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

/**
 * portal-audit.config.json / .yaml: defaults for `audit` and `demo`. Each key but `catalogs` is the
 * camelCase name of a command-line option and follows the same rules; paths are relative to the file.
 */
export const ConfigFileSchema = z.strictObject({
  contact: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  level: oneOf(LEVELS).optional(),
  /** The catalog for each level, used when --catalog is not given. */
  catalogs: z
    .strictObject({
      city: z.string().min(1).optional(),
      national: z.string().min(1).optional(),
    } satisfies Record<(typeof LEVELS)[number], unknown>)
    .optional(),
  maxPages: wholeNumber(1).optional(),
  maxDepth: wholeNumber(0).optional(),
  maxSeconds: wholeNumber(0).optional(),
  /** Seconds. */
  pageTimeout: wholeNumber(1).optional(),
  render: oneOf(RENDER_MODES).optional(),
  failUnder: z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be from 0 to 1' })
    .max(1, { error: 'must be from 0 to 1' })
    .optional(),
  out: z.string().min(1).optional(),
  db: z.string().min(1).optional(),
  /** Outputs besides report.json and report.html (--format). */
  format: z.array(oneOf(EXTRA_FORMATS)).optional(),
});

export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export const CONFIG_KEYS: readonly string[] = Object.keys(ConfigFileSchema.shape);

/** One line for the first problem: `maxPages: must be 1 or more`, `unknown key "max-pages" (…)`. */
export function describeConfigProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = where ? '' : ` (known keys: ${CONFIG_KEYS.join(', ')})`;
    return `${where ? `${where}: ` : ''}unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}${known}`;
  }
  if (!where) return 'must hold settings as key: value pairs';
  return `${where}: ${issue.message}`;
}
