import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows, toDate, ts } from '../../sql-rows.ts';

// Read-only queries of the weekly overview (apps/api reports/). None of them selects melder contact data
// or the melding's description: the overview and its exports hold aggregates and references only.

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const toDateOrNull = (v: Date | string | null) => (v === null ? null : toDate(v));

/** The columns every listed melding starts with (m.id, m.reference, m.category), and `total`. */
interface ListedMelding {
  id: string;
  reference: string;
  category: string;
  /** count(*) OVER (): all rows that match, before LIMIT. */
  total: number;
}

/** Runs a list query counted with `count(*) OVER () AS total`: that total, and the rows mapped. */
async function countedList<Row extends ListedMelding, Item>(
  db: DbOrTx,
  query: SQL,
  toItem: (row: Row) => Item,
): Promise<{ total: number; items: (Pick<ListedMelding, 'id' | 'reference' | 'category'> & Item)[] }> {
  const result = await rows<Row>(db, query);
  return {
    total: result[0]?.total ?? 0,
    items: result.map((r) => ({ id: r.id, reference: r.reference, category: r.category, ...toItem(r) })),
  };
}

export interface WeekCountRow {
  category: string;
  wijkCode: string | null;
  /** Index into the week starts given (0 = the oldest week). */
  week: number;
  count: number;
}

/**
 * Meldingen counted by category, wijk and week, over consecutive weeks: `weekStarts` are the weeks' first
 * instants (ascending), `end` the end of the last week. One range scan on created_at.
 */
export async function countMeldingenPerWeek(
  db: DbOrTx,
  weekStarts: readonly Date[],
  end: Date,
): Promise<WeekCountRow[]> {
  const first = weekStarts[0];
  if (first === undefined) return [];
  const bucket = sql.join(
    weekStarts.map((start, i) => sql`WHEN created_at >= ${ts(start)} THEN ${i}`).reverse(),
    sql` `,
  );
  const result = await rows<{ category: string; wijk_code: string | null; week: number; count: number }>(
    db,
    sql`SELECT category, wijk_code, (CASE ${bucket} END)::int AS week, count(*)::int AS count
          FROM meldingen
         WHERE created_at >= ${ts(first)} AND created_at < ${ts(end)}
         GROUP BY 1, 2, 3`,
  );
  return result.map((r) => ({ category: r.category, wijkCode: r.wijk_code, week: r.week, count: r.count }));
}

export interface PastDeadlineRow {
  id: string;
  reference: string;
  category: string;
  teamId: string | null;
  teamName: string | null;
  priority: string | null;
  deadlineAt: Date;
}

/** Meldingen in one of `openStatuses` whose deadline lies before `at`; oldest deadline first. */
export async function listPastDeadline(
  db: DbOrTx,
  params: { at: Date; openStatuses: readonly string[]; limit: number },
): Promise<{ total: number; items: PastDeadlineRow[] }> {
  return countedList(
    db,
    sql`SELECT m.id, m.reference, m.category, m.team_id, t.name AS team_name, m.priority, m.deadline_at,
               count(*) OVER ()::int AS total
          FROM meldingen m LEFT JOIN teams t ON t.id = m.team_id
         WHERE m.deadline_at < ${ts(params.at)} AND m.status = ANY(${textArray(params.openStatuses)})
         ORDER BY m.deadline_at, m.reference
         LIMIT ${params.limit}`,
    (
      r: ListedMelding & {
        team_id: string | null;
        team_name: string | null;
        priority: string | null;
        deadline_at: Date | string;
      },
    ) => ({
      teamId: r.team_id,
      teamName: r.team_name,
      priority: r.priority,
      deadlineAt: toDate(r.deadline_at),
    }),
  );
}

export interface ReopenedRow {
  id: string;
  reference: string;
  category: string;
  wijkCode: string | null;
  teamId: string | null;
  teamName: string | null;
  status: string;
  reopenedAt: Date;
  /** The actor of the last reopen in the period: 'melder', 'systeem' or 'staff:<id>'. */
  actor: string;
}

/** Meldingen with a status change to heropend in [from, to); the last such change counts. Newest first. */
export async function listReopened(
  db: DbOrTx,
  params: { from: Date; to: Date; limit: number },
): Promise<{ total: number; items: ReopenedRow[] }> {
  return countedList(
    db,
    sql`SELECT m.id, m.reference, m.category, m.wijk_code, m.team_id, t.name AS team_name, m.status,
               e.created_at AS reopened_at, e.actor, count(*) OVER ()::int AS total
          FROM (SELECT DISTINCT ON (melding_id) melding_id, created_at, actor
                  FROM status_events
                 WHERE to_status = 'heropend' AND created_at >= ${ts(params.from)} AND created_at < ${ts(params.to)}
                 ORDER BY melding_id, created_at DESC, id DESC) e
          JOIN meldingen m ON m.id = e.melding_id
          LEFT JOIN teams t ON t.id = m.team_id
         ORDER BY e.created_at DESC, m.reference
         LIMIT ${params.limit}`,
    (
      r: ListedMelding & {
        wijk_code: string | null;
        team_id: string | null;
        team_name: string | null;
        status: string;
        reopened_at: Date | string;
        actor: string;
      },
    ) => ({
      wijkCode: r.wijk_code,
      teamId: r.team_id,
      teamName: r.team_name,
      status: r.status,
      reopenedAt: toDate(r.reopened_at),
      actor: r.actor,
    }),
  );
}

