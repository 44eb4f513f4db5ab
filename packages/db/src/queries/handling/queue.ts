import { and, asc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { attachments, meldingAddresses, meldingen, staffUsers, teams } from '../../schema.ts';
import { meldingNameColumns } from '../melding-columns.ts';

export interface QueueFilter {
  /** Only this team's meldingen; undefined: every melding (coordinator, admin). */
  teamId?: string | undefined;
  statuses: readonly string[];
  category?: string | undefined;
  wijkCode?: string | undefined;
  /** created_at >= from */
  from?: Date | undefined;
  /** created_at < to */
  to?: Date | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface QueueRow {
  id: string;
  reference: string;
  category: string;
  subcategory: string | null;
  status: string;
  priority: string | null;
  teamId: string | null;
  teamName: string | null;
  wijkCode: string | null;
  addressText: string | null;
  /** The street of the looked-up address near the point (melding_addresses), if any. */
  approximateStreet: string | null;
  createdAt: Date;
  /** The afhandeltermijn; null while unrouted. */
  deadlineAt: Date | null;
  /** The melder answered "Is het nu aan de gang?" with yes. */
  nuGaande: boolean;
  /** How often it was reopened (by the melder's "niet opgelost", or by staff). */
  reopenCount: number;
  assignedUserId: string | null;
  assignedUserName: string | null;
  photoCount: number;
}

function conditions(filter: QueueFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [
    filter.statuses.length > 0 ? inArray(meldingen.status, [...filter.statuses]) : undefined,
    filter.teamId !== undefined ? eq(meldingen.teamId, filter.teamId) : undefined,
    filter.category !== undefined ? eq(meldingen.category, filter.category) : undefined,
    filter.wijkCode !== undefined ? eq(meldingen.wijkCode, filter.wijkCode) : undefined,
    filter.from !== undefined ? gte(meldingen.createdAt, filter.from) : undefined,
    filter.to !== undefined ? lt(meldingen.createdAt, filter.to) : undefined,
  ];
  return and(...where);
}

// Urgent first: spoed, hoog, then normaal (and a melding without priority yet, still unrouted).
const priorityRank = sql`CASE ${meldingen.priority} WHEN 'spoed' THEN 0 WHEN 'hoog' THEN 1 ELSE 2 END`;
// Within a priority the nearest afhandeltermijn first; without one (not routed yet) after those.
const deadlineOrder = sql`${meldingen.deadlineAt} ASC NULLS LAST`;

/**
 * One page of a team's queue: spoed, then hoog, then the rest; within each the nearest deadline, then
 * the oldest. With the total for paging.
 */
export async function listQueue(
  db: DbOrTx,
  filter: QueueFilter,
): Promise<{ rows: QueueRow[]; total: number }> {
  const where = conditions(filter);
  const photoCount = db
    .select({ meldingId: attachments.meldingId, n: sql<number>`count(*)::int`.as('n') })
    .from(attachments)
    .groupBy(attachments.meldingId)
    .as('photo_count');
  const rows = await db
    .select({
      ...meldingNameColumns,
      status: meldingen.status,
      priority: meldingen.priority,
      teamId: meldingen.teamId,
      teamName: teams.name,
      wijkCode: meldingen.wijkCode,
      reopenCount: meldingen.reopenCount,
      addressText: meldingen.addressText,
      approximateStreet: meldingAddresses.street,
      createdAt: meldingen.createdAt,
      deadlineAt: meldingen.deadlineAt,
      nuGaande: sql<boolean>`coalesce(${meldingen.answers}->>'nu_gaande' = 'true', false)`,
      assignedUserId: meldingen.assignedUserId,
      assignedUserName: staffUsers.name,
      photoCount: sql<number>`coalesce(${photoCount.n}, 0)::int`,
    })
    .from(meldingen)
    .leftJoin(teams, eq(teams.id, meldingen.teamId))
    .leftJoin(staffUsers, eq(staffUsers.id, meldingen.assignedUserId))
    .leftJoin(photoCount, eq(photoCount.meldingId, meldingen.id))
    .leftJoin(meldingAddresses, eq(meldingAddresses.meldingId, meldingen.id))
    .where(where)
    .orderBy(priorityRank, deadlineOrder, asc(meldingen.createdAt), asc(meldingen.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(meldingen).where(where);
  return {
    rows: rows.map((r) => ({ ...r, nuGaande: r.nuGaande === true, photoCount: Number(r.photoCount) })),
    total: Number(count?.n ?? 0),
  };
}
