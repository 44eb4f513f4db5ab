// Zod schemas at the public boundary, shared by api (validation, OpenAPI) and web (form validation).
import { z } from 'zod';
import { validateAnswers } from './answers.ts';
import { categoryIds, getCategory, isCategoryId } from './categories.ts';
import { melderPickupSchema } from './contract/pickup.ts';
import { referencePattern } from './reference.ts';
import { meldingStatuses } from './status-machine.ts';
import { text } from './text-schema.ts';
import { intakeMessages as m } from './texts-nl.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 20;
export const ADDRESS_MAX = 200;
export const ACCURACY_MAX = 10_000;
export const LOCATION_DESCRIPTION_MIN = 5;
export const LOCATION_DESCRIPTION_MAX = 300;

/** Dutch or international number: optional + or 00, then 9–15 digits, spaces or dashes between. */
export const phonePattern = /^(?:\+|00)?\d(?:[ -]?\d){8,14}$/;

// Unknown keys get a Dutch message naming them; other issues keep the message given per field.
const strictObjectError =
  (fallback: string) =>
  (issue: { code?: string | undefined; keys?: string[] | undefined }): string =>
    issue.code === 'unrecognized_keys' ? m.unknownField((issue.keys ?? []).join(', ')) : fallback;

const locationSchema = z.strictObject(
  {
    lat: z
      .number({ error: m.latitudeInvalid })
      .min(-90, { error: m.latitudeInvalid })
      .max(90, { error: m.latitudeInvalid }),
    lng: z
      .number({ error: m.longitudeInvalid })
      .min(-180, { error: m.longitudeInvalid })
      .max(180, { error: m.longitudeInvalid }),
    /** Radius in metres of the GPS fix (Geolocation API `coords.accuracy`). */
    accuracy: z
      .number({ error: m.accuracyInvalid })
      .min(0, { error: m.accuracyInvalid })
      .max(ACCURACY_MAX, { error: m.accuracyInvalid })
      // Whole centimetres: finer means nothing for a GPS fix, and the column (real) cannot hold 5e-323.
      .transform((metres) => Math.round(metres * 100) / 100)
      .optional(),
    /** The address the form found for the spot (PDOK), as the resident saw it. */
    address: text({ trim: true, error: m.addressInvalid })
      .min(1, { error: m.addressInvalid })
      .max(ADDRESS_MAX, { error: m.addressInvalid })
      .optional(),
    /**
     * The place in the resident's words, when neither map nor address search worked and only the wijk
     * was chosen: lat/lng are then the wijk's centre and the accuracy is the wijk's size.
     */
    description: text({
      trim: true,
      error: m.locationDescriptionInvalid(LOCATION_DESCRIPTION_MIN, LOCATION_DESCRIPTION_MAX),
    })
      .min(LOCATION_DESCRIPTION_MIN, {
        error: m.locationDescriptionInvalid(LOCATION_DESCRIPTION_MIN, LOCATION_DESCRIPTION_MAX),
      })
      .max(LOCATION_DESCRIPTION_MAX, {
        error: m.locationDescriptionInvalid(LOCATION_DESCRIPTION_MIN, LOCATION_DESCRIPTION_MAX),
      })
      .optional(),
  },
  { error: strictObjectError(m.locationRequired) },
);

const emailSchema = text({ trim: true, error: m.emailInvalid })
  .toLowerCase()
  .max(EMAIL_MAX, { error: m.emailTooLong })
  .pipe(z.email({ error: m.emailInvalid }));

const phoneSchema = text({ trim: true, error: m.phoneInvalid })
  .max(PHONE_MAX, { error: m.phoneTooLong })
  .regex(phonePattern, { error: m.phoneInvalid });

const contactSchema = z.strictObject(
  {
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    wantsFeedback: z.boolean({ error: m.booleanInvalid }).optional(),
  },
  { error: strictObjectError(m.contactInvalid) },
);

export const answerValueSchema = z.union(
  [text({ multiline: true }).max(500), z.number(), z.boolean(), z.array(text().max(100)).max(50)],
  { error: m.answersInvalid },
);

