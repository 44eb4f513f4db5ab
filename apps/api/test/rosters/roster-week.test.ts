import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RosterWorld, rosterWorld, staffBoaPatterns } from './roster-world.ts';

// The boa-team (seeded: 07:00–22:30 every day) staffed from Tuesday 2026-10-20 06:00 (local, CEST),
// the week in which summer time ends (Sunday 2026-10-25, 03:00 → 02:00).

const TUESDAY_0600 = new Date('2026-10-20T04:00:00Z');
const TUESDAY_1200 = new Date('2026-10-20T10:00:00Z');
const base = '/api/v1/staff/teams/boa-team';

interface Shift {
  id: string;
  label: string;
  source: string;
  patternId: string | null;
  localDate: string;
  localStart: string;
  localEnd: string;
  startsAt: string;
  endsAt: string;
  members: { id: string; name: string }[];
  overrideIds: string[];
}

describe('a team roster in Amsterdam wall-clock time', () => {
  let w: RosterWorld;
  let patterns: { day: string; evening: string };

  const roster = async (from: string, to: string): Promise<Shift[]> => {
    const res = await w.asCoordinator('GET', `${base}/roster?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().shifts;
  };

  beforeAll(async () => {
    w = await rosterWorld(TUESDAY_0600);
    patterns = await staffBoaPatterns(w);
  });
  afterAll(() => w.close());

  it('lists teams with kind, hours and members; an officer sees only their own team', async () => {
    const res = await w.asCoordinator('GET', '/api/v1/staff/teams');
    expect(res.statusCode, res.body).toBe(200);
    const boa = res.json().teams.find((t: { id: string }) => t.id === 'boa-team');
    expect(boa).toMatchObject({ kind: 'boa', active: true, onDutyNow: [] });
    expect(boa.coverage).toEqual({
      kind: 'windows',
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '22:30' }],
    });
    expect(boa.members.map((m: { name: string }) => m.name)).toEqual(['Anna Boa', 'Bram Boa']);
    const mine = await w.asPolitie('GET', '/api/v1/staff/teams');
    expect(mine.json().teams.map((t: { id: string }) => t.id)).toEqual(['politie-basisteam']);
    expect((await w.asPolitie('GET', `${base}/roster?from=2026-10-20&to=2026-10-21`)).statusCode).toBe(403);
  });

  it('keeps the evening shift at 22:30 local on both sides of the DST change', async () => {
    const shifts = await roster('2026-10-19', '2026-10-25');
    const evening = shifts.filter((s) => s.label === 'Avonddienst');
    expect(evening.map((s) => s.localDate)).toEqual([
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    for (const s of evening) expect([s.localStart, s.localEnd]).toEqual(['14:30', '22:30']);
    const byDate = new Map(evening.map((s) => [s.localDate, s]));
    expect(byDate.get('2026-10-24')?.endsAt).toBe('2026-10-24T20:30:00.000Z'); // CEST
    expect(byDate.get('2026-10-25')?.endsAt).toBe('2026-10-25T21:30:00.000Z'); // CET
    expect(byDate.get('2026-10-25')?.members.map((m) => m.name)).toEqual(['Anna Boa', 'Bram Boa']);
  });

  it('finds no coverage gap while the day and evening shift are staffed', async () => {
    const res = await w.asCoordinator('GET', `${base}/coverage?days=14`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ days: 14, gaps: [], totalMinutes: 0 });
  });

  it('applies overrides over the pattern, and a cancel restores it', async () => {
    const reasonless = await w.asCoordinator('POST', `${base}/roster/overrides`, {
      kind: 'absent',
      date: '2026-10-22',
      cause: 'ziek',
      patternId: patterns.day,
      memberId: w.ids.boa1,
    });
    expect(reasonless.statusCode).toBe(400);
    expect(reasonless.json().details.map((d: { field: string }) => d.field)).toContain('reason');
    const sick = await w.asCoordinator('POST', `${base}/roster/overrides`, {
      kind: 'absent',
      date: '2026-10-22',
      cause: 'ziek',
      patternId: patterns.day,
      memberId: w.ids.boa1,
      reason: 'Ziek gemeld om 06:15',
    });
    expect(sick.statusCode, sick.body).toBe(201);
    expect(sick.json().issues).toEqual([]);
    const extra = await w.asCoordinator('POST', `${base}/roster/overrides`, {
      kind: 'extra',
      date: '2026-10-23',
      label: 'Kermis',
      start: '20:00',
      end: '02:00',
      memberIds: [w.ids.boa2],
      leadId: null,
      reason: 'Kermis op de Markt',
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const byPolitie = await w.asPolitie('POST', `${base}/roster/overrides`, {
      kind: 'absent',
      date: '2026-10-22',
      cause: 'afwezig',
      patternId: null,
      memberId: w.ids.boa2,
      reason: 'Geen planner',
    });
    expect(byPolitie.statusCode).toBe(403);

    const day22 = (await roster('2026-10-22', '2026-10-22')).find((s) => s.label === 'Dagdienst');
    expect(day22?.members.map((m) => m.name)).toEqual(['Bram Boa']);
    expect(day22?.overrideIds).toEqual([sick.json().id]);
    const kermis = (await roster('2026-10-23', '2026-10-23')).find((s) => s.label === 'Kermis');
    expect(kermis).toMatchObject({ source: 'extra', localStart: '20:00', localEnd: '02:00' });
    expect(kermis?.endsAt).toBe('2026-10-24T00:00:00.000Z');

    const cancel = await w.asCoordinator('DELETE', `${base}/roster/overrides/${sick.json().id}`);
    expect(cancel.statusCode, cancel.body).toBe(204);
    const again = (await roster('2026-10-22', '2026-10-22')).find((s) => s.label === 'Dagdienst');
    expect(again?.members.map((m) => m.name)).toEqual(['Anna Boa', 'Bram Boa']);
    expect((await w.asCoordinator('DELETE', `${base}/roster/overrides/${sick.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it('shows a gap 15:00–22:30 every day once the evening shift is removed', async () => {
    const res = await w.asCoordinator('DELETE', `${base}/roster/patterns/${patterns.evening}`);
    expect(res.statusCode, res.body).toBe(204);
    const coverage = (await w.asCoordinator('GET', `${base}/coverage?days=14`)).json();
    const evenings = coverage.gaps.filter((g: { startTime: string }) => g.startTime === '15:00');
    expect(evenings).toHaveLength(14);
    for (const g of evenings.filter((g: { startDate: string }) => g.startDate !== '2026-10-23'))
      expect(g).toMatchObject({ endTime: '22:30', minutes: 450 });
    expect(evenings.map((g: { startDate: string }) => g.startDate)).toContain('2026-10-25');
    // The Kermis extra shift (20:00–02:00 on the 23rd) covers part of that evening.
    const friday = coverage.gaps.filter((g: { startDate: string }) => g.startDate === '2026-10-23');
    expect(friday.map((g: { startTime: string; endTime: string }) => `${g.startTime}-${g.endTime}`)).toEqual([
      '15:00-20:00',
    ]);
  });

  it('regenerates the future at an edit and leaves a shift that began as it was', async () => {
    w.clock.now = TUESDAY_1200;
    const teams = (await w.asCoordinator('GET', '/api/v1/staff/teams')).json().teams;
    const boa = teams.find((t: { id: string }) => t.id === 'boa-team');
    expect(boa.onDutyNow.map((m: { name: string }) => m.name)).toEqual(['Anna Boa', 'Bram Boa']);

    const before = (await roster('2026-10-20', '2026-10-20')).find((s) => s.label === 'Dagdienst');
    const res = await w.asCoordinator('PUT', `${base}/roster/patterns/${patterns.day}`, {
      label: 'Dagdienst',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      start: '08:00',
      end: '16:00',
      memberIds: [w.ids.boa1, w.ids.boa2],
    });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json();
    expect(next).toMatchObject({ validFrom: '2026-10-20', replacesId: patterns.day });

    const today = (await roster('2026-10-20', '2026-10-20')).find((s) => s.label === 'Dagdienst');
    expect(today).toEqual(before);
    expect(today).toMatchObject({ localStart: '07:00', localEnd: '15:00', patternId: patterns.day });
    const tomorrow = (await roster('2026-10-21', '2026-10-21')).filter((s) => s.label === 'Dagdienst');
    expect(tomorrow).toHaveLength(1);
    expect(tomorrow[0]).toMatchObject({ localStart: '08:00', localEnd: '16:00', patternId: next.id });

    const past = await w.asCoordinator('PUT', `${base}/roster/patterns/${next.id}`, {
      label: 'Dagdienst',
      weekdays: [1],
      start: '08:00',
      end: '16:00',
      validFrom: '2026-10-19',
      memberIds: [],
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().details[0].field).toBe('validFrom');
    const audit = await listAuditForActor(w.db, w.ids.coordinator);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['shift_pattern.replace', 'shift_pattern.end', 'roster_override.create']),
    );
  });

  it('refuses to take someone off the team while they are still on its shifts, and says which', async () => {
    const res = await w.asCoordinator('PATCH', '/api/v1/staff/teams/boa-team', { memberIds: [w.ids.boa2] });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toEqual([
      { field: 'memberIds', message: expect.stringMatching(/staat nog ingeroosterd in "Dagdienst"/) },
    ]);
    const teams = await w.asCoordinator('GET', '/api/v1/staff/teams');
    const boaTeam = teams.json().teams.find((t: { id: string }) => t.id === 'boa-team');
    expect(boaTeam.members.map((m: { id: string }) => m.id)).toContain(w.ids.boa1);
  });

  it('refuses a pattern with someone outside the team', async () => {
    const res = await w.asCoordinator('POST', `${base}/roster/patterns`, {
      label: 'Nacht',
      weekdays: [5],
      start: '22:00',
      end: '06:00',
      memberIds: [w.ids.politie],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'NOT_A_TEAM_MEMBER', details: [{ field: 'memberIds' }] });
  });

  it('gives an officer their own shifts ("mijn diensten")', async () => {
    const res = await w.asBoa1('GET', '/api/v1/staff/me/shifts?days=2');
    expect(res.statusCode, res.body).toBe(200);
    const shifts = res.json().shifts;
    expect(shifts.length).toBeGreaterThan(0);
    for (const s of shifts) {
      expect(s.team).toEqual({ id: 'boa-team', name: 'Boa-team Soest' });
      expect(s.members.map((m: { id: string }) => m.id)).toContain(w.ids.boa1);
    }
  });
  it("changes a team's settings for a planner only, naming a bad field", async () => {
    const byBoa = await w.asBoa1('PATCH', base, { kind: 'politie' });
    expect(byBoa.statusCode).toBe(403);
    const self = await w.asCoordinator('PATCH', base, { fallbackTeamId: 'boa-team' });
    expect(self.statusCode).toBe(400);
    expect(self.json().details).toEqual([{ field: 'fallbackTeamId', message: expect.any(String) }]);
    const badHours = await w.asCoordinator('PATCH', base, {
      coverage: { kind: 'windows', windows: [{ weekdays: [], start: '7', end: '22:30' }] },
    });
    expect(badHours.statusCode).toBe(400);
    const ok = await w.asCoordinator('PATCH', base, {
      coverage: { kind: 'always' },
      fallbackTeamId: 'politie-basisteam',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      coverage: { kind: 'always' },
      fallbackTeam: { id: 'politie-basisteam' },
    });
    const audit = await listAuditForActor(w.db, w.ids.coordinator);
    expect(audit.find((a) => a.action === 'team.update')?.details).toMatchObject({
      teamId: 'boa-team',
      changed: ['coverage', 'fallbackTeamId'],
    });
    expect(ok.json().notifyEmailAlways).toBe(false);
    // Dispatch mails every officer as well, also those whose phone gets Web Push.
    const mailAll = await w.asCoordinator('PATCH', base, { notifyEmailAlways: true });
    expect(mailAll.statusCode, mailAll.body).toBe(200);
    expect(mailAll.json().notifyEmailAlways).toBe(true);
    const notBool = await w.asCoordinator('PATCH', base, { notifyEmailAlways: 'ja' });
    expect(notBool.statusCode).toBe(400);
    expect(notBool.json().details.map((d: { field: string }) => d.field)).toEqual(['notifyEmailAlways']);
  });
});
