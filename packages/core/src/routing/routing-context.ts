// What decideRoute reads besides the rules: the melding's facts and what a caller looks up for it.
import type { AnswerValue, CategoryDefinition, Priority } from '../categories.ts';
import type { RepeatCondition, RoutingRule } from './rule-schema.ts';

export interface MeldingFacts {
  category: string;
  subcategory: string | null;
  answers: Readonly<Record<string, AnswerValue>>;
  /** When it happened, as the melder said; null when not given (then the time of reporting counts). */
  happenedAt: Date | null;
  reportedAt: Date;
}

export interface AreaMatch {
  code: string;
  naam: string;
  kind: 'wijk' | 'buurt';
}

export interface RoutingTeam {
  id: string;
  name: string;
  active: boolean;
}

/** A category as routing needs it: defaults, and the subcategories and questions rules may name. */
export type CategoryDefaults = Pick<
  CategoryDefinition,
  'id' | 'label' | 'defaultTeam' | 'defaultPriority' | 'subcategories' | 'questions'
>;

export interface RoutingContext {
  /** The wijk and buurt that contain the melding (geo/areas findWijk, a buurt lookup). */
  areas: readonly AreaMatch[];
  /** Counts for repeatQueries(rules, category): key repeatKey(query) → meldingen including this one. */
  repeatCounts: Readonly<Record<string, number>>;
  /** Team id → someone on duty at the moment of deciding (roster hasSomeoneOnDuty); for onDutyTeams(rules). */
  onDuty: Readonly<Record<string, boolean>>;
  /** Category defaults, the last resort (categories.ts). */
  categories: readonly CategoryDefaults[];
  /** All teams; a rule naming an inactive or unknown one is skipped and reported. */
  teams: readonly RoutingTeam[];
  /** Area codes that exist now; when given, a rule naming another area is skipped and reported. */
  knownAreaCodes?: ReadonlySet<string>;
}

export interface RepeatQuery {
  category: string;
  radiusMetres: number;
  days: number;
}

export const repeatKey = (q: RepeatQuery): string => `${q.category}|${q.radiusMetres}m|${q.days}d`;

const mayApplyTo = (rule: RoutingRule, category: string) =>
  rule.active &&
  (rule.conditions.categories === undefined || (rule.conditions.categories as string[]).includes(category));

/** The repeat counts a caller computes for a melding of `category` before deciding (deduplicated). */
export function repeatQueries(rules: readonly RoutingRule[], category: string): RepeatQuery[] {
  const queries = new Map<string, RepeatQuery>();
  for (const rule of rules) {
    const r: RepeatCondition | undefined = rule.conditions.repeat;
    if (!r || !mayApplyTo(rule, category)) continue;
    const q = { category, radiusMetres: r.radiusMetres, days: r.days };
    queries.set(repeatKey(q), q);
  }
  return [...queries.values()];
}

/** The teams whose on-duty status the rules for `category` ask about. */
export function onDutyTeams(rules: readonly RoutingRule[], category: string): string[] {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (rule.conditions.teamOnDuty && mayApplyTo(rule, category)) ids.add(rule.conditions.teamOnDuty.teamId);
  }
  return [...ids];
}

export interface RouteDecision {
  teamId: string;
  teamName: string;
  priority: Priority;
  note: string | null;
  /** The rule that decided, or null for the category's default. */
  rule: { id: string; name: string; version: number } | null;
  /** Plain Dutch, stored with the assignment. */
  reason: string;
  /** Active rules that could not be evaluated (invalid, or a lookup missing): never skipped silently. */
  skipped: SkippedRule[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface SkippedRule {
  ruleId: string;
  name: string;
  version: number;
  errors: FieldError[];
}
