// Shifts as iCalendar: a team's roster for the coordinator (with attendees, so it can be imported
// again) and one officer's own shifts for a private, revocable feed a phone subscribes to (no other
// people's data in it). Times carry TZID=Europe/Amsterdam with its VTIMEZONE, so phones show local
// time right across DST.
import ICAL from 'ical.js';
import type { ShiftInstance } from '../roster/roster-schema.ts';
import { icsExportTexts as t } from '../texts/roster-nl.ts';
import { AMSTERDAM } from '../time/amsterdam-time.ts';
import { AMSTERDAM_VTIMEZONE } from './amsterdam-vtimezone.ts';
import { dateToIcalTime } from './ics-time.ts';

export interface IcsOfficer {
  id: string;
  email: string;
  name?: string;
}

export const ICS_PRODID = '-//Buurtsignaal//Rooster//NL';
/** UIDs are stable per shift instance, so a subscribed calendar updates a shift instead of duplicating it. */
export const shiftUid = (shift: ShiftInstance) => `${shift.id}@buurtsignaal`;

function calendar(name: string): ICAL.Component {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', ICS_PRODID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', name);
  cal.addPropertyWithValue('x-wr-timezone', AMSTERDAM);
  cal.addSubcomponent(new ICAL.Component(ICAL.parse(AMSTERDAM_VTIMEZONE)));
  return cal;
}

function addTime(event: ICAL.Component, name: 'dtstart' | 'dtend', instant: Date): void {
  const { time, tzid } = dateToIcalTime(instant);
  const prop = event.addPropertyWithValue(name, time);
  if (tzid) prop.setParameter('tzid', tzid);
}

function shiftEvent(shift: ShiftInstance, summary: string, now: Date): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', shiftUid(shift));
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  addTime(event, 'dtstart', shift.startsAt);
  addTime(event, 'dtend', shift.endsAt);
  event.addPropertyWithValue('summary', summary);
  event.addPropertyWithValue('status', 'CONFIRMED');
  event.addPropertyWithValue('transp', 'OPAQUE');
  return event;
}

// A shift wholly inside the skipped spring hour covers no time; iCalendar needs DTEND after DTSTART.
const hasTime = (s: ShiftInstance) => s.endsAt > s.startsAt;

export interface TeamCalendarInput {
  team: { id: string; name: string };
  shifts: readonly ShiftInstance[];
  /** E-mail (and name) per member id; members without one are left out of ATTENDEE. */
  officers: readonly IcsOfficer[];
  now: Date;
}

/** The team's shifts; every member an ATTENDEE (the shift lead with ROLE=CHAIR). */
export function teamCalendarIcs({ team, shifts, officers, now }: TeamCalendarInput): string {
  const cal = calendar(t.teamCalendarName(team.name));
  const byId = new Map(officers.map((o) => [o.id, o]));
  for (const shift of shifts.filter((s) => s.teamId === team.id && hasTime(s))) {
    const event = shiftEvent(shift, shift.label, now);
    for (const memberId of shift.memberIds) {
      const officer = byId.get(memberId);
      if (!officer) continue;
      const attendee = event.addPropertyWithValue('attendee', `mailto:${officer.email}`);
      if (officer.name) attendee.setParameter('cn', officer.name);
      attendee.setParameter('role', shift.leadId === memberId ? 'CHAIR' : 'REQ-PARTICIPANT');
    }
    cal.addSubcomponent(event);
  }
  return cal.toString();
}

export interface OfficerCalendarInput {
  officerId: string;
  shifts: readonly ShiftInstance[];
  teams: readonly { id: string; name: string }[];
  now: Date;
}

/** One officer's own shifts, "Avonddienst (Boa-team Soest)"; no colleagues or e-mail addresses in it. */
export function officerCalendarIcs({ officerId, shifts, teams, now }: OfficerCalendarInput): string {
  const cal = calendar(t.officerCalendarName);
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  for (const shift of shifts.filter((s) => s.memberIds.includes(officerId) && hasTime(s))) {
    cal.addSubcomponent(
      shiftEvent(shift, t.shiftSummary(shift.label, teamName.get(shift.teamId) ?? shift.teamId), now),
    );
  }
  return cal.toString();
}
