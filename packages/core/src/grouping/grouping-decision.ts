import { greatCircleDistance, UNITS } from 'h3-js';
import { isMeldingStatus, isOpen } from '../status-machine.ts';

// One incident, many reports: whether a new melding belongs with an open one of the same kind, close
// in place and time. The worker decides automatic grouping with it; the console's "in de buurt" list
// uses the same test with a wider radius and window.

export interface GroupingSettings {
  /** At most this far apart (metres, great-circle). */
  radiusMeters: number;
  /** At most this far apart in time (minutes, either way). */
  windowMinutes: number;
}

/** Automatic grouping when a melding is routed (worker config GROUPING_*). */
export const defaultGroupingSettings: GroupingSettings = { radiusMeters: 150, windowMinutes: 30 };

/** What the melding detail lists as "in de buurt" to group by hand. */
export const nearbySettings: GroupingSettings = { radiusMeters: 300, windowMinutes: 24 * 60 };

export interface GroupingSubject {
  id: string;
  category: string;
  /** The team it was routed to; only meldingen of one team are grouped (one team handles the incident). */
  teamId: string | null;
  lat: number;
  lng: number;
  /** When it was reported (created_at). */
  reportedAt: Date;
}

export interface GroupingCandidate extends GroupingSubject {
  status: string;
}

export type GroupingRefusal = 'self' | 'category' | 'team' | 'closed' | 'distance' | 'time';

export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return greatCircleDistance([a.lat, a.lng], [b.lat, b.lng], UNITS.m);
}

/**
 * Why `candidate` is no group for `subject`, or undefined when it is: the same category and team, the
 * candidate still open (not afgehandeld or geannuleerd), within the radius and the time window.
 */
export function groupingRefusal(
  subject: GroupingSubject,
  candidate: GroupingCandidate,
  settings: GroupingSettings,
  options: { sameTeam?: boolean } = {},
): GroupingRefusal | undefined {
  if (candidate.id === subject.id) return 'self';
  if (candidate.category !== subject.category) return 'category';
  if ((options.sameTeam ?? true) && candidate.teamId !== subject.teamId) return 'team';
  if (!isMeldingStatus(candidate.status) || !isOpen(candidate.status)) return 'closed';
  if (distanceMeters(subject, candidate) > settings.radiusMeters) return 'distance';
  const minutes = Math.abs(subject.reportedAt.getTime() - candidate.reportedAt.getTime()) / 60_000;
  if (minutes > settings.windowMinutes) return 'time';
  return undefined;
}

/**
 * The open melding a new one is grouped with: of the candidates that qualify, the nearest (then the
 * earliest reported). Undefined: it stands on its own.
 */
export function chooseGroupFor<C extends GroupingCandidate>(
  subject: GroupingSubject,
  candidates: readonly C[],
  settings: GroupingSettings = defaultGroupingSettings,
): C | undefined {
  const fitting = candidates
    .filter((c) => groupingRefusal(subject, c, settings) === undefined)
    .map((c) => ({ c, d: distanceMeters(subject, c) }));
  fitting.sort((x, y) => x.d - y.d || x.c.reportedAt.getTime() - y.c.reportedAt.getTime());
  return fitting[0]?.c;
}

/** A bounding box around a point that holds every place within `radiusMeters` (for the SQL pre-filter). */
export function boundingBox(
  p: { lat: number; lng: number },
  radiusMeters: number,
): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  // A degree of latitude is ~111.2 km; a degree of longitude shrinks with cos(lat). A little margin.
  const dLat = (radiusMeters / 111_000) * 1.01;
  const dLng = dLat / Math.max(0.01, Math.cos((p.lat * Math.PI) / 180));
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}
