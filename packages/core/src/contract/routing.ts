import { z } from 'zod';
import { categoryIds, priorities } from '../categories.ts';
import { ruleConditionsSchema, ruleOutcomeSchema } from '../routing/rule-schema.ts';
import { text } from '../text-schema.ts';
import { textMessages } from '../texts-nl.ts';
import { instant, teamRefSchema } from './wire.ts';

// The wire shapes of the routing rules, the dry run, a draft's what-if and "opnieuw indelen".

// core's rule schema takes any string; PostgreSQL refuses NUL in jsonb and no keyboard types a control
// character, so every string of a rule is checked once here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
function controlPath(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return control.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = controlPath(v, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = controlPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
const ruleRefSchema = z.object({ id: z.string(), name: z.string(), version: z.number().int() });

/** What the coordinator writes: a rule's content. Id and version are the server's. */
export const routingRuleBodySchema = z
  .object({
    name: text({ trim: true }).min(1).max(100),
    conditions: ruleConditionsSchema,
    outcome: ruleOutcomeSchema,
    /** Default: active. */
    active: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    const path = controlPath(body, []);
    if (path) ctx.addIssue({ code: 'custom', path, message: textMessages.controlCharacters });
  })
  .meta({ id: 'RoutingRuleBody' });
export type RoutingRuleBody = z.output<typeof routingRuleBodySchema>;

export const routingRuleViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The current version; an edit makes a new one, assignments keep theirs. */
    version: z.number().int(),
    /** 1-based place in the order in which the rules are tried. */
    rank: z.number().int(),
    position: z.number().int(),
    active: z.boolean(),
    conditions: ruleConditionsSchema,
    outcome: ruleOutcomeSchema,
    team: teamRefSchema,
    /** The current version is no longer valid (a team switched off, an area gone): flagged, not skipped. */
    invalid: z.boolean(),
    invalidSince: instant.nullable(),
    problems: z.array(fieldErrorSchema),
    /** Meldingen this rule (any version) routed in the last 30 days. */
    routedLast30Days: z.number().int(),
    /** When the current version was saved (and by whom is in the audit log). */
    versionCreatedAt: instant,
  })
  .meta({ id: 'RoutingRule' });
export type RoutingRuleView = z.output<typeof routingRuleViewSchema>;

export const routingRulesResponseSchema = z
  .object({ items: z.array(routingRuleViewSchema) })
  .meta({ id: 'RoutingRules' });

export const routingReorderBodySchema = z.object({
  /** Every rule's id, in the new order. */
  ids: z.array(text().min(1).max(100)).min(1).max(1000),
});

const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

const answerValueSchema = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.array(z.string().max(100)).max(20),
]);

export const dryRunBodySchema = z
  .object({
    category: z.enum(categoryIds),
    subcategory: text().min(1).max(64).optional(),
    answers: z.record(z.string().max(64), answerValueSchema).optional(),
    location: locationSchema,
    /** The moment it happens (and is reported); default now. */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'DryRunBody' });
export type DryRunBody = z.output<typeof dryRunBodySchema>;

export const dryRunResponseSchema = z
  .object({
    team: teamRefSchema,
    priority: z.enum(priorities),
    rule: ruleRefSchema.nullable(),
    reason: z.string(),
    /** Who of the chosen team works a shift at that moment. */
    onDuty: z.array(teamRefSchema),
  })
  .meta({ id: 'DryRun' });

export const draftDryRunBodySchema = z
  .object({
    rule: routingRuleBodySchema,
    /** The stored rule the draft replaces (an edit); absent: a new rule. */
    replaces: text().min(1).max(100).optional(),
    /** 1-based place of the draft in the order; default: the replaced rule's place, or last. */
    rank: z.number().int().min(1).max(1001).optional(),
  })
  .meta({ id: 'DraftDryRunBody' });
export type DraftDryRunBody = z.output<typeof draftDryRunBodySchema>;

const routeSchema = z.object({ team: teamRefSchema, priority: z.enum(priorities) });

export const draftDryRunResponseSchema = z
  .object({
    /** Meldingen of the last 30 days that were looked at. */
    total: z.number().int(),
    /** How many of them the draft would send elsewhere or at another priority. */
    changed: z.number().int(),
    /** The first of those (at most 20), newest first. */
    examples: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        before: routeSchema,
        after: routeSchema,
      }),
    ),
  })
  .meta({ id: 'DraftDryRun' });

export const rerouteBodySchema = z.object({
  /** Why it is routed again (e.g. "categorie gewijzigd"); kept with the status event and the audit. */
  reason: text({ multiline: true, trim: true }).min(1).max(1000),
});

/** The routing rule and reason of a melding's current assignment (melding detail). */
export const assignmentViewSchema = z
  .object({
    team: teamRefSchema,
    priority: z.enum(priorities),
    reason: z.string(),
    rule: ruleRefSchema.nullable(),
    note: z.string().nullable(),
    at: instant,
  })
  .meta({ id: 'Assignment' });