export interface SatisfactionSummary {
  ja: number;
  nee: number;
  /** The "nee" answers with an explanation, newest first, at most `limit`. */
  explanations: { reference: string; explanation: string; answeredAt: Date }[];
}

/** The melders' answers to "Is uw melding opgelost?" given in [from, to). */
export async function summariseSatisfaction(
  db: DbOrTx,
  params: { from: Date; to: Date; limit: number },
): Promise<SatisfactionSummary> {
  const inPeriod = sql`f.created_at >= ${ts(params.from)} AND f.created_at < ${ts(params.to)}`;
  const [counts] = await rows<{ ja: number; nee: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE f.solved)::int AS ja, count(*) FILTER (WHERE NOT f.solved)::int AS nee
          FROM melder_feedback f WHERE ${inPeriod}`,
  );
  const explanations = await rows<{ reference: string; explanation: string; answered_at: Date | string }>(
    db,
    sql`SELECT m.reference, f.explanation, f.created_at AS answered_at
          FROM melder_feedback f JOIN meldingen m ON m.id = f.melding_id
         WHERE ${inPeriod} AND NOT f.solved AND coalesce(f.explanation, '') <> ''
         ORDER BY f.created_at DESC, m.reference
         LIMIT ${params.limit}`,
  );
  return {
    ja: counts?.ja ?? 0,
    nee: counts?.nee ?? 0,
    explanations: explanations.map((r) => ({
      reference: r.reference,
      explanation: r.explanation,
      answeredAt: toDate(r.answered_at),
    })),
  };
}

export interface NotableRow {
  id: string;
  reference: string;
  category: string;
  wijkCode: string | null;
  reason: string;
  flaggedAt: Date;
  flaggedById: string | null;
  flaggedByName: string | null;
}

/** Meldingen flagged notable in [from, to) and still flagged; oldest flag first. */
export async function listNotable(
  db: DbOrTx,
  params: { from: Date; to: Date; limit: number },
): Promise<{ total: number; items: NotableRow[] }> {
  return countedList(
    db,
    sql`SELECT m.id, m.reference, m.category, m.wijk_code, m.notable_reason, m.notable_at, m.notable_by,
               u.name AS by_name, count(*) OVER ()::int AS total
          FROM meldingen m LEFT JOIN staff_users u ON u.id = m.notable_by
         WHERE m.notable_at >= ${ts(params.from)} AND m.notable_at < ${ts(params.to)}
         ORDER BY m.notable_at, m.reference
         LIMIT ${params.limit}`,
    (
      r: ListedMelding & {
        wijk_code: string | null;
        notable_reason: string | null;
        notable_at: Date | string;
        notable_by: string | null;
        by_name: string | null;
      },
    ) => ({
      wijkCode: r.wijk_code,
      reason: r.notable_reason ?? '',
      flaggedAt: toDate(r.notable_at),
      flaggedById: r.notable_by,
      flaggedByName: r.by_name,
    }),
  );
}

export interface WeekMeldingRow {
  reference: string;
  createdAt: Date;
  category: string;
  subcategory: string | null;
  wijkCode: string | null;
  status: string;
  teamName: string | null;
  priority: string | null;
  deadlineAt: Date | null;
  reopenCount: number;
  notable: boolean;
}

/** The per-melding rows of a period for the coordinator's CSV; deliberately no free text, no contact data. */
export async function listMeldingenCreatedIn(
  db: DbOrTx,
  params: { from: Date; to: Date },
): Promise<WeekMeldingRow[]> {
  const result = await rows<{
    reference: string;
    created_at: Date | string;
    category: string;
    subcategory: string | null;
    wijk_code: string | null;
    status: string;
    team_name: string | null;
    priority: string | null;
    deadline_at: Date | string | null;
    reopen_count: number;
    notable: boolean;
  }>(
    db,
    sql`SELECT m.reference, m.created_at, m.category, m.subcategory, m.wijk_code, m.status,
               t.name AS team_name, m.priority, m.deadline_at, m.reopen_count,
               (m.notable_at IS NOT NULL) AS notable
          FROM meldingen m LEFT JOIN teams t ON t.id = m.team_id
         WHERE m.created_at >= ${ts(params.from)} AND m.created_at < ${ts(params.to)}
         ORDER BY m.created_at, m.reference`,
  );
  return result.map((r) => ({
    reference: r.reference,
    createdAt: toDate(r.created_at),
    category: r.category,
    subcategory: r.subcategory,
    wijkCode: r.wijk_code,
    status: r.status,
    teamName: r.team_name,
    priority: r.priority,
    deadlineAt: toDateOrNull(r.deadline_at),
    reopenCount: Number(r.reopen_count),
    notable: r.notable,
  }));
}
