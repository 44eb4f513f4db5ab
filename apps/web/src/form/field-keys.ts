import type { PublicCategory } from './core.ts';
import type { StepNumber } from './draft.ts';

/** Field key (the API's `details[].field`, normalised) → Dutch message. Keys in on-screen order. */
export type FieldErrors = Record<string, string>;

/** The key a field has in errors, e.g. 'location.lat' → 'location', 'photos[1]' → 'photos'. */
export function normaliseField(field: string): string {
  const path = field
    .replace(/\[\d+\]/g, '')
    .replace(/^\//, '')
    .replaceAll('/', '.');
  if (path.startsWith('location')) return 'location';
  if (path.startsWith('answers.') || path.startsWith('contact.'))
    return path.split('.').slice(0, 2).join('.');
  return path;
}

export function stepOfField(field: string): StepNumber {
  if (field === 'category') return 1;
  if (field === 'location') return 2;
  if (field === 'contactChoice' || field.startsWith('contact')) return 4;
  if (['subcategory', 'description', 'occurredAt', 'photos'].includes(field) || field.startsWith('answers'))
    return 3;
  return 5;
}

/** The id of the element a field's error links to (also its `fieldId`). */
export const domIdOf = (field: string): string => field.replaceAll('.', '-');

const ORDER = ['category', 'location', 'subcategory', 'answers', 'description', 'occurredAt', 'photos'];
const CONTACT_ORDER = ['contactChoice', 'contact.email', 'contact.phone', 'contact.wantsFeedback'];

function rank(field: string, category: PublicCategory | undefined): number {
  const base = field.startsWith('answers.') ? 'answers' : field;
  const i = ORDER.indexOf(base);
  const c = CONTACT_ORDER.indexOf(field);
  const q = category?.questions.findIndex((x) => `answers.${x.id}` === field) ?? -1;
  if (i >= 0) return i * 100 + Math.max(0, q);
  if (c >= 0) return 1000 + c;
  return 2000;
}

export function sortErrors(errors: FieldErrors, category: PublicCategory | undefined): FieldErrors {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a, category) - rank(b, category)));
}

export function errorsOfStep(errors: FieldErrors, step: StepNumber): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => stepOfField(field) === step));
}
