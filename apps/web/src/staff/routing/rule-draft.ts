import { type CategoryId, categories, isCategoryId, type Priority } from '@buurtsignaal/core';
import { staffRoutingTexts as t } from '../../texts/index.ts';
import { type RoutingRule, type RoutingRuleInput, renameFields } from './routing-api.ts';

// The rule form's state as the coordinator types it (strings and lists), turned into the API's body,
// and the API's field names (`conditions.time.end`, `outcome.teamId`) turned into the form's fields.

export type OnDuty = '' | 'yes' | 'no';
export type Tristate = '' | 'true' | 'false';

export interface RuleDraft {
  name: string;
  categories: string[];
  subcategories: string[];
  areaCodes: string[];
  useTime: boolean;
  weekdays: string[];
  start: string;
  end: string;
  timeOn: 'happened_at' | 'reported_at';
  nuGaande: Tristate;
  useRepeat: boolean;
  repeatCount: string;
  repeatRadius: string;
  repeatDays: string;
  onDuty: OnDuty;
  onDutyTeam: string;
  team: string;
  priority: Priority;
  note: string;
  active: boolean;
}

export type RuleField =
  | 'name'
  | 'categories'
  | 'subcategories'
  | 'areas'
  | 'weekdays'
  | 'start'
  | 'end'
  | 'timeOn'
  | 'nuGaande'
  | 'repeatCount'
  | 'repeatRadius'
  | 'repeatDays'
  | 'onDuty'
  | 'team'
  | 'priority'
  | 'note';

export const ruleFieldIds: Record<RuleField, string> = {
  name: 'rr-name',
  categories: 'rr-categories',
  subcategories: 'rr-subcategories',
  areas: 'rr-areas',
  weekdays: 'rr-weekdays',
  start: 'rr-start',
  end: 'rr-end',
  timeOn: 'rr-time-on',
  nuGaande: 'rr-nu-gaande',
  repeatCount: 'rr-repeat-count',
  repeatRadius: 'rr-repeat-radius',
  repeatDays: 'rr-repeat-days',
  onDuty: 'rr-on-duty',
  team: 'rr-team',
  priority: 'rr-priority',
  note: 'rr-note',
};

// Longest prefix first: `conditions.time.end` before `conditions.time`.
const apiFields: [string, RuleField][] = [
  ['name', 'name'],
  ['conditions.categories', 'categories'],
  ['conditions.subcategories', 'subcategories'],
  ['conditions.areaCodes', 'areas'],
  ['conditions.time.weekdays', 'weekdays'],
  ['conditions.time.start', 'start'],
  ['conditions.time.end', 'end'],
  ['conditions.time.on', 'timeOn'],
  ['conditions.time', 'start'],
  ['conditions.answers', 'nuGaande'],
  ['conditions.repeat.minCount', 'repeatCount'],
  ['conditions.repeat.radiusMetres', 'repeatRadius'],
  ['conditions.repeat.days', 'repeatDays'],
  ['conditions.repeat', 'repeatCount'],
  ['conditions.teamOnDuty', 'onDuty'],
  ['outcome.teamId', 'team'],
  ['outcome.priority', 'priority'],
  ['outcome.note', 'note'],
];

/** The form field an API field name belongs to (`conditions.areaCodes.0` → areas); null: none. */
export function formFieldOf(apiField: string): RuleField | null {
  for (const [prefix, field] of apiFields) {
    if (apiField === prefix || apiField.startsWith(`${prefix}.`)) return field;
  }
  return null;
}

/** The API's refusal with its details renamed to the form's fields, so they show at those fields. */
export const withFormFields = (err: unknown): unknown => renameFields(err, formFieldOf);

const NU_GAANDE = 'nu_gaande';

