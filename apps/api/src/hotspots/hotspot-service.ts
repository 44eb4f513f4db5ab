import { randomUUID } from 'node:crypto';
import type { CellProfileQuery, HotspotQuery, HotspotRuleBody } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  insertHotspotRule,
  listHotspotRules,
  updateHotspotRule,
} from '@buurtsignaal/db/tables/hotspot-rules-repository';
import { listActiveHotspots, listHotspotNotifications } from '@buurtsignaal/db/tables/hotspots-repository';
import type { StaffContext } from '../staff/access-policy.ts';
import { cellProfile, hotspotMap } from './hotspot-map-service.ts';
import { checkRuleBody } from './hotspot-rules.ts';

/** The hotspot map, cell profiles, active hotspots, notifications and rules, for the hotspot routes. */
export function createHotspotService(deps: { db: DbOrTx; now: () => Date }) {
  const { db, now } = deps;
  return {
    map: (staff: StaffContext, query: HotspotQuery) => hotspotMap(db, staff, query, now()),
    cellProfile: (staff: StaffContext, cell: string, query: CellProfileQuery) =>
      cellProfile(db, staff, cell, query, now()),
    active: () => listActiveHotspots(db),
    /** The latest notifications; coordinator and admin see every team's. */
    notifications: (staff: StaffContext) => {
      const seesAll = staff.role === 'coordinator' || staff.role === 'admin';
      return listHotspotNotifications(db, { teamIds: seesAll ? undefined : staff.teamIds, limit: 100 });
    },
    rules: () => listHotspotRules(db),
    /** Checks the rule body (400 on a bad one). */
    createRule: (body: HotspotRuleBody, createdBy: string) =>
      insertHotspotRule(db, { ...checkRuleBody(body), id: randomUUID(), createdBy, at: now() }),
    /** Undefined: no such rule. */
    updateRule: (id: string, body: HotspotRuleBody) =>
      updateHotspotRule(db, id, { ...checkRuleBody(body), at: now() }),
  };
}
export type HotspotService = ReturnType<typeof createHotspotService>;
