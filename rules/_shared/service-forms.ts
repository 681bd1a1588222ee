import {
  type CapturedForm,
  type CapturedLink,
  type PageCapture,
  urlPathWords,
} from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import type { Concept } from '../lexicons/index.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { linkText } from './folded-captures.ts';
import { isPaymentGatewayUrl } from './payment-gateways.ts';
import { searchForms } from './search-forms.ts';

/** Controls that carry no input of their own. */
const NOT_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
/** Card-number, expiry and security-code fields of a checkout form. */
const CARD_FIELD = /(^|[_\-\s])(cc|card|cardnumber|card_number|cc-number|cvv|cvc|csc|expiry)([_\-\s]|$)/i;

export function inputFields(form: CapturedForm) {
  return form.fields.filter((f) => f.tag !== 'button' && !NOT_INPUT_TYPES.has(f.type));
}

/** A sign-in form: it holds a password field. */
export function isLoginForm(form: CapturedForm): boolean {
  return form.fields.some((f) => f.type === 'password');
}

/** What a form says about itself, each text folded once per captured form. */
interface FormTexts {
  /** Heading and submit text. */
  title: FoldedText;
  /** Heading, submit text and the labels of its input fields. */
  labels: FoldedText;
  /** Heading, every field label, submit text and the action's URL path words. */
  own: FoldedText;
  /** The options of its choice lists. */
  options: FoldedText;
}

const formTexts = memoizePerCapture(
  (form: CapturedForm): FormTexts => ({
    title: FoldedText.of(`${form.heading ?? ''} ${form.submitText}`),
    labels: FoldedText.of(
      `${form.heading ?? ''} ${form.submitText} ${inputFields(form)
        .map((f) => f.label)
        .join(' ')}`,
    ),
    own: FoldedText.of(
      [
        form.heading ?? '',
        ...form.fields.map((f) => f.label),
        form.submitText,
        form.action ? urlPathWords(form.action) : '',
      ].join(' \n '),
    ),
    options: FoldedText.of(form.fields.flatMap((f) => f.options ?? []).join(' \n ')),
  }),
);

/**
 * A form that starts something (an application, a request, a report, a payment): not a site
 * search, not a sign-in, not a newsletter or "was this page helpful" widget, and with at least one
 * field a person fills in. Single-field forms count only when their heading or button says what
 * they start (`namesService`), since a lone e-mail box is usually a newsletter.
 */
export function isServiceForm(page: PageCapture, form: CapturedForm, namesService = false): boolean {
  if (form.isSearch || isLoginForm(form) || searchForms(page).includes(form)) return false;
  const inputs = inputFields(form);
  if (inputs.length === 0) return false;
  if (formTexts(form).labels.find('notServiceForm')) return false;
  const rich =
    inputs.length >= 2 || inputs.some((f) => f.type === 'file' || f.tag === 'textarea' || f.tag === 'select');
  return rich || namesService;
}

/** A form that takes a payment: card fields, or a heading/button in payment words. */
export function isPaymentForm(form: CapturedForm): boolean {
  if (form.fields.some((f) => CARD_FIELD.test(f.name) || CARD_FIELD.test(f.id ?? ''))) return true;
  if (form.action && isPaymentGatewayUrl(form.action)) return true;
  return formTexts(form).title.find('payment') !== null;
}

/** A message form (a textarea plus a subject list): a topic among its subjects is not a service. */
export function isMessageForm(form: CapturedForm): boolean {
  return form.fields.some((f) => f.tag === 'textarea');
}

const CONTACT_TYPES = new Set(['text', 'email', 'tel', 'checkbox']);

/**
 * A plain "write to us" form: name/e-mail/phone boxes and one message, nothing a service
 * application needs (no upload, date, number or choice list). On a page about a service it asks a
 * question about the service; it does not start it.
 */
export function isGenericMessageForm(form: CapturedForm): boolean {
  const inputs = inputFields(form);
  const messages = inputs.filter((f) => f.tag === 'textarea');
  return messages.length === 1 && inputs.every((f) => f.tag === 'textarea' || CONTACT_TYPES.has(f.type));
}

export interface FormTopic {
  term: string;
  concept: Concept;
  /** Where the form names the topic: its heading/button/labels, or only among select options. */
  where: 'own' | 'option';
}

/** Whether a form names one of the concepts, and where. */
export function formTopic(form: CapturedForm, concepts: readonly Concept[]): FormTopic | null {
  const { own, options } = formTexts(form);
  for (const concept of concepts) {
    const inOwn = own.find(concept);
    if (inOwn) return { term: inOwn.term, concept, where: 'own' };
    const inOptions = options.folded ? options.find(concept) : null;
    if (inOptions) return { term: inOptions.term, concept, where: 'option' };
  }
  return null;
}

/** A link that goes somewhere on the web (not `#`, `javascript:`, mailto: or tel:). */
export function isLiveLink(link: CapturedLink): boolean {
  return !link.placeholder && /^https?:/i.test(link.href);
}

/** Sign-in affordance of a page: a password form, or a link labelled as a login. */
export function loginAffordance(
  page: PageCapture,
): { form: CapturedForm; link?: undefined } | { link: CapturedLink; form?: undefined } | null {
  const form = page.forms.find(isLoginForm);
  if (form) return { form };
  const link = page.links.find((l) => isLiveLink(l) && l.text.length <= 60 && linkText(l).find('login'));
  return link ? { link } : null;
}