export function draftOf(rule: RoutingRule | null): RuleDraft {
  const c = rule?.conditions;
  const nu = c?.answers?.find((a) => a.questionId === NU_GAANDE);
  return {
    name: rule?.name ?? '',
    categories: c?.categories ?? [],
    subcategories: c?.subcategories ?? [],
    areaCodes: c?.areaCodes ?? [],
    useTime: Boolean(c?.time),
    weekdays: (c?.time?.weekdays ?? []).map(String),
    start: c?.time?.start ?? '',
    end: c?.time?.end ?? '',
    timeOn: c?.time?.on ?? 'happened_at',
    nuGaande: nu ? (nu.equals === true ? 'true' : 'false') : '',
    useRepeat: Boolean(c?.repeat),
    repeatCount: String(c?.repeat?.minCount ?? 3),
    repeatRadius: String(c?.repeat?.radiusMetres ?? 25),
    repeatDays: String(c?.repeat?.days ?? 30),
    onDuty: c?.teamOnDuty ? (c.teamOnDuty.onDuty ? 'yes' : 'no') : '',
    onDutyTeam: c?.teamOnDuty?.teamId ?? '',
    team: rule?.outcome.teamId ?? '',
    priority: rule?.outcome.priority ?? 'normaal',
    note: rule?.outcome.note ?? '',
    active: rule?.active ?? true,
  };
}

/** Answer conditions other than "nu gaande" that the form does not edit: they stay as they were. */
export const otherAnswers = (rule: RoutingRule | null) =>
  (rule?.conditions.answers ?? []).filter((a) => a.questionId !== NU_GAANDE);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const wholeIn = (s: string, min: number, max: number): number | null =>
  /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max ? Number(s) : null;

/** The subcategories the chosen categories have (all categories when none is chosen), once each. */
export function subcategoryOptions(chosen: readonly string[]) {
  const seen = new Map<string, string>();
  for (const c of categories) {
    if (chosen.length > 0 && !chosen.includes(c.id)) continue;
    for (const s of c.subcategories) if (!seen.has(s.id)) seen.set(s.id, s.label);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** Problems found before sending, and the body when there are none. */
export function checkDraft(
  d: RuleDraft,
  rule: RoutingRule | null,
): { found: Partial<Record<RuleField, string>>; body: RoutingRuleInput | null } {
  const found: Partial<Record<RuleField, string>> = {};
  if (!d.name.trim()) found.name = t.nameRequired;
  if (d.useTime && !TIME.test(d.start)) found.start = t.timeInvalid;
  if (d.useTime && !TIME.test(d.end)) found.end = t.timeInvalid;
  const count = wholeIn(d.repeatCount, 2, 100);
  const radius = wholeIn(d.repeatRadius, 1, 5000);
  const days = wholeIn(d.repeatDays, 1, 365);
  if (d.useRepeat && count === null) found.repeatCount = t.repeatCountInvalid;
  if (d.useRepeat && radius === null) found.repeatRadius = t.repeatRadiusInvalid;
  if (d.useRepeat && days === null) found.repeatDays = t.repeatDaysInvalid;
  if (d.onDuty && !d.onDutyTeam) found.onDuty = t.teamRequired;
  if (!d.team) found.team = t.teamRequired;
  if (Object.keys(found).length > 0) return { found, body: null };

  const cats = d.categories.filter((c): c is CategoryId => isCategoryId(c));
  const subs = d.subcategories.filter((s) => subcategoryOptions(cats).some((o) => o.value === s));
  const answers = [
    ...otherAnswers(rule),
    ...(d.nuGaande ? [{ questionId: NU_GAANDE, equals: d.nuGaande === 'true' }] : []),
  ];
  const body: RoutingRuleInput = {
    name: d.name.trim(),
    conditions: {
      ...(cats.length > 0 ? { categories: cats } : {}),
      ...(subs.length > 0 ? { subcategories: subs } : {}),
      ...(d.areaCodes.length > 0 ? { areaCodes: d.areaCodes } : {}),
      ...(d.useTime
        ? {
            time: {
              weekdays: d.weekdays.length > 0 ? d.weekdays.map(Number).sort() : null,
              start: d.start,
              end: d.end,
              on: d.timeOn,
            },
          }
        : {}),
      ...(answers.length > 0 ? { answers } : {}),
      ...(d.useRepeat && count !== null && radius !== null && days !== null
        ? { repeat: { minCount: count, radiusMetres: radius, days } }
        : {}),
      ...(d.onDuty ? { teamOnDuty: { teamId: d.onDutyTeam, onDuty: d.onDuty === 'yes' } } : {}),
    },
    outcome: { teamId: d.team, priority: d.priority, note: d.note.trim() || null },
    active: d.active,
  };
  return { found, body };
}
