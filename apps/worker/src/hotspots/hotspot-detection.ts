import { cellCentre, findWijk, hotspotTeams } from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import { type HotspotRuleRow, listHotspotRules } from '@buurtsignaal/db/tables/hotspot-rules-repository';
import {
  applyHotspotRule,
  endHotspotsOfInactiveRules,
  lockHotspotDetection,
  type NewHotspot,
} from '@buurtsignaal/db/tables/hotspots-repository';

export interface DetectionResult {
  rules: number;
  created: NewHotspot[];
  updated: number;
  ended: number;
}

/** The wijk of a cell: the wijk of its centre. */
export function wijkOfCell(cell: string): string | null {
  const { lat, lng } = cellCentre(cell);
  return findWijk(lat, lng)?.code ?? null;
}

/** The teams a new hotspot of this rule notifies: core's hotspotTeams. */
export function teamsForRule(rule: Pick<HotspotRuleRow, 'category'>, wijkCode: string | null): string[] {
  return hotspotTeams(rule.category, wijkCode);
}

/**
 * One detection pass over every active rule, in one transaction behind an advisory lock (so passes
 * never overlap, also across worker processes). New hotspots get their team notifications in that same
 * transaction; running it twice changes nothing.
 */
export async function detectHotspots(db: Db, now: Date): Promise<DetectionResult> {
  return db.transaction(async (tx) => {
    await lockHotspotDetection(tx);
    const rules = await listHotspotRules(tx, { activeOnly: true });
    const result: DetectionResult = { rules: rules.length, created: [], updated: 0, ended: 0 };
    for (const rule of rules) {
      const r = await applyHotspotRule(tx, rule, { now, wijkOf: wijkOfCell, teamsFor: teamsForRule });
      result.created.push(...r.created);
      result.updated += r.updated;
      result.ended += r.ended;
    }
    result.ended += await endHotspotsOfInactiveRules(
      tx,
      rules.map((r) => r.id),
      now,
    );
    return result;
  });
}
