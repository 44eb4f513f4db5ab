import type { FieldError, RoutingRule } from '@buurtsignaal/core';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { routingRules, routingRuleVersions } from '../schema.ts';

// The only writer of routing_rules and routing_rule_versions. A version is never changed (a trigger
// refuses it too): an edit inserts version + 1 and moves the rule's current_version to it.

export interface StoredRoutingRule extends RoutingRule {
  invalidSince: Date | null;
  problems: FieldError[] | null;
  createdBy: string | null;
  versionCreatedAt: Date;
}

const currentColumns = {
  id: routingRules.id,
  position: routingRules.position,
  active: routingRules.active,
  version: routingRules.currentVersion,
  invalidSince: routingRules.invalidSince,
  problems: routingRules.problems,
  name: routingRuleVersions.name,
  conditions: routingRuleVersions.conditions,
  outcome: routingRuleVersions.outcome,
  createdBy: routingRuleVersions.createdBy,
  versionCreatedAt: routingRuleVersions.createdAt,
};

/** Every rule with its current version, in the order they are tried (position, id). */
export async function listCurrentRoutingRules(db: DbOrTx): Promise<StoredRoutingRule[]> {
  return db
    .select(currentColumns)
    .from(routingRules)
    .innerJoin(
      routingRuleVersions,
      and(
        eq(routingRuleVersions.ruleId, routingRules.id),
        eq(routingRuleVersions.version, routingRules.currentVersion),
      ),
    )
    .orderBy(asc(routingRules.position), asc(routingRules.id));
}

/** One version of a rule as it was (also an old one an assignment points at). */
export async function findRoutingRuleVersion(
  db: DbOrTx,
  ruleId: string,
  version: number,
): Promise<
  | {
      ruleId: string;
      version: number;
      name: string;
      conditions: RoutingRule['conditions'];
      outcome: RoutingRule['outcome'];
      createdAt: Date;
    }
  | undefined
> {
  const [row] = await db
    .select({
      ruleId: routingRuleVersions.ruleId,
      version: routingRuleVersions.version,
      name: routingRuleVersions.name,
      conditions: routingRuleVersions.conditions,
      outcome: routingRuleVersions.outcome,
      createdAt: routingRuleVersions.createdAt,
    })
    .from(routingRuleVersions)
    .where(and(eq(routingRuleVersions.ruleId, ruleId), eq(routingRuleVersions.version, version)));
  return row;
}

const versionValues = (rule: RoutingRule, createdBy: string | null, at: Date) => ({
  ruleId: rule.id,
  version: rule.version,
  name: rule.name,
  conditions: rule.conditions,
  outcome: rule.outcome,
  createdBy,
  createdAt: at,
});

/** A new rule as version `rule.version` (1). False when a rule with its id exists (nothing changed). */
export async function insertRoutingRule(
  tx: DbOrTx,
  rule: RoutingRule,
  meta: { createdBy: string | null; at: Date },
): Promise<boolean> {
  const inserted = await tx
    .insert(routingRules)
    .values({
      id: rule.id,
      position: rule.position,
      active: rule.active,
      currentVersion: rule.version,
      createdAt: meta.at,
      updatedAt: meta.at,
    })
    .onConflictDoNothing({ target: routingRules.id })
    .returning({ id: routingRules.id });
  if (inserted.length === 0) return false;
  await tx.insert(routingRuleVersions).values(versionValues(rule, meta.createdBy, meta.at));
  return true;
}

/**
 * An edit: stores `next` (core reviseRule: same id, version + 1) and makes it current, only while the
 * current version is still `next.version - 1` (two editors at once: one wins, the other gets false).
 * The invalid flag is cleared: the new version was validated on save.
 */
export async function reviseRoutingRule(
  tx: DbOrTx,
  next: RoutingRule,
  meta: { createdBy: string | null; at: Date },
): Promise<boolean> {
  const moved = await tx
    .update(routingRules)
    .set({
      currentVersion: next.version,
      position: next.position,
      active: next.active,
      invalidSince: null,
      problems: null,
      updatedAt: meta.at,
    })
    .where(and(eq(routingRules.id, next.id), eq(routingRules.currentVersion, next.version - 1)))
    .returning({ id: routingRules.id });
  if (moved.length === 0) return false;
  await tx.insert(routingRuleVersions).values(versionValues(next, meta.createdBy, meta.at));
  return true;
}

/** Position and active are the list's, not the content's: changing them makes no new version. */
export async function setRoutingRulePlace(
  db: DbOrTx,
  id: string,
  place: { position?: number; active?: boolean; at: Date },
): Promise<boolean> {
  const { at, ...values } = place;
  const updated = await db
    .update(routingRules)
    .set({ ...values, updatedAt: at })
    .where(eq(routingRules.id, id))
    .returning({ id: routingRules.id });
  return updated.length > 0;
}

/**
 * Marks the rule's current version invalid with its problems (keeps the first `invalid_since`), or, with
 * no problems, clears the mark. Writes only when something changes; true when it did.
 */
export async function flagRoutingRule(
  db: DbOrTx,
  id: string,
  version: number,
  problems: readonly FieldError[],
  at: Date,
): Promise<boolean> {
  const current = and(eq(routingRules.id, id), eq(routingRules.currentVersion, version));
  if (problems.length === 0) {
    const cleared = await db
      .update(routingRules)
      .set({ invalidSince: null, problems: null })
      .where(and(current, isNotNull(routingRules.invalidSince)))
      .returning({ id: routingRules.id });
    return cleared.length > 0;
  }
  const json = JSON.stringify(problems);
  const flagged = await db
    .update(routingRules)
    .set({
      invalidSince: sql`coalesce(${routingRules.invalidSince}, ${at.toISOString()}::timestamptz)`,
      problems: [...problems],
    })
    .where(and(current, sql`${routingRules.problems} is distinct from ${json}::jsonb`))
    .returning({ id: routingRules.id });
  return flagged.length > 0;
}
