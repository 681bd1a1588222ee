import { esc } from '../../report/html/escape.ts';

/** Markup that is already safe (built by `html` or escaped); anything else interpolated is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return esc(value);
}

/**
 * Tagged template for server-rendered pages: every interpolated value is HTML-escaped unless it is
 * SafeHtml (the result of another `html` template), so captured text can never become markup.
 * Arrays are concatenated; null, undefined and false render as nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as Interpolated) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Joins fragments with a separator (escaped when it is a plain string). */
export function join(items: readonly Interpolated[], separator: Interpolated = ''): SafeHtml {
  return new SafeHtml(items.map(render).join(render(separator)));
}
