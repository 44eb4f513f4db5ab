import { randomUUID } from 'node:crypto';
import { planHotspotPass } from '@buurtsignaal/core';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { type CellCount, countByCellForRule } from '../queries/hotspot-map/hotspot-map.ts';
import { hotspotNotifications, hotspotRules, hotspots, teams } from '../schema.ts';
import type { HotspotRuleRow } from './hotspot-rules-repository.ts';

// Any value unique to this app: one detection pass at a time, also across worker processes.
const DETECTION_LOCK_ID = 4_242_101;

export interface NewHotspot {
  id: string;
  ruleId: string;
  cell: string;
  count: number;
  teamIds: string[];
}

export interface RuleDetectionResult {
  created: NewHotspot[];
  updated: number;
  ended: number;
}

export interface RuleDetectionDeps {
  now: Date;
  /** The wijk code of a cell (of its centre); null outside every wijk. */
  wijkOf: (cell: string) => string | null;
  /** The teams a new hotspot of this rule in this wijk notifies. */
  teamsFor: (rule: HotspotRuleRow, wijkCode: string | null) => string[];
}

/** Serialises detection passes; call first inside the pass's transaction. */
export async function lockHotspotDetection(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${DETECTION_LOCK_ID})`);
}

/**
 * One rule's pass, inside the caller's transaction: counts the cells and applies core's
 * planHotspotPass — cells meeting the rule become (or stay) hotspots, running hotspots of the rule
 * whose cell no longer meets it end. A new hotspot gets its notification
 * rows and `notified_at` in the same transaction, so it notifies exactly once.
 */
export async function applyHotspotRule(
  tx: DbOrTx,
  rule: HotspotRuleRow,
  deps: RuleDetectionDeps,
): Promise<RuleDetectionResult> {
  const counts: CellCount[] = await countByCellForRule(tx, rule, deps.now);
  const running = await tx
    .select({ id: hotspots.id, cell: hotspots.cell })
    .from(hotspots)
    .where(and(eq(hotspots.ruleId, rule.id), eq(hotspots.active, true)));
  const plan = planHotspotPass(rule, counts, running);

  for (const { id, count } of plan.continue) {
    await tx.update(hotspots).set({ lastCount: count, lastCheckedAt: deps.now }).where(eq(hotspots.id, id));
  }
  const created: NewHotspot[] = [];
  for (const { cell, count } of plan.start) created.push(await insertHotspot(tx, rule, cell, count, deps));
  const ending = plan.end.map((h) => h.id);
  if (ending.length > 0) {
    await tx
      .update(hotspots)
      .set({ active: false, endedAt: deps.now, lastCheckedAt: deps.now })
      .where(inArray(hotspots.id, ending));
  }
  return { created, updated: plan.continue.length, ended: ending.length };
}

async function insertHotspot(
  tx: DbOrTx,
  rule: HotspotRuleRow,
  cell: string,
  count: number,
  deps: RuleDetectionDeps,
): Promise<NewHotspot> {
  const id = randomUUID();
  const wijkCode = deps.wijkOf(cell);
  const teamIds = [...new Set(deps.teamsFor(rule, wijkCode))];
  await tx.insert(hotspots).values({
    id,
    ruleId: rule.id,
    cell,
    resolution: rule.resolution,
    wijkCode,
    since: deps.now,
    lastCount: count,
    lastCheckedAt: deps.now,
    active: true,
    notifiedAt: deps.now,
  });
  if (teamIds.length > 0) {
    await tx
      .insert(hotspotNotifications)
      .values(teamIds.map((teamId) => ({ id: randomUUID(), hotspotId: id, teamId, createdAt: deps.now })))
      .onConflictDoNothing();
  }
  return { id, ruleId: rule.id, cell, count, teamIds };
}

/** Ends the running hotspots of every rule not in `activeRuleIds` (deactivated rules). */
export async function endHotspotsOfInactiveRules(
  tx: DbOrTx,
  activeRuleIds: readonly string[],
  now: Date,
): Promise<number> {
  const ended = await tx
    .update(hotspots)
    .set({ active: false, endedAt: now, lastCheckedAt: now })
    .where(
      and(
        eq(hotspots.active, true),
        activeRuleIds.length > 0 ? notInArray(hotspots.ruleId, [...activeRuleIds]) : undefined,
      ),
    )
    .returning({ id: hotspots.id });
  return ended.length;
}

export interface HotspotListRow {
  id: string;
  cell: string;
  resolution: number;
  wijkCode: string | null;
  since: Date;
  lastCount: number;
  lastCheckedAt: Date;
  notifiedAt: Date | null;
  rule: Pick<HotspotRuleRow, 'id' | 'name' | 'category' | 'subcategory' | 'minCount' | 'windowDays'>;
  notifiedTeams: { id: string; name: string }[];
}

export async function listActiveHotspots(db: DbOrTx): Promise<HotspotListRow[]> {
  const found = await db
    .select({
      id: hotspots.id,
      cell: hotspots.cell,
      resolution: hotspots.resolution,
      wijkCode: hotspots.wijkCode,
      since: hotspots.since,
      lastCount: hotspots.lastCount,
      lastCheckedAt: hotspots.lastCheckedAt,
      notifiedAt: hotspots.notifiedAt,
      rule: {
        id: hotspotRules.id,
        name: hotspotRules.name,
        category: hotspotRules.category,
        subcategory: hotspotRules.subcategory,
        minCount: hotspotRules.minCount,
        windowDays: hotspotRules.windowDays,
      },
    })
    .from(hotspots)
    .innerJoin(hotspotRules, eq(hotspotRules.id, hotspots.ruleId))
    .where(eq(hotspots.active, true))
    .orderBy(desc(hotspots.since), hotspots.cell);
  if (found.length === 0) return [];
  const notified = await db
    .select({ hotspotId: hotspotNotifications.hotspotId, id: teams.id, name: teams.name })
    .from(hotspotNotifications)
    .innerJoin(teams, eq(teams.id, hotspotNotifications.teamId))
    .where(
      inArray(
        hotspotNotifications.hotspotId,
        found.map((h) => h.id),
      ),
    )
    .orderBy(teams.id);
  return found.map((h) => ({
    ...h,
    notifiedTeams: notified.filter((n) => n.hotspotId === h.id).map(({ id, name }) => ({ id, name })),
  }));
}

export interface HotspotNotificationRow {
  id: string;
  hotspotId: string;
  team: { id: string; name: string };
  cell: string;
  resolution: number;
  wijkCode: string | null;
  rule: { id: string; name: string };
  lastCount: number;
  since: Date;
  active: boolean;
  createdAt: Date;
}

/** Newest first; teamIds undefined: every team's. */
export async function listHotspotNotifications(
  db: DbOrTx,
  options: { teamIds?: readonly string[] | undefined; limit: number },
): Promise<HotspotNotificationRow[]> {
  if (options.teamIds?.length === 0) return [];
  return db
    .select({
      id: hotspotNotifications.id,
      hotspotId: hotspotNotifications.hotspotId,
      team: { id: teams.id, name: teams.name },
      cell: hotspots.cell,
      resolution: hotspots.resolution,
      wijkCode: hotspots.wijkCode,
      rule: { id: hotspotRules.id, name: hotspotRules.name },
      lastCount: hotspots.lastCount,
      since: hotspots.since,
      active: hotspots.active,
      createdAt: hotspotNotifications.createdAt,
    })
    .from(hotspotNotifications)
    .innerJoin(hotspots, eq(hotspots.id, hotspotNotifications.hotspotId))
    .innerJoin(hotspotRules, eq(hotspotRules.id, hotspots.ruleId))
    .innerJoin(teams, eq(teams.id, hotspotNotifications.teamId))
    .where(
      options.teamIds === undefined ? undefined : inArray(hotspotNotifications.teamId, [...options.teamIds]),
    )
    .orderBy(desc(hotspotNotifications.createdAt), hotspotNotifications.id)
    .limit(options.limit);
}
