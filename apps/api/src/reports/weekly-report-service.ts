import { categoryIds, coverageGaps, listWijken, meldingStatuses, statusRules } from '@buurtsignaal/core';
import type { Trend, WeeklyReport } from '@buurtsignaal/core/contract';
import { formatIsoWeek, type IsoWeek, isoWeekAt, shiftWeek, weekBounds } from '@buurtsignaal/core/time';
import type { DbOrTx } from '@buurtsignaal/db';
import { hotspotTimeProfile, listHotspotsActiveIn } from '@buurtsignaal/db/queries/reports/hotspots';
import {
  countMeldingenPerWeek,
  listMeldingenCreatedIn,
  listNotable,
  listPastDeadline,
  listReopened,
  summariseSatisfaction,
  type WeekCountRow,
} from '@buurtsignaal/db/queries/reports/weekly';
import { coverageInput } from '@buurtsignaal/db/queries/roster/coverage-input';
import { categoryView, priorityView, statusView, teamView, wijkView } from '../handling/melding-view.ts';
import { gapView } from '../rosters/roster-views.ts';

/** At most this many entries per list in the overview; `total` gives the full number. */
export const REPORT_LIST_LIMIT = 200;
/** Weeks before the chosen one that its counts are compared with. */
export const PREVIOUS_WEEKS = 4;

const DAY = 86_400_000;
const openStatuses = meldingStatuses.filter((s) => statusRules[s].open);

export interface WeeklyReportDeps {
  db: DbOrTx;
  now: () => Date;
  /** k of "< k" (REPORT_MIN_COUNT); told to the client, applied by the CSV export. */
  minCount: number;
}

/** counts[0..3]: the 4 weeks before, counts[4]: the week itself. */
export function trendOf(counts: readonly number[]): Trend {
  const count = counts[PREVIOUS_WEEKS] ?? 0;
  const previousAverage = counts.slice(0, PREVIOUS_WEEKS).reduce((a, b) => a + b, 0) / PREVIOUS_WEEKS;
  const change = count - previousAverage;
  const changePercent = previousAverage === 0 ? null : Math.round((change / previousAverage) * 1000) / 10;
  return { count, previousAverage, change, changePercent };
}

function sumBy<K>(rows: readonly WeekCountRow[], key: (r: WeekCountRow) => K): Map<K, number[]> {
  const sums = new Map<K, number[]>();
  for (const r of rows) {
    const k = key(r);
    let weeks = sums.get(k);
    if (!weeks) {
      weeks = Array.from({ length: PREVIOUS_WEEKS + 1 }, () => 0);
      sums.set(k, weeks);
    }
    weeks[r.week] = (weeks[r.week] ?? 0) + r.count;
  }
  return sums;
}

const zeros = () => Array.from({ length: PREVIOUS_WEEKS + 1 }, () => 0);

function trends(rows: readonly WeekCountRow[]) {
  const byCategory = sumBy(rows, (r) => r.category);
  const categories = [
    ...categoryIds,
    ...[...byCategory.keys()].filter((c) => !categoryIds.includes(c as never)).sort(),
  ];
  const perCategory = categories.map((id) => ({
    category: categoryView(id, null).category,
    ...trendOf(byCategory.get(id) ?? zeros()),
  }));
  const byWijk = sumBy(rows, (r) => r.wijkCode);
  const known = listWijken().map((w) => w.code);
  const unknown = [...byWijk.keys()].filter((c): c is string => c !== null && !known.includes(c)).sort();
  const perWijk = [...known, ...unknown].map((code) => ({
    wijk: wijkView(code),
    ...trendOf(byWijk.get(code) ?? zeros()),
  }));
  const outside = byWijk.get(null);
  if (outside?.some((n) => n > 0)) perWijk.push({ wijk: null, ...trendOf(outside) });
  const totals = trendOf(sumBy(rows, () => 'all').get('all') ?? zeros());
  return { totals, perCategory, perWijk };
}

async function hotspotsOf(deps: WeeklyReportDeps, from: Date, at: Date): Promise<WeeklyReport['hotspots']> {
  const active = await listHotspotsActiveIn(deps.db, { from, to: at, limit: REPORT_LIST_LIMIT });
  const result: WeeklyReport['hotspots'] = [];
  for (const h of active) {
    const weekdayHour = await hotspotTimeProfile(deps.db, h, {
      from: new Date(at.getTime() - h.windowDays * DAY),
      to: at,
    });
    result.push({
      cell: h.cell,
      resolution: h.resolution,
      wijk: wijkView(h.wijkCode),
      category: h.category === null ? null : categoryView(h.category, null).category,
      since: h.since.toISOString(),
      count: weekdayHour.flat().reduce((a, b) => a + b, 0),
      profile: { weekdayHour },
    });
  }
  return result;
}

