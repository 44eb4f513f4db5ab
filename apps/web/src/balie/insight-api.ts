import { apiUrl } from '../runtime-config.ts';
import { type Labelled, qs, staffRequest } from './api.ts';

// The hotspot map and the weekly overview as the console uses them (docs/staff-api.md, "Hotspots" and
// "Weekly overview"). Cells come with their GeoJSON boundary: the browser never computes H3 itself.

export interface GeoPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface Wijk {
  code: string;
  naam: string;
}

export interface HotspotCell {
  cell: string;
  res: number;
  count: number;
  centre: { lat: number; lng: number };
  boundary: GeoPolygon;
}

export interface MeldingPoint {
  id: string;
  reference: string;
  lat: number;
  lng: number;
  category: Labelled;
  subcategory: Labelled | null;
  status: { code: string; label: string };
  happenedAt: string;
}

export interface HotspotsResponse {
  res: number;
  period: { from: string; to: string };
  total: number;
  maxCount: number;
  cells: HotspotCell[];
  meldingen: MeldingPoint[] | null;
  meldingenTruncated: boolean;
}

export interface CellProfile {
  cell: string;
  res: number;
  centre: { lat: number; lng: number };
  boundary: GeoPolygon;
  wijk: Wijk | null;
  period: { from: string; to: string };
  total: number;
  byCategory: { category: Labelled; count: number }[];
  matrix: number[][];
  trend: { week: string; start: string; count: number }[];
  meldingen: MeldingPoint[] | null;
  meldingenTruncated: boolean;
}

export interface HotspotRule {
  id: string;
  name: string;
  category: string | null;
  subcategory: string | null;
  resolution: number;
  minCount: number;
  windowDays: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type HotspotRuleInput = Omit<HotspotRule, 'id' | 'createdAt' | 'updatedAt'>;

export interface ActiveHotspot {
  id: string;
  cell: string;
  res: number;
  centre: { lat: number; lng: number };
  boundary: GeoPolygon;
  wijk: Wijk | null;
  since: string;
  lastCount: number;
  lastCheckedAt: string;
  rule: {
    id: string;
    name: string;
    category: string | null;
    subcategory: string | null;
    minCount: number;
    windowDays: number;
  };
  notifiedAt: string | null;
  notifiedTeams: { id: string; name: string }[];
}

/** The record of a "new hotspot" notification to one team (`GET /hotspots/notifications`). */
export interface HotspotNotification {
  id: string;
  hotspotId: string;
  team: { id: string; name: string };
  cell: string;
  res: number;
  wijk: Wijk | null;
  rule: { id: string; name: string };
  lastCount: number;
  since: string;
  active: boolean;
  createdAt: string;
}

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

export interface Trend {
  count: number;
  previousAverage: number;
  change: number;
  changePercent: number | null;
}

export interface WeeklyReport {
  week: string;
  from: string;
  to: string;
  generatedAt: string;
  minCount: number;
  totals: Trend;
  perCategory: (Trend & { category: Labelled })[];
  perWijk: (Trend & { wijk: Wijk | null })[];
  pastDeadline: {
    total: number;
    items: {
      id: string;
      reference: string;
      category: Labelled;
      team: { id: string; name: string } | null;
      priority: string | null;
      deadlineAt: string;
      daysLate: number;
    }[];
  };
  reopened: {
    total: number;
    items: {
      id: string;
      reference: string;
      category: Labelled;
      wijk: Wijk | null;
      team: { id: string; name: string } | null;
      reopenedAt: string;
      by: 'melder' | 'staff';
      status: { code: string; label: string };
    }[];
  };
  satisfaction: {
    ja: number;
    nee: number;
    explanations: { reference: string; explanation: string; answeredAt: string }[];
  };
  notable: {
    id: string;
    reference: string;
    category: Labelled;
    wijk: Wijk | null;
    reason: string;
    flaggedAt: string;
    flaggedBy: { id: string; name: string } | null;
  }[];
  hotspots: {
    cell: string;
    resolution: number;
    wijk: Wijk | null;
    category: Labelled | null;
    since: string;
    count: number;
    profile: { weekdayHour: number[][] };
  }[];
}

export interface NotableFlag {
  at: string;
  by: { id: string; name: string } | null;
  reason: string;
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
    staffRequest<HotspotsResponse>(
      'GET',
      `/hotspots${qs({ bbox: bbox.map((n) => n.toFixed(6)).join(','), res, ...filterParams(filters) })}`,
    ),
  cell: (cell: string, filters: HotspotFilters) =>
    staffRequest<CellProfile>(
      'GET',
      `/hotspots/${encodeURIComponent(cell)}${qs({
        category: filters.category,
        subcategory: filters.subcategory,
        from: filters.from,
        to: filters.to,
        status: filters.status,
      })}`,
    ),
  activeHotspots: () => staffRequest<{ items: ActiveHotspot[] }>('GET', '/hotspots/active'),
  hotspotNotifications: () =>
    staffRequest<{ items: HotspotNotification[] }>('GET', '/hotspots/notifications'),
  rules: () => staffRequest<{ items: HotspotRule[] }>('GET', '/hotspot-rules'),
  createRule: (input: HotspotRuleInput) => staffRequest<HotspotRule>('POST', '/hotspot-rules', input),
  updateRule: (id: string, input: HotspotRuleInput) =>
    staffRequest<HotspotRule>('PUT', `/hotspot-rules/${encodeURIComponent(id)}`, input),
  weekly: (week?: string) => staffRequest<WeeklyReport>('GET', `/reports/weekly${qs({ week })}`),
  flagNotable: (id: string, reason: string) =>
    staffRequest<{ notable: NotableFlag }>('POST', `/meldingen/${encodeURIComponent(id)}/notable`, {
      reason,
    }),
  unflagNotable: (id: string) => staffRequest<void>('DELETE', `/meldingen/${encodeURIComponent(id)}/notable`),
};

/** Links (downloads) for the CSV exports; the browser sends the session cookie along. */
export const weeklyCsvUrl = (week: string): string =>
  apiUrl(`/api/v1/staff/reports/weekly${qs({ week, format: 'csv' })}`);
export const weeklyMeldingenCsvUrl = (week: string): string =>
  apiUrl(`/api/v1/staff/reports/weekly/meldingen.csv${qs({ week })}`);
