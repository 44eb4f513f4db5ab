import {
  addDaysTo,
  addLocalDays,
  COVERAGE_CHECK_DAYS,
  compareDates,
  coverageGaps,
  localDateOf,
  type RosterOverride,
  rosterOverrideSchema,
  type ShiftPattern,
  shiftPatternSchema,
  wallClockInstant,
} from '@buurtsignaal/core';
import type {
  CoverageView,
  OverrideBody,
  PatternBody,
  PatternView,
  RosterView,
} from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import { coverageInput } from '@buurtsignaal/db/queries/roster/coverage-input';
import { listMembersOfTeams, staffNames } from '@buurtsignaal/db/queries/roster/team-membership';
import {
  cancelRosterOverride,
  insertRosterOverride,
  listRosterOverrides,
} from '@buurtsignaal/db/tables/roster-overrides-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { listShiftInstances } from '@buurtsignaal/db/tables/shift-instances-repository';
import {
  endShiftPattern,
  insertShiftPattern,
  listShiftPatterns,
  replaceShiftPattern,
} from '@buurtsignaal/db/tables/shift-patterns-repository';
import { findTeam, listTeams } from '@buurtsignaal/db/tables/teams-repository';
import { ApiError } from '../errors.ts';
import { rosterTexts as t } from '../texts/index.ts';
import { invalid, teamNotFound } from './roster-access.ts';
import { gapView, issueView, mentionedIds, overrideView, shiftView } from './roster-views.ts';

export const MAX_ROSTER_DAYS = 62;

export interface RosterServiceDeps {
  db: Db;
  now: () => Date;
}

/** Local date range [from, to] (inclusive) as instants. */
const rangeOf = (from: string, to: string) => ({
  from: wallClockInstant(from, '00:00'),
  until: wallClockInstant(addDaysTo(to, 1), '00:00'),
});

