import {
  type activeHotspotSchema,
  activeHotspotsResponseSchema,
  cellProfileSchema as cellProfileReply,
  type cellProfileSchema,
  type cellSchema,
  hotspotMapSchema as hotspotMapReply,
  type hotspotMapSchema,
  type hotspotNotificationSchema,
  hotspotNotificationsResponseSchema,
  type hotspotRuleBodySchema,
  hotspotRuleSchema,
  hotspotRulesResponseSchema,
  type meldingPointSchema,
  notableResponseSchema,
  type trendSchema,
  type Wire,
  weeklyReportSchema as weeklyReportReply,
  type weeklyReportSchema,
  type wijkRefSchema,
} from '@buurtsignaal/core/contract';
import { apiUrl } from '../runtime-config.ts';
import { qs, staffRequest } from './api.ts';

// The hotspot map and the weekly overview as the console uses them (docs/staff-api.md, "Hotspots" and
// "Weekly overview"). Cells come with their GeoJSON boundary: the browser never computes H3 itself.

// Every reply type is derived from the contract (@buurtsignaal/core/contract) and every reply parsed
// with it: `Wire<…>` is the body as it travels (dates as ISO strings).

export type HotspotsResponse = Wire<typeof hotspotMapSchema>;
export type HotspotCell = Wire<typeof cellSchema>;
export type GeoPolygon = HotspotCell['boundary'];
export type MeldingPoint = Wire<typeof meldingPointSchema>;
export type CellProfile = Wire<typeof cellProfileSchema>;
export type Wijk = Wire<typeof wijkRefSchema>;
export type HotspotRule = Wire<typeof hotspotRuleSchema>;
export type HotspotRuleInput = Wire<typeof hotspotRuleBodySchema>;
export type ActiveHotspot = Wire<typeof activeHotspotSchema>;
/** The record of a "new hotspot" notification to one team (`GET /hotspots/notifications`). */
export type HotspotNotification = Wire<typeof hotspotNotificationSchema>;
export type Trend = Wire<typeof trendSchema>;
export type WeeklyReport = Wire<typeof weeklyReportSchema>;
export type NotableFlag = Wire<typeof notableResponseSchema>['notable'];

/** Filters shared by the map query and the cell profile. */
export interface HotspotFilters {
  category?: string | undefined;
  subcategory?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  weekday?: number | undefined;
  hour?: number | undefined;
  status?: 'all' | 'open' | undefined;
}

const filterParams = (f: HotspotFilters) => ({
  category: f.category,
  subcategory: f.subcategory,
  from: f.from,
  to: f.to,
  weekday: f.weekday,
  hour: f.hour,
  status: f.status,
});

export const insightApi = {
  hotspots: (bbox: [number, number, number, number], res: number, filters: HotspotFilters) =>
    staffRequest(
      'GET',
      `/hotspots${qs({ bbox: bbox.map((n) => n.toFixed(6)).join(','), res, ...filterParams(filters) })}`,
      hotspotMapReply,
    ),
  cell: (cell: string, filters: HotspotFilters) =>
    staffRequest(
      'GET',
      `/hotspots/${encodeURIComponent(cell)}${qs({
        category: filters.category,
        subcategory: filters.subcategory,
        from: filters.from,
        to: filters.to,
        status: filters.status,
      })}`,
      cellProfileReply,
    ),
  activeHotspots: () => staffRequest('GET', '/hotspots/active', activeHotspotsResponseSchema),
  hotspotNotifications: () =>
    staffRequest('GET', '/hotspots/notifications', hotspotNotificationsResponseSchema),
  rules: () => staffRequest('GET', '/hotspot-rules', hotspotRulesResponseSchema),
  createRule: (input: HotspotRuleInput) => staffRequest('POST', '/hotspot-rules', hotspotRuleSchema, input),
  updateRule: (id: string, input: HotspotRuleInput) =>
    staffRequest('PUT', `/hotspot-rules/${encodeURIComponent(id)}`, hotspotRuleSchema, input),
  weekly: (week?: string) => staffRequest('GET', `/reports/weekly${qs({ week })}`, weeklyReportReply),
  flagNotable: (id: string, reason: string) =>
    staffRequest('POST', `/meldingen/${encodeURIComponent(id)}/notable`, notableResponseSchema, { reason }),
  unflagNotable: (id: string) => staffRequest('DELETE', `/meldingen/${encodeURIComponent(id)}/notable`, null),
};

/** Links (downloads) for the CSV exports; the browser sends the session cookie along. */
export const weeklyCsvUrl = (week: string): string =>
  apiUrl(`/api/v1/staff/reports/weekly${qs({ week, format: 'csv' })}`);
export const weeklyMeldingenCsvUrl = (week: string): string =>
  apiUrl(`/api/v1/staff/reports/weekly/meldingen.csv${qs({ week })}`);
