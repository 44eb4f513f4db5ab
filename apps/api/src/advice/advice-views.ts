// The roster advice as the console reads it: places with names and centres, proposals in a Dutch
// sentence, evaluations in plain Dutch lines, and the CSV for the weekly veiligheidsoverleg.
import { cellCentre, findWijk } from '@buurtsignaal/core';
import {
  rosterAdviceTexts as a,
  type CellEvidence,
  type PatrolWindow,
  type RosterProposal,
  type WindowEvaluation,
} from '@buurtsignaal/core/advice';
import type { AdvicePlace, RosterAdviceView } from '@buurtsignaal/core/contract';
import { amsterdamParts } from '@buurtsignaal/core/time';
import { rosterAdviceApiTexts as t } from '../texts/index.ts';

export function placeOf(cell: string): { name: string; lat: number; lng: number } {
  const { lat, lng } = cellCentre(cell);
  return { name: findWijk(lat, lng)?.naam ?? t.cellName(cell), lat, lng };
}

export function placeView(e: CellEvidence): AdvicePlace {
  return {
    cell: e.cell,
    ...placeOf(e.cell),
    count: e.count,
    windowCount: e.windowCount,
    category: e.category,
    matrix: e.matrix,
    weeklyCounts: e.weeklyCounts,
    trend: e.trend,
    caution: e.uncertain ? a.uncertain : null,
  };
}

export const localTime = (d: Date): string => {
  const p = amsterdamParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

const teamWord = (kind: string): string =>
  kind === 'politie' ? 'politie' : kind === 'boa' ? 'boa' : 'medewerker';

export function proposalSummary(p: RosterProposal, teamKind: string, historyWeeks: number): string {
  const first = p.places[0];
  const names = p.places.map((x) => placeOf(x.cell).name);
  return a.proposal({
    kind: p.kind,
    weekdays: p.weekdays,
    start: p.start,
    end: p.end,
    coveredUntil: p.coveredUntil,
    place: [...new Set(names)].join(', '),
    count: p.places.reduce((n, x) => n + x.windowCount, 0),
    category: first?.category ?? '',
    weeks: historyWeeks,
    teamWord: teamWord(teamKind),
  });
}

export const patrolSummary = (w: PatrolWindow): string =>
  a.patrol(w.locations.length, w.localFrom, w.localTo);

/** The evaluation in plain Dutch: the numbers, the comparison, displacement, and always the caution. */
export function evaluationLines(e: WindowEvaluation): string[] {
  const lines = [a.treated(e.treated.before, e.treated.during)];
  if (e.comparison) {
    lines.push(a.comparison(e.comparison.before, e.comparison.during, e.comparison.cells));
    if (e.difference !== null) lines.push(a.difference(e.difference));
  } else {
    lines.push(a.noComparison);
  }
  if (e.displacement !== null) lines.push(a.displacement(e.displacement));
  if (e.uncertain) lines.push(a.smallNumbers);
  lines.push(a.caution);
  return lines;
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  // Quote always; double quotes inside; a leading = + - @ is defused against spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

const decisionWord = (d: { decision: string } | null) =>
  d === null ? 'open' : d.decision === 'accepted' ? 'aangenomen' : 'afgewezen';

/** One line per place of each patrol window and roster proposal; ';' as Dutch spreadsheets expect. */
export function adviceCsv(view: RosterAdviceView): string {
  const lines = [t.csvHeader.map(csvCell).join(';')];
  for (const w of view.patrolWindows) {
    for (const p of w.places) {
      lines.push(
        [
          'patrouille',
          '',
          w.shift.localDate,
          w.localFrom,
          w.localTo,
          p.name,
          p.windowCount,
          p.count,
          p.trend,
          p.caution ?? '',
          decisionWord(w.decision),
        ]
          .map(csvCell)
          .join(';'),
      );
    }
  }
  for (const r of view.rosterProposals) {
    for (const p of r.places) {
      lines.push(
        [
          'rooster',
          r.summary,
          r.dates.join(' '),
          r.start,
          r.end,
          p.name,
          p.windowCount,
          p.count,
          p.trend,
          p.caution ?? '',
          decisionWord(r.decision),
        ]
          .map(csvCell)
          .join(';'),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
