import {
  boundingBox,
  type GroupingCandidate,
  type GroupingSettings,
  type GroupingSubject,
} from '@buurtsignaal/core';
import { and, asc, between, eq, ne, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { incidentGroupMembers, incidentGroups, meldingen } from '../../schema.ts';

// The meldingen that might belong with one: same category, open, in a box around it and within the time
// window. A pre-filter only: core's groupingRefusal decides.

export interface CandidateRow extends GroupingCandidate {
  reference: string;
  /** The group it is in, and that group's primary; null: in none. */
  groupId: string | null;
  primaryMeldingId: string | null;
}

export async function listGroupingCandidates(
  db: DbOrTx,
  q: {
    excludeId: string;
    category: string;
    lat: number;
    lng: number;
    reportedAt: Date;
    settings: GroupingSettings;
    limit?: number;
  },
): Promise<CandidateRow[]> {
  const box = boundingBox(q, q.settings.radiusMeters);
  const windowMs = q.settings.windowMinutes * 60_000;
  const rows = await db
    .select({
      id: meldingen.id,
      reference: meldingen.reference,
      category: meldingen.category,
      teamId: meldingen.teamId,
      lat: meldingen.lat,
      lng: meldingen.lng,
      reportedAt: meldingen.createdAt,
      status: meldingen.status,
      groupId: incidentGroupMembers.groupId,
      primaryMeldingId: incidentGroups.primaryMeldingId,
    })
    .from(meldingen)
    .leftJoin(incidentGroupMembers, eq(incidentGroupMembers.meldingId, meldingen.id))
    .leftJoin(incidentGroups, eq(incidentGroups.id, incidentGroupMembers.groupId))
    .where(
      and(
        ne(meldingen.id, q.excludeId),
        eq(meldingen.category, q.category),
        notInArray(meldingen.status, ['afgehandeld', 'geannuleerd']),
        between(meldingen.lat, box.minLat, box.maxLat),
        between(meldingen.lng, box.minLng, box.maxLng),
        between(
          meldingen.createdAt,
          new Date(q.reportedAt.getTime() - windowMs),
          new Date(q.reportedAt.getTime() + windowMs),
        ),
      ),
    )
    .orderBy(asc(meldingen.createdAt))
    .limit(q.limit ?? 50);
  return rows;
}

/** What the grouping decision knows of the melding itself (no melder data). */
export async function findGroupingSubject(
  db: DbOrTx,
  meldingId: string,
): Promise<(GroupingSubject & { status: string; reference: string }) | undefined> {
  const [row] = await db
    .select({
      id: meldingen.id,
      reference: meldingen.reference,
      category: meldingen.category,
      teamId: meldingen.teamId,
      lat: meldingen.lat,
      lng: meldingen.lng,
      reportedAt: meldingen.createdAt,
      status: meldingen.status,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId));
  return row;
}
