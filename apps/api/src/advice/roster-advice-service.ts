// The roster advice of a team for a coming week (issue 13): core computes it from the database's
// aggregate of resident meldingen and the week's shifts; this service adds the decisions already taken,
// the evaluation of accepted windows that ran, and turns an accept into patrol tasks or roster overrides.
import {
  adviseRoster,
  defaultHarmWeights,
  evaluateWindow,
  type HarmWeights,
  historyBounds,
  type PatrolWindow,
  type RosterProposal,
  slotOf,
} from '@buurtsignaal/core/advice';
import {
  type AdviceEvaluationView,
  type RosterAdviceView,
  rosterProposalViewSchema,
} from '@buurtsignaal/core/contract';
import {
  formatIsoWeek,
  type IsoWeek,
  parseIsoWeek,
  shiftWeek,
  weekBounds,
  weekdayOf,
} from '@buurtsignaal/core/time';
import type { Db } from '@buurtsignaal/db';
import { adviceInput } from '@buurtsignaal/db/queries/advice/advice-input';
import { staffNames } from '@buurtsignaal/db/queries/roster/team-membership';
import {
  listAcceptedPatrolsBefore,
  listDecisions,
  type RosterAdviceDecisionRow,
} from '@buurtsignaal/db/tables/roster-advice-decisions-repository';
import { listShiftInstances } from '@buurtsignaal/db/tables/shift-instances-repository';
import { findTeam } from '@buurtsignaal/db/tables/teams-repository';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { invalid, teamNotFound } from '../rosters/roster-access.ts';
import { rosterAdviceApiTexts as t } from '../texts/index.ts';
import {
  evaluationLines,
  localTime,
  patrolSummary,
  placeOf,
  placeView,
  proposalSummary,
} from './advice-views.ts';

export interface RosterAdviceServiceDeps {
  db: Db;
  now: () => Date;
  /** REPORT_MIN_COUNT. */
  minCount: number;
  historyWeeks?: number;
  /** How much each category and subcategory weighs (ADVICE_HARM_WEIGHTS); default core's. */
  harmWeights?: HarmWeights;
}

/** What is kept of an accepted patrol window: enough to make its tasks and to evaluate it later. */
export interface StoredPatrol {
  localDate: string;
  localFrom: string;
  localTo: string;
  category: string;
  cells: string[];
}

/** How many weeks back accepted windows are evaluated (a quarter). */
export const EVALUATED_WEEKS = 13;

export function parseWeek(week: string): IsoWeek {
  const parsed = parseIsoWeek(week);
  if (!parsed) throw invalid('week', t.weekInvalid);
  return parsed;
}

/** The hours of the week (slotOf) from localFrom up to localTo on the weekday of localDate. */
export function slotsOf(p: Pick<StoredPatrol, 'localDate' | 'localFrom' | 'localTo'>): number[] {
  const day = weekdayOf(p.localDate);
  const from = Number(p.localFrom.slice(0, 2));
  const toHour = Number(p.localTo.slice(0, 2));
  const to = p.localTo.endsWith(':00') ? toHour : toHour + 1;
  const hours = to > from ? to - from : to + 24 - from;
  return Array.from({ length: hours }, (_, h) => (slotOf(day, 0) + from + h) % 168);
}

