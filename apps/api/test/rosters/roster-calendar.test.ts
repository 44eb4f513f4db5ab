import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RosterWorld, rosterWorld, staffBoaPatterns, Upload } from './roster-world.ts';

// iCalendar both ways: a planner's export (RRULE, EXDATE, RECURRENCE-ID, an attendee nobody knows)
// imported into a team, the team feed imported again, and the private feeds with their revocation.

const TUESDAY_0600 = new Date('2026-10-20T04:00:00Z');
const plannerIcs = readFileSync(new URL('./fixtures/planner-roster.ics', import.meta.url), 'utf8');
const politie = '/api/v1/staff/teams/politie-basisteam';

interface Shift {
  source: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  startsAt: string;
  endsAt: string;
  members: { id: string; name: string }[];
}
const key = (s: Shift) =>
  `${s.localDate} ${s.localStart}-${s.localEnd} ${s.startsAt} ${s.members
    .map((m) => m.id)
    .sort()
    .join(',')}`;

describe('rosters as iCalendar', () => {
  let w: RosterWorld;

  const shiftsOf = async (team: string, from: string, to: string): Promise<Shift[]> => {
    const res = await w.asCoordinator('GET', `/api/v1/staff/teams/${team}/roster?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().shifts;
  };
  const importInto = async (team: string, text: string) =>
    w.asCoordinator(
      'POST',
      `/api/v1/staff/teams/${team}/roster/import`,
      await Upload.file('rooster.ics', text, 'text/calendar'),
    );

  beforeAll(async () => {
    w = await rosterWorld(TUESDAY_0600);
    await staffBoaPatterns(w);
    // The police team gets the two boa's as members too, so that their e-mail addresses match there.
    const patch = await w.asCoordinator('PATCH', politie, {
      memberIds: [w.ids.politie, w.ids.boa1, w.ids.boa2],
      fallbackTeamId: 'boa-team',
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ fallbackTeam: { id: 'boa-team' } });
    expect(patch.json().members).toHaveLength(3);
  });
  afterAll(() => w.close());

  it('imports a planner export and reports the attendee it could not match', async () => {
    const res = await importInto('politie-basisteam', plannerIcs);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ events: 2, imported: 6, stored: { added: 6, updated: 0, removed: 0 } });
    expect(report.unknownAttendees).toEqual([
      expect.objectContaining({ email: 'onbekend@elders.example', events: ['Avonddienst'] }),
    ]);
    expect(report.unknownAttendees[0].message).toMatch(/niet gekoppeld/);

    const shifts = (await shiftsOf('politie-basisteam', '2026-10-21', '2026-10-27')).filter(
      (s) => s.source === 'ics',
    );
    expect(shifts.map((s) => s.localDate)).toEqual([
      '2026-10-21',
      '2026-10-22',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
    ]);
    const sunday = shifts.find((s) => s.localDate === '2026-10-25');
    expect(sunday).toMatchObject({
      localStart: '16:00',
      localEnd: '23:00',
      endsAt: '2026-10-25T22:00:00.000Z',
    });
    expect(sunday?.members.map((m) => m.name)).toEqual(['Bram Boa']);
    expect(shifts[0]?.members.map((m) => m.name)).toEqual(['Anna Boa']);
  });

  it('refuses an upload without a file, and only a planner may import', async () => {
    const none = await w.asCoordinator('POST', `${politie}/roster/import`, { file: 'x' });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'ICS_FILE_REQUIRED', details: [{ field: 'file' }] });
    const byBoa = await w.asBoa1(
      'POST',
      `${politie}/roster/import`,
      await Upload.file('r.ics', plannerIcs, 'text/calendar'),
    );
    expect(byBoa.statusCode).toBe(403);
  });

  it('round-trips: the team feed imported again gives the same shifts', async () => {
    const feed = await w.asCoordinator('POST', '/api/v1/staff/teams/boa-team/calendar-feed');
    expect(feed.statusCode, feed.body).toBe(201);
    const { url, token } = feed.json();
    expect(url).toBe(`https://buurtsignaal.test/api/v1/calendar/${token}.ics`);
    const ics = await w.t.app.inject({ method: 'GET', url: `/api/v1/calendar/${token}.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('BEGIN:VTIMEZONE');
    expect(ics.body).toContain('TZID:Europe/Amsterdam');

    const res = await importInto('politie-basisteam', ics.body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unknownAttendees).toEqual([]);
    const exported = (await shiftsOf('boa-team', '2026-10-20', '2026-11-29')).filter(
      (s) => new Date(s.startsAt) >= TUESDAY_0600,
    );
    const imported = (await shiftsOf('politie-basisteam', '2026-10-20', '2026-11-29')).filter(
      (s) => s.source === 'ics',
    );
    expect(exported.length).toBeGreaterThan(70);
    expect(imported.map(key)).toEqual(exported.map(key));
  });

  it("serves an officer's own feed without a session until it is revoked", async () => {
    const created = await w.asBoa1('POST', '/api/v1/staff/me/calendar-feed');
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json();
    const url = `/api/v1/calendar/${token}.ics`;
    const ics = await w.t.app.inject({ method: 'GET', url });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('BEGIN:VTIMEZONE');
    expect(ics.body).toContain('SUMMARY:Avonddienst (Boa-team Soest)');
    expect(ics.body).toMatch(/DTEND;TZID=Europe\/Amsterdam:20261025T223000/);
    expect(ics.body).not.toContain('boa2@soest.nl');

    const list = await w.asBoa1('GET', '/api/v1/staff/me/calendar-feed');
    expect(list.json().feeds.map((f: { id: string }) => f.id)).toEqual([id]);
    expect((await w.asBoa1('DELETE', `/api/v1/staff/me/calendar-feed/${id}`)).statusCode).toBe(204);
    const revoked = await w.t.app.inject({ method: 'GET', url });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().code).toBe('NOT_FOUND');
    const unknown = await w.t.app.inject({ method: 'GET', url: `/api/v1/calendar/${'A'.repeat(43)}.ics` });
    expect(unknown.statusCode).toBe(404);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/calendar/kort.ics' })).statusCode).toBe(404);
    expect((await w.asBoa1('POST', '/api/v1/staff/teams/boa-team/calendar-feed')).statusCode).toBe(403);
  });
});
