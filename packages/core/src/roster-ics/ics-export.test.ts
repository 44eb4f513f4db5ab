import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { generateShiftInstances } from '../roster/generate.ts';
import type { ShiftInstance } from '../roster/roster-schema.ts';
import { pattern } from '../roster/roster-test-helpers.ts';
import { zonedAt } from '../time/amsterdam-time.ts';
import { localTimeOf } from '../time/wall-clock.ts';
import { AMSTERDAM_VTIMEZONE } from './amsterdam-vtimezone.ts';
import { officerCalendarIcs, teamCalendarIcs } from './ics-export.ts';
import { importRosterIcs } from './ics-import.ts';

const officers = [
  { id: 'anna', email: 'anna@soest.demo', name: 'Anna de Boa' },
  { id: 'bram', email: 'bram@soest.demo' },
];
const team = { id: 'team', name: 'Boa-team Soest' };
const now = new Date('2026-03-01T09:00:00Z');
const patterns = [
  pattern({ id: 'nacht', label: 'Nachtdienst', start: '22:00', end: '06:00', weekdays: [6] }),
  pattern({
    id: 'vroeg',
    label: 'Vroege dienst',
    start: '02:30',
    end: '10:00',
    weekdays: [7],
    memberIds: ['bram'],
    leadId: null,
  }),
  pattern({ id: 'dag', label: 'Dagdienst', start: '07:00', end: '15:00', weekdays: [1, 2, 3, 4, 5] }),
];
const comparable = (s: ShiftInstance) => ({
  label: s.label,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  // The wall clock of the instants: the planned 02:30 of 29 March is the jump, which clocks show as 03:00.
  local: [s.localDate, localTimeOf(s.startsAt), localTimeOf(s.endsAt)],
  memberIds: s.memberIds,
  leadId: s.leadId,
});

describe('export → import round trip', () => {
  it.each(['2026-03-23', '2026-10-19'])('gives the same shift instances in the DST week from %s', (from) => {
    const generated = generateShiftInstances({ patterns, overrides: [], from, days: 14 }).instances;
    // One shift that starts at the second 02:30 of the autumn night, which only UTC can name.
    const second0230: ShiftInstance = {
      ...(generated[0] as ShiftInstance),
      id: 'extra/x',
      label: 'Extra',
      startsAt: new Date('2026-10-25T01:30:00Z'),
      endsAt: new Date('2026-10-25T03:00:00Z'),
      localDate: '2026-10-25',
      localStart: '02:30',
      localEnd: '04:00',
    };
    const shifts = from.startsWith('2026-10') ? [...generated, second0230] : generated;
    const ics = teamCalendarIcs({ team, shifts, officers, now });
    const back = importRosterIcs({ text: ics, teamId: 'team', officers, from, days: 14 });
    expect(back.report.problems).toEqual([]);
    const expected = shifts
      .filter((s) => s.endsAt > s.startsAt)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(back.instances.map(comparable)).toEqual(expected.map(comparable));
    for (const s of back.instances)
      expect([s.localStart, s.localEnd]).toEqual([localTimeOf(s.startsAt), localTimeOf(s.endsAt)]);
    expect(back.instances.some((s) => s.endsAt.getTime() - s.startsAt.getTime() !== 8 * 3_600_000)).toBe(
      true,
    );
  });
});

describe('teamCalendarIcs', () => {
  it('writes local times under TZID=Europe/Amsterdam with its VTIMEZONE, attendees with the lead as CHAIR', () => {
    const shifts = generateShiftInstances({ patterns, overrides: [], from: '2026-10-24', days: 1 }).instances;
    const ics = teamCalendarIcs({ team, shifts, officers, now });
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam');
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20261024T220000');
    expect(ics).toContain('DTEND;TZID=Europe/Amsterdam:20261025T060000');
    expect(ics).toContain('UID:nacht/2026-10-24@buurtsignaal');
    expect(ics).toContain('ATTENDEE;CN=Anna de Boa;ROLE=CHAIR:mailto:anna@soest.demo');
    expect(ics).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:bram@soest.demo');
    expect(ics).toContain('X-WR-CALNAME:Rooster Boa-team Soest');
  });
});

describe('officerCalendarIcs', () => {
  it("holds only the officer's own shifts, named with the team, without colleagues or addresses", () => {
    const shifts = generateShiftInstances({ patterns, overrides: [], from: '2026-10-24', days: 2 }).instances;
    const ics = officerCalendarIcs({ officerId: 'anna', shifts, teams: [team], now });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Nachtdienst (Boa-team Soest)']);
    expect(ics).not.toContain('ATTENDEE');
    expect(ics).not.toContain('bram');
    expect(ics).toContain('X-WR-CALNAME:Mijn diensten');
  });
});

describe('the embedded VTIMEZONE', () => {
  it("agrees with Temporal's time-zone data every hour from 2024 to 2030", () => {
    // A phone reads our TZID times local → UTC through this VTIMEZONE: every local hour that exists
    // once must give Temporal's instant (the skipped and the doubled hour are RFC 5545's to resolve).
    const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(AMSTERDAM_VTIMEZONE)));
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 3_600_000) {
      const wall = zonedAt(new Date(t)).toPlainDateTime();
      const earlier = wall.toZonedDateTime('Europe/Amsterdam', { disambiguation: 'earlier' });
      const later = wall.toZonedDateTime('Europe/Amsterdam', { disambiguation: 'later' });
      if (earlier.epochMilliseconds !== later.epochMilliseconds) continue;
      const local = ICAL.Time.fromData(
        { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: 0, second: 0 },
        zone,
      );
      if (local.toUnixTime() * 1000 !== t) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});
