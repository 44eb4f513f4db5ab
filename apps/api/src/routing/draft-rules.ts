import {
  onDutyTeams,
  orderRules,
  type RoutingContext,
  type RoutingRule,
  repeatKey,
  repeatQueries,
} from '@buurtsignaal/core';
import type { DraftDryRunBody } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import { teamsOnDuty } from '@buurtsignaal/db/queries/roster/on-duty';
import { countRepeatsAt } from '@buurtsignaal/db/queries/routing/repeat-counts';
import type { RoutingInput } from '@buurtsignaal/db/queries/routing/routing-facts';
import { ApiError } from '../errors.ts';
import { routingTexts } from '../texts/index.ts';

// A rule draft tried against the stored rules: where it stands in the order, and the lookups it needs
// that the stored rules did not ask for.

/** The id a new rule's draft goes by in a what-if. */
export const DRAFT_RULE_ID = 'ontwerp';
const STEP = 10;

/** The draft as a rule (a new rule, or the next version of the one it replaces), not yet placed. */
export function draftRule(body: DraftDryRunBody, replaced: RoutingRule | undefined): RoutingRule {
  return {
    id: replaced?.id ?? DRAFT_RULE_ID,
    name: body.rule.name,
    version: replaced ? replaced.version + 1 : 1,
    position: replaced?.position ?? 0,
    active: body.rule.active ?? true,
    conditions: body.rule.conditions,
    outcome: body.rule.outcome,
  };
}

/**
 * The rules with the draft in its place: at `rank` (1-based), else where the replaced rule stood, else
 * last. The draft is checked as saving would check it.
 */
export async function draftRuleSet(
  current: readonly RoutingRule[],
  body: DraftDryRunBody,
  validate: (rule: RoutingRule) => Promise<RoutingRule>,
): Promise<RoutingRule[]> {
  const ordered = orderRules(current);
  const replacedAt = body.replaces === undefined ? -1 : ordered.findIndex((r) => r.id === body.replaces);
  if (body.replaces !== undefined && replacedAt < 0) {
    const message = routingTexts.replacesUnknown(body.replaces);
    throw new ApiError(400, 'ROUTING_RULE_NOT_FOUND', message, [{ field: 'replaces', message }]);
  }
  const draft = await validate(draftRule(body, ordered[replacedAt]));
  const others = ordered.filter((r) => r.id !== draft.id);
  const index = Math.min(
    body.rank === undefined ? (replacedAt < 0 ? others.length : replacedAt) : body.rank - 1,
    others.length,
  );
  others.splice(index, 0, draft);
  return others.map((r, i) => ({ ...r, position: (i + 1) * STEP }));
}

/** The context with the repeat counts and on-duty answers the draft asks for and the stored rules did not. */
export async function withDraftLookups(
  db: DbOrTx,
  ctx: RoutingContext,
  rules: readonly RoutingRule[],
  input: RoutingInput & { at: Date; countsSelf: boolean },
): Promise<RoutingContext> {
  const { category, reportedAt } = input.facts;
  const repeatCounts = { ...ctx.repeatCounts };
  const queries = repeatQueries(rules, category).filter((q) => !(repeatKey(q) in repeatCounts));
  const place = { category, lat: input.lat, lng: input.lng, until: reportedAt };
  const counts = await countRepeatsAt(db, place, queries);
  queries.forEach((q, i) => {
    repeatCounts[repeatKey(q)] = (counts[i] ?? 0) + (input.countsSelf ? 0 : 1);
  });
  const missing = onDutyTeams(rules, category).filter((id) => !(id in ctx.onDuty));
  const onDuty =
    missing.length === 0 ? ctx.onDuty : { ...ctx.onDuty, ...(await teamsOnDuty(db, missing, input.at)) };
  return { ...ctx, repeatCounts, onDuty };
}
