import { getCategory } from '@buurtsignaal/core';
import type { HotspotRuleBody } from '@buurtsignaal/core/contract';
import type { HotspotListRow, HotspotNotificationRow } from '@buurtsignaal/db/tables/hotspots-repository';
import { ApiError } from '../errors.ts';
import { wijkView } from '../handling/melding-view.ts';
import { hotspotTexts } from '../texts/index.ts';
import { cellView } from './hotspot-map-service.ts';

/** A subcategory must belong to the rule's category (400 otherwise). */
export function checkRuleBody(body: HotspotRuleBody): HotspotRuleBody {
  if (body.subcategory !== null) {
    const fail = (message: string) =>
      new ApiError(400, 'VALIDATION_ERROR', message, [{ field: 'subcategory', message }]);
    if (body.category === null) throw fail(hotspotTexts.subcategoryWithoutCategory);
    const known = getCategory(body.category)?.subcategories.some((s) => s.id === body.subcategory);
    if (!known) throw fail(hotspotTexts.subcategoryInvalid(body.subcategory));
  }
  return body;
}

export function activeHotspotView(h: HotspotListRow) {
  const { count: _count, ...cell } = cellView(h.cell, h.resolution, h.lastCount);
  return {
    id: h.id,
    ...cell,
    wijk: wijkView(h.wijkCode),
    since: h.since,
    lastCount: h.lastCount,
    lastCheckedAt: h.lastCheckedAt,
    rule: h.rule,
    notifiedAt: h.notifiedAt,
    notifiedTeams: h.notifiedTeams,
  };
}

export function notificationView(n: HotspotNotificationRow) {
  return {
    id: n.id,
    hotspotId: n.hotspotId,
    team: n.team,
    cell: n.cell,
    res: n.resolution,
    wijk: wijkView(n.wijkCode),
    rule: n.rule,
    lastCount: n.lastCount,
    since: n.since,
    active: n.active,
    createdAt: n.createdAt,
  };
}
