import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { hotspotRules } from '../schema.ts';

export interface HotspotRuleInput {
  name: string;
  category: string | null;
  subcategory: string | null;
  /** 7..10 */
  resolution: number;
  minCount: number;
  windowDays: number;
  active: boolean;
}

export interface HotspotRuleRow extends HotspotRuleInput {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

const columns = {
  id: hotspotRules.id,
  name: hotspotRules.name,
  category: hotspotRules.category,
  subcategory: hotspotRules.subcategory,
  resolution: hotspotRules.resolution,
  minCount: hotspotRules.minCount,
  windowDays: hotspotRules.windowDays,
  active: hotspotRules.active,
  createdAt: hotspotRules.createdAt,
  updatedAt: hotspotRules.updatedAt,
};

export async function listHotspotRules(
  db: DbOrTx,
  options: { activeOnly?: boolean } = {},
): Promise<HotspotRuleRow[]> {
  const query = db.select(columns).from(hotspotRules);
  const filtered = options.activeOnly ? query.where(eq(hotspotRules.active, true)) : query;
  return filtered.orderBy(asc(hotspotRules.name), asc(hotspotRules.id));
}

export async function insertHotspotRule(
  db: DbOrTx,
  rule: HotspotRuleInput & { id: string; createdBy: string | null; at: Date },
): Promise<HotspotRuleRow> {
  const { at, ...values } = rule;
  const [row] = await db
    .insert(hotspotRules)
    .values({ ...values, createdAt: at, updatedAt: at })
    .returning(columns);
  if (!row) throw new Error('hotspot rule not inserted');
  return row;
}

/** undefined when there is no such rule. */
export async function updateHotspotRule(
  db: DbOrTx,
  id: string,
  rule: HotspotRuleInput & { at: Date },
): Promise<HotspotRuleRow | undefined> {
  const { at, ...values } = rule;
  const [row] = await db
    .update(hotspotRules)
    .set({ ...values, updatedAt: at })
    .where(eq(hotspotRules.id, id))
    .returning(columns);
  return row;
}
