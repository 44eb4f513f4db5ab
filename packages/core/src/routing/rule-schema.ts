// A routing rule as the coordinator saves it: ordered, versioned, with conditions that must all hold
// and an outcome (team, priority, note). Types derive from these schemas.
import { z } from 'zod';
import { categoryIds, priorities } from '../categories.ts';
import { isoWeekdaySchema, plainTimeSchema } from '../roster/roster-schema.ts';
import { routingRuleMessages as m } from '../texts/routing-nl.ts';

export const areaCodePattern = /^(WK|BU)\d{6,8}$/;
const teamIdSchema = z
  .string({ error: m.teamInactive('') })
  .trim()
  .min(1)
  .max(100);

export const timeWindowConditionSchema = z.strictObject({
  /** ISO weekdays on which the window starts (a window across midnight runs into the next day); null: every day. */
  weekdays: z.array(isoWeekdaySchema).min(1).nullable(),
  start: plainTimeSchema,
  end: plainTimeSchema,
  /** Which moment the window is held against, on the Amsterdam wall clock. */
  on: z.enum(['happened_at', 'reported_at'], { error: m.timeOnInvalid }),
});

export const answerConditionSchema = z.strictObject({
  questionId: z.string().trim().min(1).max(64),
  equals: z.union([z.string().max(500), z.number(), z.boolean()]),
});

/** At least `minCount` meldingen of the melding's category (itself included) within the radius and days. */
export const repeatConditionSchema = z.strictObject({
  minCount: z
    .number({ error: m.repeatCountInvalid })
    .int()
    .min(2, { error: m.repeatCountInvalid })
    .max(100, { error: m.repeatCountInvalid }),
  radiusMetres: z
    .number({ error: m.repeatRadiusInvalid })
    .int()
    .min(1, { error: m.repeatRadiusInvalid })
    .max(5000, { error: m.repeatRadiusInvalid }),
  days: z
    .number({ error: m.repeatDaysInvalid })
    .int()
    .min(1, { error: m.repeatDaysInvalid })
    .max(365, { error: m.repeatDaysInvalid }),
});

export const ruleConditionsSchema = z.strictObject({
  /** Any of these categories; absent: every category. */
  categories: z
    .array(z.enum(categoryIds, { error: m.categoryInvalid }))
    .min(1)
    .optional(),
  subcategories: z.array(z.string().trim().min(1).max(64)).min(1).optional(),
  /** Any of these wijk (WK…) or buurt (BU…) codes contains the melding. */
  areaCodes: z
    .array(z.string().regex(areaCodePattern, { error: m.areaCodeInvalid }))
    .min(1)
    .optional(),
  time: timeWindowConditionSchema.optional(),
  /** Every listed answer must be given as stated. */
  answers: z.array(answerConditionSchema).min(1).optional(),
  repeat: repeatConditionSchema.optional(),
  /** Whether someone of the team is on duty at the moment of deciding. */
  teamOnDuty: z.strictObject({ teamId: teamIdSchema, onDuty: z.boolean() }).optional(),
});

export const ruleOutcomeSchema = z.strictObject({
  teamId: teamIdSchema,
  priority: z.enum(priorities, { error: m.priorityInvalid }),
  note: z.string().trim().max(500, { error: m.noteTooLong }).nullable(),
});

export const routingRuleSchema = z.strictObject({
  id: z.string().trim().min(1).max(100),
  name: z
    .string({ error: m.nameRequired })
    .trim()
    .min(1, { error: m.nameRequired })
    .max(100, { error: m.nameRequired }),
  /** An edit makes a new version; assignments keep the version that decided them. */
  version: z.number({ error: m.versionInvalid }).int().min(1, { error: m.versionInvalid }),
  /** Rules are tried in ascending position. */
  position: z.number({ error: m.positionInvalid }).int().min(0, { error: m.positionInvalid }),
  active: z.boolean({ error: m.activeInvalid }),
  conditions: ruleConditionsSchema,
  outcome: ruleOutcomeSchema,
});

export type TimeWindowCondition = z.infer<typeof timeWindowConditionSchema>;
export type RepeatCondition = z.infer<typeof repeatConditionSchema>;
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>;
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** A new version of `current` with the edited content (same id, version + 1). */
export const reviseRule = (
  current: RoutingRule,
  edited: Omit<RoutingRule, 'id' | 'version'>,
): RoutingRule => ({
  ...edited,
  id: current.id,
  version: current.version + 1,
});