export function createRosterAdviceService({
  db,
  now,
  minCount,
  historyWeeks = 8,
  harmWeights = defaultHarmWeights,
}: RosterAdviceServiceDeps) {
  async function compute(teamId: string, week: IsoWeek) {
    const team = await findTeam(db, teamId);
    if (!team) throw teamNotFound();
    const history = historyBounds(week, historyWeeks);
    const bounds = weekBounds(week);
    const [meldingen, shifts] = await Promise.all([
      adviceInput(db, { teamId, from: history.from, to: history.to }),
      listShiftInstances(db, { teamIds: [teamId], from: bounds.from, until: bounds.to }),
    ]);
    const advice = adviseRoster({
      teamId,
      week,
      meldingen,
      shifts,
      settings: { minCount, historyWeeks, harmWeights },
    });
    return { team, advice, shifts };
  }

  async function evaluations(teamId: string, week: IsoWeek): Promise<AdviceEvaluationView[]> {
    const since = formatIsoWeek(shiftWeek(week, -EVALUATED_WEEKS));
    const accepted = (await listAcceptedPatrolsBefore(db, teamId, formatIsoWeek(week))).filter(
      (d) => d.week >= since,
    );
    const out: AdviceEvaluationView[] = [];
    for (const d of accepted) {
      const ran = parseIsoWeek(d.week);
      if (!ran) continue;
      const p = d.proposal as unknown as StoredPatrol;
      // Only windows whose week is over: a week still running would look like a drop.
      if (weekBounds(ran).to > now()) continue;
      const meldingen = await adviceInput(db, {
        teamId,
        category: p.category,
        from: weekBounds(shiftWeek(ran, -4)).from,
        to: weekBounds(shiftWeek(ran, 2)).to,
      });
      const e = evaluateWindow(
        meldingen,
        { cells: p.cells, category: p.category, slots: slotsOf(p), week: ran },
        now(),
      );
      out.push({
        proposalId: d.proposalId,
        week: d.week,
        localDate: p.localDate,
        localFrom: p.localFrom,
        localTo: p.localTo,
        places: p.cells.map((cell) => ({ cell, name: placeOf(cell).name })),
        category: p.category,
        ...e,
        lines: evaluationLines(e),
      });
    }
    return out;
  }

  async function decisionViews(rows: readonly RosterAdviceDecisionRow[]) {
    const names = await staffNames(
      db,
      rows.flatMap((r) => (r.decidedBy ? [r.decidedBy] : [])),
    );
    return new Map(
      rows.map((r) => [
        r.proposalId,
        {
          decision: r.decision as 'accepted' | 'rejected',
          decidedAt: r.decidedAt,
          decidedBy: r.decidedBy ? { id: r.decidedBy, name: names.get(r.decidedBy) ?? '' } : null,
          reason: r.reason,
        },
      ]),
    );
  }

  return {
    compute,
    async view(teamId: string, weekText: string): Promise<RosterAdviceView> {
      const week = parseWeek(weekText);
      const { team, advice, shifts } = await compute(teamId, week);
      const decisionRows = await listDecisions(db, teamId, [advice.week]);
      const decided = await decisionViews(decisionRows);
      const shiftOf = new Map(shifts.map((s) => [s.id, s]));
      const memberNames = await staffNames(
        db,
        advice.rosterProposals.flatMap((p) => p.suggestedMemberIds),
      );
      return {
        team: { id: team.id, name: team.name },
        week: advice.week,
        historyWeeks: advice.historyWeeks,
        minCount,
        patrolWindows: advice.patrolWindows.map((w: PatrolWindow) => {
          const s = shiftOf.get(w.shiftId);
          return {
            id: w.id,
            shift: {
              id: w.shiftId,
              label: s?.label ?? '',
              localDate: w.localDate,
              localStart: s?.localStart ?? '',
              localEnd: s?.localEnd ?? '',
            },
            localFrom: w.localFrom,
            localTo: w.localTo,
            summary: patrolSummary(w),
            places: w.locations.map(placeView),
            visits: w.visits.map((v) => ({
              cell: v.cell,
              place: placeOf(v.cell).name,
              at: v.at,
              localTime: localTime(v.at),
              minutes: v.minutes,
            })),
            decision: decided.get(w.id) ?? null,
          };
        }),
        rosterProposals: advice.rosterProposals
          .map((p: RosterProposal) => ({
            id: p.id,
            kind: p.kind,
            weekdays: p.weekdays,
            dates: p.dates,
            start: p.start,
            end: p.end,
            coveredUntil: p.coveredUntil,
            summary: proposalSummary(p, team.kind, advice.historyWeeks),
            suggestedMembers: p.suggestedMemberIds.map((id) => ({ id, name: memberNames.get(id) ?? '' })),
            places: p.places.map(placeView),
            decision: decided.get(p.id) ?? null,
          }))
          .concat(decidedElsewhere(decisionRows, advice.rosterProposals, decided)),
        evaluated: await evaluations(teamId, week),
      };
    },
  };
}

/** Roster proposals decided earlier that the advice no longer makes (the accepted shift now covers them). */
function decidedElsewhere(
  rows: readonly RosterAdviceDecisionRow[],
  current: readonly RosterProposal[],
  decided: Map<string, RosterAdviceView['rosterProposals'][number]['decision']>,
): RosterAdviceView['rosterProposals'] {
  const shown = new Set(current.map((p) => p.id));
  return rows.flatMap((r) => {
    const stored =
      r.kind === 'roster' && !shown.has(r.proposalId) ? storedProposalView.safeParse(r.proposal) : undefined;
    if (!stored?.success || !stored.data.view) return [];
    return [{ ...stored.data.view, decision: decided.get(r.proposalId) ?? null }];
  });
}

const storedProposalView = z.object({ view: rosterProposalViewSchema.omit({ decision: true }).nullable() });

export type RosterAdviceService = ReturnType<typeof createRosterAdviceService>;

export const proposalNotFound = () => new ApiError(404, 'ADVICE_PROPOSAL_NOT_FOUND', t.proposalNotFound);
