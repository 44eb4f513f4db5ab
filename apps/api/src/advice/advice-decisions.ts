// A coordinator's accept, edit or reject of one proposal of the roster advice. An accepted patrol window
// becomes patrol tasks on the shift it falls in (one transaction with the decision); an accepted roster
// proposal becomes an extra shift (a roster override) on each of its days.

import { dominantCategory } from '@buurtsignaal/core/advice';
import type { AdviceDecisionBody } from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import { insertPatrolTasks } from '@buurtsignaal/db/tables/patrol-tasks-repository';
import {
  deleteDecision,
  insertDecision,
  setDecisionOverrides,
} from '@buurtsignaal/db/tables/roster-advice-decisions-repository';
import { ApiError } from '../errors.ts';
import { invalid } from '../rosters/roster-access.ts';
import type { RosterService } from '../rosters/roster-service.ts';
import { rosterAdviceApiTexts as t } from '../texts/index.ts';
import { placeOf } from './advice-views.ts';
import {
  parseWeek,
  proposalNotFound,
  type RosterAdviceService,
  type StoredPatrol,
} from './roster-advice-service.ts';

export interface AdviceDecisionDeps {
  db: Db;
  now: () => Date;
  advice: RosterAdviceService;
  rosters: RosterService;
}

const alreadyDecided = () => new ApiError(409, 'ADVICE_ALREADY_DECIDED', t.alreadyDecided);

export function createAdviceDecisionService({ db, now, advice, rosters }: AdviceDecisionDeps) {
  return {
    async decide(body: AdviceDecisionBody, by: string) {
      const week = parseWeek(body.week);
      const { advice: current } = await advice.compute(body.team, week);
      const shown = (await advice.view(body.team, body.week)).rosterProposals.find(
        (p) => p.id === body.proposalId,
      );
      const patrol = current.patrolWindows.find((w) => w.id === body.proposalId);
      const roster = current.rosterProposals.find((p) => p.id === body.proposalId);
      if (!patrol && !roster) throw proposalNotFound();
      const base = {
        teamId: body.team,
        week: current.week,
        proposalId: body.proposalId,
        decision: body.decision,
        reason: body.reason ?? null,
        decidedBy: by,
        at: now(),
      };

      if (patrol) {
        const all = patrol.locations.map((l) => l.cell);
        const cells = body.edit?.cells ?? all;
        if (cells.some((c) => !all.includes(c))) throw invalid('edit.cells', t.cellsNotInProposal);
        const byCategory: Record<string, number> = {};
        for (const l of patrol.locations.filter((x) => cells.includes(x.cell)))
          for (const [k, n] of Object.entries(l.byCategory)) byCategory[k] = (byCategory[k] ?? 0) + n;
        const stored: StoredPatrol = {
          localDate: patrol.localDate,
          localFrom: patrol.localFrom,
          localTo: patrol.localTo,
          category: dominantCategory(byCategory),
          cells,
        };
        return db.transaction(async (tx) => {
          const row = await insertDecision(tx, { ...base, kind: 'patrol', proposal: { ...stored } });
          if (!row) throw alreadyDecided();
          const visits =
            body.decision === 'accepted' ? patrol.visits.filter((v) => cells.includes(v.cell)) : [];
          await insertPatrolTasks(
            tx,
            visits.map((v) => {
              const place = placeOf(v.cell);
              return {
                decisionId: row.id,
                teamId: body.team,
                cell: v.cell,
                lat: place.lat,
                lng: place.lng,
                placeLabel: place.name,
                plannedAt: v.at,
                minutes: v.minutes,
              };
            }),
          );
          return {
            proposalId: body.proposalId,
            decision: body.decision,
            tasks: visits.length,
            overrideIds: [],
          };
        });
      }

      const p = roster;
      if (!p) throw proposalNotFound();
      const dates = body.edit?.dates ?? p.dates;
      if (dates.some((d) => !p.dates.includes(d))) throw invalid('edit.dates', t.datesNotInProposal);
      const memberIds = body.edit?.memberIds ?? p.suggestedMemberIds;
      if (body.decision === 'accepted' && memberIds.length === 0)
        throw invalid('edit.memberIds', t.membersRequired);
      const shift = { start: body.edit?.start ?? p.start, end: body.edit?.end ?? p.end };
      const row = await insertDecision(db, {
        ...base,
        kind: 'roster',
        // The proposal as the coordinator saw it: once accepted, the new shift covers the peak and the
        // advice no longer proposes it, but the console keeps showing what was decided.
        proposal: {
          kind: p.kind,
          dates,
          ...shift,
          memberIds,
          cells: p.places.map((x) => x.cell),
          view: shown ?? null,
        },
      });
      if (!row) throw alreadyDecided();
      if (body.decision === 'rejected')
        return { proposalId: p.id, decision: body.decision, tasks: 0, overrideIds: [] };
      const overrideIds: string[] = [];
      try {
        for (const date of dates) {
          const made = await rosters.addOverride(
            body.team,
            {
              kind: 'extra',
              date,
              label: t.overrideLabel,
              ...shift,
              memberIds,
              leadId: null,
              reason: t.overrideReason(current.week),
            },
            by,
          );
          overrideIds.push(made.id);
        }
      } catch (err) {
        // Undo what was made, so a failed accept leaves no half decision (and can be tried again).
        for (const id of overrideIds) await rosters.cancelOverride(body.team, id).catch(() => undefined);
        await deleteDecision(db, row.id);
        throw err;
      }
      await setDecisionOverrides(db, row.id, overrideIds);
      return { proposalId: p.id, decision: body.decision, tasks: 0, overrideIds };
    },
  };
}

export type AdviceDecisionService = ReturnType<typeof createAdviceDecisionService>;
