import { randomUUID } from 'node:crypto';
import {
  type FieldError,
  orderRules,
  type RoutingRule,
  reviseRule,
  ruleChecker,
  validateRule,
} from '@buurtsignaal/core';
import type { RoutingRuleBody, RoutingRuleView } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import { countAssignmentsPerRule } from '@buurtsignaal/db/queries/routing/rule-usage';
import { loadRuleValidationOptions } from '@buurtsignaal/db/queries/routing/rule-validation-options';
import {
  flagRoutingRule,
  insertRoutingRule,
  listCurrentRoutingRules,
  reviseRoutingRule,
  type StoredRoutingRule,
  setRoutingRulePlace,
} from '@buurtsignaal/db/tables/routing-rules-repository';
import { listTeams } from '@buurtsignaal/db/tables/teams-repository';
import { ApiError } from '../errors.ts';
import { routingTexts } from '../texts/index.ts';

const DAY_MS = 86_400_000;
/** Room between positions, so that a rule can later be placed between two without renumbering. */
const POSITION_STEP = 10;

export interface RoutingRuleService {
  list(): Promise<RoutingRuleView[]>;
  create(body: RoutingRuleBody, actorId: string): Promise<RoutingRuleView>;
  /** An edit: a new version. Undefined: no such rule. */
  revise(id: string, body: RoutingRuleBody, actorId: string): Promise<RoutingRuleView | undefined>;
  setActive(id: string, active: boolean): Promise<RoutingRuleView | undefined>;
  /** `ids`: every rule once, in the new order. */
  reorder(ids: readonly string[]): Promise<RoutingRuleView[]>;
  /** The rule if core's validation passes it against today's teams and areas; else 400 naming the fields. */
  validate(rule: RoutingRule): Promise<RoutingRule>;
}

export function invalidRule(errors: readonly FieldError[]): ApiError {
  return new ApiError(400, 'ROUTING_RULE_INVALID', errors[0]?.message ?? routingTexts.ruleInvalid, [
    ...errors,
  ]);
}

/** The rule as core reads it (without the stored flags). */
export const asRule = (r: StoredRoutingRule): RoutingRule => ({
  id: r.id,
  name: r.name,
  version: r.version,
  position: r.position,
  active: r.active,
  conditions: r.conditions,
  outcome: r.outcome,
});

export function createRoutingRuleService(deps: { db: DbOrTx; now: () => Date }): RoutingRuleService {
  const { db, now } = deps;

  /** Refuses a rule that core's validation finds fault with, naming the fields. */
  async function validated(candidate: RoutingRule): Promise<RoutingRule> {
    const result = validateRule(candidate, await loadRuleValidationOptions(db));
    if (!result.ok) throw invalidRule(result.errors);
    return result.rule;
  }

  async function list(): Promise<RoutingRuleView[]> {
    const at = now();
    const stored = await listCurrentRoutingRules(db);
    const [options, teams, counts] = [
      await loadRuleValidationOptions(db),
      await listTeams(db),
      await countAssignmentsPerRule(db, new Date(at.getTime() - 30 * DAY_MS)),
    ];
    const check = ruleChecker(options);
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    const byId = new Map(stored.map((r) => [r.id, r]));
    const views: RoutingRuleView[] = [];
    for (const [index, rule] of orderRules(stored.map(asRule)).entries()) {
      const row = byId.get(rule.id);
      if (!row) continue;
      const problems = check(rule);
      // Keeps the mark in step with today's teams and areas, so "invalid since" means the first time
      // it was seen invalid; writes only when something changed.
      if (await flagRoutingRule(db, rule.id, rule.version, problems, at)) {
        row.invalidSince = problems.length === 0 ? null : (row.invalidSince ?? at);
      }
      views.push({
        id: rule.id,
        name: rule.name,
        version: rule.version,
        rank: index + 1,
        position: rule.position,
        active: rule.active,
        conditions: rule.conditions,
        outcome: rule.outcome,
        team: { id: rule.outcome.teamId, name: teamNames.get(rule.outcome.teamId) ?? rule.outcome.teamId },
        invalid: problems.length > 0,
        invalidSince: problems.length > 0 ? (row.invalidSince ?? at) : null,
        problems,
        routedLast30Days: counts.get(rule.id) ?? 0,
        versionCreatedAt: row.versionCreatedAt,
      });
    }
    return views;
  }

  const viewOf = async (id: string) => (await list()).find((v) => v.id === id);

  return {
    list,
    validate: validated,

    async create(body, actorId) {
      const stored = await listCurrentRoutingRules(db);
      const last = stored.reduce((max, r) => Math.max(max, r.position), 0);
      const rule = await validated({
        id: randomUUID(),
        name: body.name,
        version: 1,
        position: stored.length === 0 ? POSITION_STEP : last + POSITION_STEP,
        active: body.active ?? true,
        conditions: body.conditions,
        outcome: body.outcome,
      });
      await insertRoutingRule(db, rule, { createdBy: actorId, at: now() });
      const view = await viewOf(rule.id);
      if (!view) throw new Error(`routing rule ${rule.id} vanished after insert`);
      return view;
    },

    async revise(id, body, actorId) {
      const current = (await listCurrentRoutingRules(db)).find((r) => r.id === id);
      if (!current) return undefined;
      const next = await validated(
        reviseRule(asRule(current), {
          name: body.name,
          position: current.position,
          active: body.active ?? current.active,
          conditions: body.conditions,
          outcome: body.outcome,
        }),
      );
      const moved = await reviseRoutingRule(db, next, { createdBy: actorId, at: now() });
      if (!moved) throw new ApiError(409, 'ROUTING_RULE_CHANGED', routingTexts.ruleChanged);
      return viewOf(id);
    },

    async setActive(id, active) {
      const current = (await listCurrentRoutingRules(db)).find((r) => r.id === id);
      if (!current) return undefined;
      // Switching on a rule that has become invalid is refused like saving one; switching off never is.
      if (active) await validated({ ...asRule(current), active });
      await setRoutingRulePlace(db, id, { active, at: now() });
      return viewOf(id);
    },

    async reorder(ids) {
      const stored = await listCurrentRoutingRules(db);
      const known = new Set(stored.map((r) => r.id));
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) {
        const message = routingTexts.reorderUnknown(unknown);
        throw new ApiError(400, 'ROUTING_REORDER_INVALID', message, [{ field: 'ids', message }]);
      }
      if (new Set(ids).size !== ids.length || ids.length !== known.size) {
        const message = routingTexts.reorderInvalid;
        throw new ApiError(400, 'ROUTING_REORDER_INVALID', message, [{ field: 'ids', message }]);
      }
      const at = now();
      await db.transaction(async (tx) => {
        for (const [i, id] of ids.entries()) {
          await setRoutingRulePlace(tx, id, { position: (i + 1) * POSITION_STEP, at });
        }
      });
      return list();
    },
  };
}
