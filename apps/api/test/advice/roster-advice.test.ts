import { h3Cells } from '@buurtsignaal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RosterWorld, rosterWorld, staffBoaPatterns } from '../rosters/roster-world.ts';
import { farAway, kjoeps, seedPeaks, smallSpot, staffSpot } from './advice-world.ts';

// Roster advice for the boa-team's week 2026-W50, asked on Thursday 2026-12-03 (W49). The boa-team works
// 07:00–15:00 and 14:30–22:30 every day (staffBoaPatterns); Kjoeps has a peak 21:00–24:00 on
// Wednesday and Friday: 21:00–22:30 is worked (a patrol window), 22:30–24:00 is not (a roster proposal).

const THURSDAY = new Date('2026-12-03T09:00:00Z');
const url = '/api/v1/staff/roster-advice?team=boa-team&week=2026-W50';
const cell = (p: { lat: number; lng: number }) => h3Cells(p.lat, p.lng).r9;

interface Advice {
  patrolWindows: {
    id: string;
    shift: { localDate: string; label: string };
    localFrom: string;
    localTo: string;
    places: { cell: string; name: string; windowCount: number; caution: string | null }[];
    visits: { cell: string; minutes: number; localTime: string }[];
    decision: { decision: string } | null;
  }[];
  rosterProposals: {
    id: string;
    places: { cell: string; windowCount: number; caution: string | null }[];
    kind: string;
    dates: string[];
    start: string;
    end: string;
    summary: string;
    suggestedMembers: { id: string; name: string }[];
    decision: { decision: string } | null;
  }[];
  evaluated: {
    proposalId: string;
    treated: Record<string, number | null>;
    comparison: Record<string, number | null> | null;
    difference: number | null;
    lines: string[];
  }[];
}