export function createRosterService({ db, now }: RosterServiceDeps) {
  async function team(teamId: string) {
    const found = await findTeam(db, teamId);
    if (!found) throw teamNotFound();
    return found;
  }

  /** Members must belong to the team today; the pattern as core checks it (lead among the members). */
  async function checkMembers(teamId: string, memberIds: readonly string[], field = 'memberIds') {
    const members = new Set((await listMembersOfTeams(db, [teamId])).map((m) => m.id));
    const outside = memberIds.filter((id) => !members.has(id));
    if (outside.length > 0)
      throw new ApiError(400, 'NOT_A_TEAM_MEMBER', t.notAMember(outside), [
        { field, message: t.notAMember(outside) },
      ]);
  }

  function checked<T>(
    schema: {
      safeParse(
        v: unknown,
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    value: T,
  ): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const details = parsed.error.issues.map((i) => ({
      field: i.path.map(String).join('.'),
      message: i.message,
    }));
    throw new ApiError(400, 'VALIDATION_ERROR', details[0]?.message ?? '', details);
  }

  async function regenerate(teamId: string) {
    const [result] = await generateShiftInstancesAhead(db, { now: now(), teamId });
    return result;
  }

  async function patternViews(patterns: readonly ShiftPattern[]): Promise<PatternView[]> {
    const names = await staffNames(
      db,
      patterns.flatMap((p) => p.memberIds),
    );
    const person = (id: string) => ({ id, name: names.get(id) ?? id });
    return patterns.map((p) => ({
      id: p.id,
      teamId: p.teamId,
      label: p.label,
      weekdays: p.weekdays,
      start: p.start,
      end: p.end,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      members: p.memberIds.map(person),
      lead: p.leadId ? person(p.leadId) : null,
      replacesId: 'replacesId' in p ? ((p as { replacesId: string | null }).replacesId ?? null) : null,
    }));
  }

  async function newPattern(teamId: string, id: string, body: PatternBody, validFrom: string) {
    await checkMembers(teamId, body.memberIds);
    return checked(shiftPatternSchema, {
      id,
      teamId,
      label: body.label,
      weekdays: body.weekdays,
      start: body.start,
      end: body.end,
      validFrom,
      validUntil: body.validUntil ?? null,
      memberIds: [...new Set(body.memberIds)],
      leadId: body.leadId ?? null,
    });
  }

  return {
    async roster(teamId: string, from: string, to: string): Promise<RosterView> {
      const found = await team(teamId);
      if (compareDates(to, from) < 0 || compareDates(to, addDaysTo(from, MAX_ROSTER_DAYS)) > 0)
        throw invalid('to', t.rangeInvalid);
      const shifts = await listShiftInstances(db, { teamIds: [teamId], ...rangeOf(from, to) });
      const overrides = (await listRosterOverrides(db, { teamId, fromDate: from })).filter(
        (o) => compareDates(o.date, to) <= 0,
      );
      const names = await staffNames(db, mentionedIds(shifts, overrides));
      const applied = new Set(shifts.flatMap((s) => s.overrideIds));
      return {
        team: { id: found.id, name: found.name },
        from,
        to,
        shifts: shifts.map((s) => shiftView(s, names)),
        overrides: overrides.map((o) => overrideView(o, names)),
        issues: overrides
          .filter((o) => !applied.has(o.id))
          .map((o) => ({ overrideId: o.id, date: o.date, message: t.overrideNotApplied })),
      };
    },

    async patterns(teamId: string): Promise<PatternView[]> {
      await team(teamId);
      return patternViews(await listShiftPatterns(db, { teamId, from: localDateOf(now()) }));
    },

    async createPattern(teamId: string, body: PatternBody, by: string): Promise<PatternView> {
      await team(teamId);
      const p = await newPattern(teamId, crypto.randomUUID(), body, body.validFrom ?? localDateOf(now()));
      await insertShiftPattern(db, { ...p, createdBy: by, at: now() });
      await regenerate(teamId);
      const [view] = await patternViews([p]);
      return view as PatternView;
    },

    /** The current version ends the day before `validFrom` (default today); a new version replaces it. */
    async replacePattern(teamId: string, patternId: string, body: PatternBody, by: string) {
      await team(teamId);
      const today = localDateOf(now());
      const validFrom = body.validFrom ?? today;
      if (compareDates(validFrom, today) < 0) throw invalid('validFrom', t.editInPast);
      const current = (await listShiftPatterns(db, { teamId, from: validFrom })).find(
        (p) => p.id === patternId,
      );
      if (!current) throw new ApiError(404, 'SHIFT_PATTERN_NOT_FOUND', t.patternNotFound);
      const next = await newPattern(teamId, crypto.randomUUID(), body, validFrom);
      const replaced = await db.transaction((tx) =>
        replaceShiftPattern(tx, { currentId: patternId, next, createdBy: by, at: now() }),
      );
      if (!replaced) throw new ApiError(404, 'SHIFT_PATTERN_NOT_FOUND', t.patternNotFound);
      await regenerate(teamId);
      const [view] = await patternViews([{ ...next, replacesId: patternId } as ShiftPattern]);
      return view as PatternView;
    },

    /** Ends the pattern: no shifts from today on (the one running now stays). */
    async endPattern(teamId: string, patternId: string): Promise<void> {
      await team(teamId);
      const current = (await listShiftPatterns(db, { teamId })).find((p) => p.id === patternId);
      if (!current) throw new ApiError(404, 'SHIFT_PATTERN_NOT_FOUND', t.patternNotFound);
      const ended = await endShiftPattern(db, patternId, localDateOf(now()), now());
      if (!ended) throw new ApiError(404, 'SHIFT_PATTERN_NOT_FOUND', t.patternNotFound);
      await regenerate(teamId);
    },

    async addOverride(teamId: string, body: OverrideBody, by: string) {
      await team(teamId);
      if (compareDates(body.date, localDateOf(now())) < 0) throw invalid('date', t.editInPast);
      const ids = body.kind === 'extra' ? body.memberIds : body.kind === 'swap' ? [body.replacementId] : [];
      await checkMembers(teamId, ids, body.kind === 'swap' ? 'replacementId' : 'memberIds');
      const override = checked(rosterOverrideSchema, {
        ...body,
        id: crypto.randomUUID(),
        teamId,
      } as RosterOverride);
      await insertRosterOverride(db, { ...override, createdBy: by, at: now() });
      const result = await regenerate(teamId);
      const issues = (result?.issues ?? []).filter((i) => i.overrideId === override.id).map(issueView);
      return { id: override.id, issues };
    },

    async cancelOverride(teamId: string, overrideId: string): Promise<void> {
      await team(teamId);
      const open = await listRosterOverrides(db, { teamId, fromDate: '1970-01-01' });
      if (!open.some((o) => o.id === overrideId) || !(await cancelRosterOverride(db, overrideId, now())))
        throw new ApiError(404, 'ROSTER_OVERRIDE_NOT_FOUND', t.overrideNotFound);
      await regenerate(teamId);
    },

    /** The officer's own shifts of every team, from now for `days` local days. */
    async myShifts(staffId: string, days: number) {
      const at = now();
      const until = wallClockInstant(addDaysTo(localDateOf(at), days), '00:00');
      const teams = new Map((await listTeams(db)).map((tm) => [tm.id, tm.name]));
      const shifts = (await listShiftInstances(db, { from: at, until })).filter((s) =>
        s.memberIds.includes(staffId),
      );
      const names = await staffNames(db, mentionedIds(shifts));
      return shifts.map((s) => ({
        ...shiftView(s, names),
        team: { id: s.teamId, name: teams.get(s.teamId) ?? s.teamId },
      }));
    },

    /** The hours of the team's expected hours in the next `days` days in which nobody works. */
    async coverage(teamId: string, days: number = COVERAGE_CHECK_DAYS): Promise<CoverageView> {
      const found = await team(teamId);
      const from = now();
      const input = await coverageInput(db, { from, until: addLocalDays(from, days), teamId });
      const gaps = found.active
        ? coverageGaps(input, { id: teamId, coverage: found.coverage }, from, days)
        : [];
      const views = gaps.map(gapView);
      return {
        team: { id: found.id, name: found.name },
        from,
        until: addLocalDays(from, days),
        days,
        gaps: views,
        totalMinutes: views.reduce((a, g) => a + g.minutes, 0),
      };
    },
  };
}
export type RosterService = ReturnType<typeof createRosterService>;
