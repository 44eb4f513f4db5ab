import { isMeldingStatus, staffStatusLabel } from '@buurtsignaal/core';
import type { Trend, WeeklyReport } from '@buurtsignaal/core/contract';
import type { WeekMeldingRow } from '@buurtsignaal/db/queries/reports/weekly';
import { categoryView, wijkView } from '../handling/melding-view.ts';
import { reportTexts } from '../texts/index.ts';
import { csvDate, csvDateTime, csvNumber, suppressed, toCsv } from './csv.ts';

// The exports leave the building: counts and averages below k are "< k" (docs/staff-api.md), no contact
// data, no free text of melders.

const t = reportTexts.csv;

function trendCells(trend: Trend, k: number): string[] {
  const count = suppressed(trend.count, k);
  const average = suppressed(trend.previousAverage, k);
  const hidden = count !== undefined || average !== undefined;
  return [
    count ?? csvNumber(trend.count),
    average ?? csvNumber(trend.previousAverage),
    hidden ? '' : csvNumber(trend.change),
    hidden || trend.changePercent === null ? '' : csvNumber(trend.changePercent),
  ];
}

export function weeklyReportCsv(report: WeeklyReport): string {
  const k = report.minCount;
  const lastDay = new Date(new Date(report.to).getTime() - 12 * 3_600_000);
  const rows: string[][] = [
    [t.title[0], report.week, t.title[1], csvDate(new Date(report.from)), t.title[2], csvDate(lastDay)],
    [],
    [t.perCategory],
    [...t.perCategoryHeader],
    ...report.perCategory.map((r) => [r.category.label, ...trendCells(r, k)]),
    [reportTexts.total, ...trendCells(report.totals, k)],
    [],
    [t.perWijk],
    [...t.perWijkHeader],
    ...report.perWijk.map((r) => [r.wijk?.naam ?? reportTexts.outsideWijk, ...trendCells(r, k)]),
    [],
    [t.pastDeadline],
    [...t.pastDeadlineHeader],
    ...report.pastDeadline.items.map((r) => [
      r.reference,
      r.category.label,
      r.team?.name ?? '',
      csvDateTime(new Date(r.deadlineAt)),
      String(r.daysLate),
    ]),
    [],
    [t.reopened],
    [...t.reopenedHeader],
    ...report.reopened.items.map((r) => [
      r.reference,
      r.category.label,
      csvDateTime(new Date(r.reopenedAt)),
      r.by === 'melder' ? reportTexts.byMelder : reportTexts.byStaff,
    ]),
    [],
    [t.satisfaction],
    [...t.satisfactionHeader],
    [reportTexts.yes, String(report.satisfaction.ja)],
    [reportTexts.no, String(report.satisfaction.nee)],
    [],
    [t.notable],
    [...t.notableHeader],
    ...report.notable.map((r) => [r.reference, r.category.label, r.wijk?.naam ?? '', r.reason]),
    [],
    [t.coverageGaps],
    [...t.coverageGapsHeader],
    ...report.coverageGaps.flatMap((c) =>
      c.gaps.map((g) => [
        c.team.name,
        `${g.startDate} ${g.startTime}`,
        `${g.endDate} ${g.endTime}`,
        String(g.minutes),
      ]),
    ),
    [],
    [t.hotspots],
    [...t.hotspotsHeader],
    ...report.hotspots.map((h) => [
      h.cell,
      h.wijk?.naam ?? '',
      h.category?.label ?? reportTexts.everyCategory,
      csvDate(new Date(h.since)),
      suppressed(h.count, k) ?? String(h.count),
    ]),
  ];
  return toCsv(rows);
}

/** The coordinator's per-melding rows; the wijk of a wijk with fewer than k meldingen that week is "< k". */
export function weekMeldingenCsv(rows: readonly WeekMeldingRow[], k: number): string {
  const perWijk = new Map<string | null, number>();
  for (const r of rows) perWijk.set(r.wijkCode, (perWijk.get(r.wijkCode) ?? 0) + 1);
  const wijkCell = (code: string | null) => {
    if (code === null) return '';
    return suppressed(perWijk.get(code) ?? 0, k) ?? wijkView(code)?.naam ?? code;
  };
  return toCsv([
    [...t.meldingenHeader],
    ...rows.map((r) => {
      const { category, subcategory } = categoryView(r.category, r.subcategory);
      return [
        r.reference,
        csvDateTime(r.createdAt),
        category.label,
        subcategory?.label ?? '',
        wijkCell(r.wijkCode),
        isMeldingStatus(r.status) ? staffStatusLabel(r.status) : r.status,
        r.teamName ?? '',
        r.priority ?? '',
        r.deadlineAt ? csvDateTime(r.deadlineAt) : '',
        r.reopenCount > 0 ? reportTexts.yes : reportTexts.no,
        r.notable ? reportTexts.yes : reportTexts.no,
      ];
    }),
  ]);
}