describe('roster advice: GET /api/v1/staff/roster-advice', () => {
  let w: RosterWorld;
  const get = async (): Promise<Advice> => {
    const res = await w.asCoordinator('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    w = await rosterWorld(THURSDAY);
    await staffBoaPatterns(w);
    await seedPeaks(w.db);
  });
  afterAll(() => w.close());

  it('gives the hand-computed patrol windows and roster proposal, ignoring staff findings and small cells', async () => {
    const advice = await get();
    const evenings = advice.patrolWindows.filter((p) => p.places.some((x) => x.cell === cell(kjoeps)));
    expect(evenings.map((p) => [p.shift.localDate, p.shift.label, p.localFrom, p.localTo])).toEqual([
      ['2026-12-09', 'Avonddienst', '21:00', '22:30'],
      ['2026-12-11', 'Avonddienst', '21:00', '22:30'],
    ]);
    const [wednesday] = evenings;
    // Kjoeps in 21:00–22:30 on Wednesdays: 21:30 and 22:45 of 8 weeks (the 22:00 hour is cut at 22:30).
    expect(wednesday?.places[0]).toMatchObject({ cell: cell(kjoeps), windowCount: 16, caution: null });
    expect(wednesday?.places[0]?.name).not.toMatch(/^vak /);
    for (const v of wednesday?.visits ?? []) expect(v.minutes).toBeGreaterThanOrEqual(10);
    // The place far away (8 meldingen, Wednesday 21:30 and 22:15 in W46–W49) has its own short gap
    // 22:30–23:00, with the caution of small numbers.
    expect(
      advice.rosterProposals.map((x) => [
        x.dates,
        x.start,
        x.end,
        x.places.map((c) => [c.cell, c.windowCount, c.caution]),
      ]),
    ).toEqual([
      [['2026-12-09', '2026-12-11'], '22:30', '00:00', [[cell(kjoeps), 32, null]]],
      [['2026-12-09'], '22:30', '23:00', [[cell(farAway), 4, 'weinig meldingen — onzeker']]],
    ]);
    const [p] = advice.rosterProposals;
    expect(p).toMatchObject({
      kind: 'extend',
      dates: ['2026-12-09', '2026-12-11'],
      start: '22:30',
      end: '00:00',
    });
    expect(p?.summary).toMatch(
      /^woensdag en vrijdag 22:30–00:00, .+: 32 meldingen jeugdoverlast in 8 weken, geen boa in dienst na 22:30 → dienst verlengen tot 00:00$/,
    );
    expect(p?.suggestedMembers.map((m) => m.name).sort()).toEqual(['Anna Boa', 'Bram Boa']);
    const body = JSON.stringify(advice);
    expect(body).not.toContain(cell(staffSpot));
    expect(body).not.toContain(cell(smallSpot));
    expect(body).not.toContain('synthetisch');
  });

  it('is for coordinators and admins; a bad week names the field', async () => {
    expect((await w.asBoa1('GET', url)).statusCode).toBe(403);
    expect((await w.asAdmin('GET', url)).statusCode).toBe(200);
    const bad = await w.asCoordinator('GET', '/api/v1/staff/roster-advice?team=boa-team&week=2026-W60');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('week');
    expect(
      (await w.asCoordinator('GET', '/api/v1/staff/roster-advice?team=niemand&week=2026-W50')).statusCode,
    ).toBe(404);
  });

  it('exports the advice as CSV for the veiligheidsoverleg', async () => {
    const res = await w.asCoordinator('GET', `${url}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('"soort";"dagen";"datum"');
    expect(lines.filter((l) => l.startsWith('"patrouille"')).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.startsWith('"rooster"'))).toHaveLength(2);
  });

  it('accepting a patrol window makes its visits tasks; a second decision is refused', async () => {
    const advice = await get();
    const wednesday = advice.patrolWindows.find(
      (p) => p.shift.localDate === '2026-12-09' && p.localFrom === '21:00',
    );
    if (!wednesday) throw new Error('no Wednesday window');
    const decide = (decision: string, edit?: unknown) =>
      w.asCoordinator('POST', '/api/v1/staff/roster-advice/decisions', {
        team: 'boa-team',
        week: '2026-W50',
        proposalId: wednesday.id,
        decision,
        ...(edit ? { edit } : {}),
      });
    const notInIt = await decide('accepted', { cells: ['89196900003ffff'] });
    expect(notInIt.statusCode).toBe(400);
    expect(notInIt.json().details[0].field).toBe('edit.cells');
    const res = await decide('accepted', { cells: [cell(kjoeps)] });
    expect(res.statusCode, res.body).toBe(200);
    const kjoepsVisits = wednesday.visits.filter((v) => v.cell === cell(kjoeps));
    expect(res.json()).toMatchObject({ decision: 'accepted', tasks: kjoepsVisits.length });
    expect(kjoepsVisits.length).toBeGreaterThan(0);
    expect((await decide('rejected')).statusCode).toBe(409);
    const after = await get();
    expect(after.patrolWindows.find((p) => p.id === wednesday.id)?.decision).toMatchObject({
      decision: 'accepted',
    });
  });

  it('accepting the roster proposal adds the extra shifts, and the proposal stays shown as decided', async () => {
    const [p, short] = (await get()).rosterProposals;
    if (!p || !short) throw new Error('no proposals');
    const rejected = await w.asCoordinator('POST', '/api/v1/staff/roster-advice/decisions', {
      team: 'boa-team',
      week: '2026-W50',
      proposalId: short.id,
      decision: 'rejected',
      reason: 'te weinig meldingen',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const res = await w.asCoordinator('POST', '/api/v1/staff/roster-advice/decisions', {
      team: 'boa-team',
      week: '2026-W50',
      proposalId: p.id,
      decision: 'accepted',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().overrideIds).toHaveLength(2);
    const roster = await w.asCoordinator(
      'GET',
      '/api/v1/staff/teams/boa-team/roster?from=2026-12-09&to=2026-12-11',
    );
    const extra = roster.json().shifts.filter((s: { label: string }) => s.label === 'Roosteradvies');
    expect(
      extra.map((s: { localDate: string; localStart: string; localEnd: string }) => [
        s.localDate,
        s.localStart,
        s.localEnd,
      ]),
    ).toEqual([
      ['2026-12-09', '22:30', '00:00'],
      ['2026-12-11', '22:30', '00:00'],
    ]);
    const after = await get();
    // The peak is now worked: no open proposal, the decided one is still listed.
    const shown = after.rosterProposals.map((x) => [x.id, x.decision?.decision]);
    expect(shown.sort()).toEqual(
      [
        [short.id, 'rejected'],
        [p.id, 'accepted'],
      ].sort(),
    );
  });

  it('shows the officer on duty the tasks, and records "bezocht" once, for the own team only', async () => {
    w.clock.now = new Date('2026-12-09T19:30:00Z'); // Wednesday 20:30
    const res = await w.asBoa1('GET', '/api/v1/staff/patrol-tasks');
    expect(res.statusCode, res.body).toBe(200);
    const tasks: { id: string; place: string; lat: number; visitedAt: string | null }[] = res.json().tasks;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks[0]?.visitedAt).toBeNull();
    const id = tasks[0]?.id ?? '';
    expect((await w.asPolitie('POST', `/api/v1/staff/patrol-tasks/${id}/visited`)).statusCode).toBe(403);
    const visited = await w.asBoa1('POST', `/api/v1/staff/patrol-tasks/${id}/visited`);
    expect(visited.statusCode, visited.body).toBe(200);
    expect(visited.json().visitedAt).toBe('2026-12-09T19:30:00.000Z');
    w.clock.now = new Date('2026-12-09T19:45:00Z');
    const again = await w.asBoa1('POST', `/api/v1/staff/patrol-tasks/${id}/visited`);
    expect(again.json().visitedAt).toBe('2026-12-09T19:30:00.000Z');
    expect((await w.asPolitie('GET', '/api/v1/staff/patrol-tasks')).json().tasks).toEqual([]);
  });

  it('evaluates the accepted window after its week, against the comparable place', async () => {
    w.clock.now = new Date('2026-12-28T09:00:00Z'); // Monday of W53: W50, W51 and W52 are over
    const res = await w.asCoordinator('GET', '/api/v1/staff/roster-advice?team=boa-team&week=2026-W53');
    expect(res.statusCode, res.body).toBe(200);
    const [e] = (res.json() as Advice).evaluated;
    // Kjoeps, Wednesday 21:00–22:30 (hours 21 and 22): 2 a week before, none in W50 and after.
    expect(e?.treated).toEqual({ cells: 1, before: 2, during: 0, after: 0 });
    // The place far away: 2 a week in those hours, before and during.
    expect(e?.comparison).toMatchObject({ cells: 1, before: 2, during: 2 });
    expect(e?.difference).toBe(-2);
    expect(e?.lines.at(-1)).toContain('geen bewijs');
    expect(cell(farAway)).not.toBe(cell(kjoeps));
  });
});
