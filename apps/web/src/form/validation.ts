// Loaded lazily (from step 2 on): the shared intake schema brings zod, which step 1 does not need.
import { formTexts, locationTexts } from '../texts/index.ts';
import { intakeMessages, intakeSchema, type PublicCategory } from './core.ts';
import type { Draft } from './draft.ts';
import { type FieldErrors, normaliseField, sortErrors } from './field-keys.ts';
import { buildMelding, occurredAtOf } from './melding.ts';

/** Every problem of the draft, as the resident should see it, keyed by field. */
export function validateDraft(
  draft: Draft,
  category: PublicCategory | undefined,
  now = new Date(),
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= message;
  };
  if (!draft.category) add('category', formTexts.category.required);
  if (!draft.location) add('location', intakeMessages.locationRequired);
  else if (draft.location.source === 'wijk' && !draft.location.description?.trim()) {
    add('location', locationTexts.placeRequired);
  }
  if (draft.when === 'eerder') {
    if (!draft.date || !draft.time) add('occurredAt', formTexts.details.dateTimeRequired);
    else {
      const at = occurredAtOf(draft);
      if (!at) add('occurredAt', formTexts.details.dateTimeInvalid);
      else if (Date.parse(at) > now.getTime() + 60_000) add('occurredAt', formTexts.details.inFuture);
    }
  }
  if (!draft.contactChoice) add('contactChoice', formTexts.contact.choiceRequired);
  if (draft.contactChoice === 'gegevens' && !draft.email.trim() && !draft.phone.trim()) {
    add('contact.email', formTexts.contact.needOne);
  }
  const result = intakeSchema.safeParse(buildMelding(draft, category));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = normaliseField(issue.path.map(String).join('.'));
      if (field) add(field, issue.message);
    }
  }
  return sortErrors(errors, category);
}