const answersSchema = z.record(text().max(64), answerValueSchema, { error: m.answersInvalid });

export const intakeSchema = z
  .strictObject(
    {
      category: z.enum(categoryIds, { error: m.categoryRequired }),
      subcategory: text({ error: m.subcategoryInvalid }).max(64).optional(),
      description: text({ multiline: true, trim: true, error: m.descriptionRequired })
        .min(DESCRIPTION_MIN, { error: m.descriptionTooShort(DESCRIPTION_MIN) })
        .max(DESCRIPTION_MAX, { error: m.descriptionTooLong(DESCRIPTION_MAX) }),
      /** When it happened; omitted means "now". */
      occurredAt: z.iso.datetime({ offset: true, error: m.occurredAtInvalid }).optional(),
      location: locationSchema,
      answers: answersSchema.optional(),
      contact: contactSchema.optional(),
    },
    { error: strictObjectError(m.intakeInvalid) },
  )
  .superRefine((intake, ctx) => {
    // Runs when every field has the right type (range/length issues do not stop it), so that
    // a resident sees all problems at once.
    if (intake.contact?.wantsFeedback === true && intake.contact.email === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact', 'wantsFeedback'],
        message: m.wantsFeedbackNeedsEmail,
      });
    }
    if (!isCategoryId(intake.category)) return;
    const category = getCategory(intake.category);
    if (
      intake.subcategory !== undefined &&
      !category.subcategories.some((s) => s.id === intake.subcategory)
    ) {
      ctx.addIssue({ code: 'custom', path: ['subcategory'], message: m.subcategoryInvalid });
    }
    for (const issue of validateAnswers(category, intake.answers)) {
      ctx.addIssue({ code: 'custom', path: ['answers', issue.questionId], message: issue.message });
    }
  });

export type IntakeInput = z.input<typeof intakeSchema>;
export type Intake = z.output<typeof intakeSchema>;

/** True when the melding says it happened later than `now` (plus a tolerance for clock skew). */
export function occursInFuture(
  intake: Pick<Intake, 'occurredAt'>,
  now: Date,
  toleranceMs = 5 * 60_000,
): boolean {
  if (intake.occurredAt === undefined) return false;
  const at = Date.parse(intake.occurredAt);
  return Number.isFinite(at) && at > now.getTime() + toleranceMs;
}

export const intakeResponseSchema = z.object({
  id: z.uuid(),
  reference: z.string().regex(referencePattern),
  status: z.enum(meldingStatuses),
  /** The private status link for the melder (contains a secret token). */
  statusUrl: z.string().min(1),
  /** Who will pick it up and when (routing's decision and the roster); absent when it could not be told. */
  pickup: melderPickupSchema.optional(),
});
export type IntakeResponse = z.output<typeof intakeResponseSchema>;

// ---- GET /api/v1/categories ----

const optionSchema = z.object({ value: z.string(), label: z.string() });
const questionBase = {
  id: z.string(),
  label: z.string(),
  help: z.string().optional(),
  required: z.boolean(),
  triggers112: z.object({ equals: z.union([z.string(), z.number(), z.boolean()]) }).optional(),
};

export const publicQuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('choice'), options: z.array(optionSchema) }),
  z.object({ ...questionBase, type: z.literal('multi_choice'), options: z.array(optionSchema) }),
  z.object({ ...questionBase, type: z.literal('number'), min: z.number(), max: z.number() }),
  z.object({ ...questionBase, type: z.literal('boolean') }),
]);

export const publicCategorySchema = z.object({
  id: z.enum(categoryIds),
  label: z.string(),
  description: z.string(),
  show112Advice: z.boolean(),
  showAnonymousTipAdvice: z.boolean(),
  subcategories: z.array(z.object({ id: z.string(), label: z.string() })),
  questions: z.array(publicQuestionSchema),
});
export type PublicCategory = z.output<typeof publicCategorySchema>;

export const categoriesResponseSchema = z.object({ categories: z.array(publicCategorySchema) });
export type CategoriesResponse = z.output<typeof categoriesResponseSchema>;
