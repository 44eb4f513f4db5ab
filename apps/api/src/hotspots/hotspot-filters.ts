import { type Bbox, getCategory, meldingStatuses, statusRules } from '@buurtsignaal/core';
import type { HotspotFilter, PointScope } from '@buurtsignaal/db/queries/hotspot-map/hotspot-map';
import { ApiError } from '../errors.ts';
import { canAccessMelding, type StaffContext } from '../staff/access-policy.ts';
import { hotspotTexts } from '../texts/index.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_PERIOD_DAYS = 90;
const MAX_PERIOD_DAYS = 3 * 366;
const MAX_BBOX_SIDE_DEGREES = 1;

const badQuery = (field: string, message: string) =>
  new ApiError(400, 'VALIDATION_ERROR', message, [{ field, message }]);

/** `minLng,minLat,maxLng,maxLat` as Leaflet's toBBoxString() writes it. */
export function parseBbox(value: string): Bbox {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [minLng, minLat, maxLng, maxLat] = parts;
  if (
    parts.length !== 4 ||
    minLng === undefined ||
    minLat === undefined ||
    maxLng === undefined ||
    maxLat === undefined ||
    !parts.every(Number.isFinite) ||
    minLng >= maxLng ||
    minLat >= maxLat ||
    maxLng - minLng > MAX_BBOX_SIDE_DEGREES ||
    maxLat - minLat > MAX_BBOX_SIDE_DEGREES ||
    Math.abs(minLat) > 90 ||
    Math.abs(maxLat) > 90 ||
    Math.abs(minLng) > 180 ||
    Math.abs(maxLng) > 180
  ) {
    throw badQuery('bbox', hotspotTexts.bboxInvalid);
  }
  return { minLng, minLat, maxLng, maxLat };
}

export interface PeriodQuery {
  category?: string | undefined;
  subcategory?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status: 'all' | 'open';
  weekday?: number | undefined;
  hour?: number | undefined;
}

/** The statuses that still need work, as the queue's `open`. */
export const OPEN_STATUSES: readonly string[] = meldingStatuses.filter((s) => statusRules[s].open);

/** The repository filter of a query; default period: the 90 days before now. */
export function toFilter(query: PeriodQuery, now: Date): HotspotFilter {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime() || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw badQuery('from', hotspotTexts.periodInvalid);
  }
  if (query.subcategory !== undefined) {
    if (query.category === undefined) {
      throw badQuery('subcategory', hotspotTexts.subcategoryWithoutCategory);
    }
    const known = getCategory(query.category)?.subcategories.some((s) => s.id === query.subcategory);
    if (!known) throw badQuery('subcategory', hotspotTexts.subcategoryInvalid(query.subcategory));
  }
  return {
    category: query.category,
    subcategory: query.subcategory,
    from,
    to,
    weekday: query.weekday,
    hour: query.hour,
    statuses: query.status === 'open' ? OPEN_STATUSES : undefined,
  };
}

/**
 * Which individual meldingen a staff member may see on the map and in a cell: exactly the ones the
 * access policy lets them open (canAccessMelding) — coordinator/admin every melding (also unrouted
 * ones), boa/politie their own teams'. null: counts only (an officer without a team).
 */
export function pointScopeFor(staff: StaffContext, limit: number): PointScope | null {
  // Only a role that sees every team may open a melding without a team.
  if (canAccessMelding(staff, { teamId: null })) return { limit };
  return staff.teamIds.length > 0 ? { teamIds: staff.teamIds, limit } : null;
}