/** Per active team with expected hours, the gaps in its coverage in the week [from, to). */
async function coverageOf(db: DbOrTx, from: Date, to: Date): Promise<WeeklyReport['coverageGaps']> {
  const input = await coverageInput(db, { from, until: to });
  return input.teams
    .filter((t) => t.coverage.kind === 'always' || t.coverage.windows.length > 0)
    .map((team) => {
      const gaps = coverageGaps(input, team, from, 7).map(gapView);
      return {
        team: { id: team.id, name: team.name },
        totalMinutes: gaps.reduce((a, g) => a + g.minutes, 0),
        gaps,
      };
    });
}

/** The weekly overview of docs/staff-api.md ("Weekly overview"), real numbers (no suppression). */
export async function buildWeeklyReport(deps: WeeklyReportDeps, week: IsoWeek): Promise<WeeklyReport> {
  const { db } = deps;
  const now = deps.now();
  const { from, to } = weekBounds(week);
  // For the running week, "past the deadline" and the hotspot profiles look at now, not next Monday.
  const at = to.getTime() < now.getTime() ? to : now;
  const weekStarts = Array.from(
    { length: PREVIOUS_WEEKS + 1 },
    (_, i) => weekBounds(shiftWeek(week, i - PREVIOUS_WEEKS)).from,
  );
  const period = { from, to, limit: REPORT_LIST_LIMIT };
  const [counts, pastDeadline, reopened, satisfaction, notable, hotspots, coverage] = await Promise.all([
    countMeldingenPerWeek(db, weekStarts, to),
    listPastDeadline(db, { at, openStatuses, limit: REPORT_LIST_LIMIT }),
    listReopened(db, period),
    summariseSatisfaction(db, period),
    listNotable(db, period),
    hotspotsOf(deps, from, at),
    coverageOf(db, from, to),
  ]);
  return {
    week: formatIsoWeek(week),
    from: from.toISOString(),
    to: to.toISOString(),
    generatedAt: now.toISOString(),
    minCount: deps.minCount,
    ...trends(counts),
    pastDeadline: {
      total: pastDeadline.total,
      items: pastDeadline.items.map((r) => ({
        id: r.id,
        reference: r.reference,
        category: categoryView(r.category, null).category,
        team: teamView(r.teamId, r.teamName),
        priority: priorityView(r.priority),
        deadlineAt: r.deadlineAt.toISOString(),
        daysLate: Math.floor((at.getTime() - r.deadlineAt.getTime()) / DAY),
      })),
    },
    reopened: {
      total: reopened.total,
      items: reopened.items.map((r) => ({
        id: r.id,
        reference: r.reference,
        category: categoryView(r.category, null).category,
        wijk: wijkView(r.wijkCode),
        team: teamView(r.teamId, r.teamName),
        reopenedAt: r.reopenedAt.toISOString(),
        by: r.actor === 'melder' ? ('melder' as const) : ('staff' as const),
        status: statusView(r.status),
      })),
    },
    satisfaction: {
      ja: satisfaction.ja,
      nee: satisfaction.nee,
      explanations: satisfaction.explanations.map((e) => ({
        reference: e.reference,
        explanation: e.explanation,
        answeredAt: e.answeredAt.toISOString(),
      })),
    },
    notable: notable.items.map((r) => ({
      id: r.id,
      reference: r.reference,
      category: categoryView(r.category, null).category,
      wijk: wijkView(r.wijkCode),
      reason: r.reason,
      flaggedAt: r.flaggedAt.toISOString(),
      flaggedBy: r.flaggedById && r.flaggedByName ? { id: r.flaggedById, name: r.flaggedByName } : null,
    })),
    coverageGaps: coverage,
    hotspots,
  };
}

/** The weekly overview and its per-melding export, for the report routes. */
export function createWeeklyReportService(deps: WeeklyReportDeps) {
  return {
    /** k of "< k", for the CSV export. */
    minCount: deps.minCount,
    /** The last complete ISO week at this moment. */
    lastCompleteWeek: (): IsoWeek => shiftWeek(isoWeekAt(deps.now()), -1),
    weekly: (week: IsoWeek) => buildWeeklyReport(deps, week),
    meldingenOf: (week: IsoWeek) => listMeldingenCreatedIn(deps.db, weekBounds(week)),
  };
}
export type WeeklyReportService = ReturnType<typeof createWeeklyReportService>;
