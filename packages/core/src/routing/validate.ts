// A rule that names an inactive team or an unknown area is refused on save (validateRule), and one
// that became invalid later is listed (flagInvalidRules) and reported by the evaluator, never dropped.
import { categories as defaultCategories } from '../categories.ts';
import { routingRuleMessages as m } from '../texts/routing-nl.ts';
import type { CategoryDefaults, FieldError } from './routing-context.ts';
import { type RoutingRule, routingRuleSchema } from './rule-schema.ts';

export interface RuleValidationOptions {
  /** Ids of the teams that are active now. */
  activeTeams: ReadonlySet<string> | readonly string[];
  /** Wijk and buurt codes that exist now. */
  knownAreas: ReadonlySet<string> | readonly string[];
  categories?: readonly CategoryDefaults[];
}

const asSet = (v: ReadonlySet<string> | readonly string[]): ReadonlySet<string> =>
  v instanceof Set ? v : new Set(v as readonly string[]);

function answerErrors(rule: RoutingRule, chosen: readonly CategoryDefaults[]): FieldError[] {
  const errors: FieldError[] = [];
  (rule.conditions.answers ?? []).forEach((a, i) => {
    const question = chosen.flatMap((c) => c.questions).find((q) => q.id === a.questionId);
    if (!question) {
      errors.push({ field: `conditions.answers.${i}.questionId`, message: m.questionUnknown(a.questionId) });
      return;
    }
    const fits =
      question.type === 'boolean'
        ? typeof a.equals === 'boolean'
        : question.type === 'number'
          ? typeof a.equals === 'number'
          : typeof a.equals === 'string' && question.options.some((o) => o.value === a.equals);
    if (!fits)
      errors.push({ field: `conditions.answers.${i}.equals`, message: m.answerTypeInvalid(a.questionId) });
  });
  return errors;
}

/**
 * A checker for well-formed rules against today's teams, areas and categories (empty: nothing wrong).
 * Built once per set of options, so the evaluator can check every rule on each decision cheaply.
 */
export function ruleChecker(options: RuleValidationOptions): (rule: RoutingRule) => FieldError[] {
  const teams = asSet(options.activeTeams);
  const areas = asSet(options.knownAreas);
  const all = options.categories ?? defaultCategories;
  const allSubcategories = new Set(all.flatMap((cat) => cat.subcategories.map((s) => s.id)));
  return (rule) => {
    const c = rule.conditions;
    const chosen = c.categories ? all.filter((cat) => (c.categories as string[]).includes(cat.id)) : all;
    const errors: FieldError[] = [];
    if (!teams.has(rule.outcome.teamId))
      errors.push({ field: 'outcome.teamId', message: m.teamInactive(rule.outcome.teamId) });
    if (c.teamOnDuty && !teams.has(c.teamOnDuty.teamId))
      errors.push({ field: 'conditions.teamOnDuty.teamId', message: m.teamInactive(c.teamOnDuty.teamId) });
    (c.areaCodes ?? []).forEach((code, i) => {
      if (!areas.has(code)) errors.push({ field: `conditions.areaCodes.${i}`, message: m.areaUnknown(code) });
    });
    if (c.subcategories) {
      const subcategories = c.categories
        ? new Set(chosen.flatMap((cat) => cat.subcategories.map((s) => s.id)))
        : allSubcategories;
      c.subcategories.forEach((s, i) => {
        if (!subcategories.has(s))
          errors.push({ field: `conditions.subcategories.${i}`, message: m.subcategoryInvalid });
      });
    }
    if (c.time && c.time.start === c.time.end)
      errors.push({ field: 'conditions.time.end', message: m.timeWindowEmpty });
    return c.answers ? [...errors, ...answerErrors(rule, chosen)] : errors;
  };
}

/** What is wrong with a well-formed rule given today's teams, areas and categories (empty: nothing). */
export const ruleProblems = (rule: RoutingRule, options: RuleValidationOptions): FieldError[] =>
  ruleChecker(options)(rule);

export type RuleValidation = { ok: true; rule: RoutingRule } | { ok: false; errors: FieldError[] };

/** For saving: the rule's shape (zod, field-named Dutch messages), then its teams, areas and questions. */
export function validateRule(input: unknown, options: RuleValidationOptions): RuleValidation {
  const parsed = routingRuleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    };
  }
  const errors = ruleProblems(parsed.data, options);
  return errors.length === 0 ? { ok: true, rule: parsed.data } : { ok: false, errors };
}

export interface InvalidRule {
  ruleId: string;
  name: string;
  version: number;
  active: boolean;
  errors: FieldError[];
}

/** Stored rules that are no longer valid (a team switched off, an area gone), for the console to flag. */
export function flagInvalidRules(
  rules: readonly RoutingRule[],
  options: RuleValidationOptions,
): InvalidRule[] {
  return rules.flatMap((rule) => {
    const errors = ruleProblems(rule, options);
    return errors.length === 0
      ? []
      : [{ ruleId: rule.id, name: rule.name, version: rule.version, active: rule.active, errors }];
  });
}
