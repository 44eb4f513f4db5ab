// A team's roster from an .ics file as planning software exports it (Outlook, Google): VEVENTs with
// RRULE, EXDATE and RECURRENCE-ID overrides, VTIMEZONE, attendees matched to officers by e-mail. The
// result is concrete shift instances for a horizon plus a report of what could not be used.
import ICAL from 'ical.js';
import type { ShiftInstance } from '../roster/roster-schema.ts';
import { icsImportTexts as t } from '../texts/roster-nl.ts';
import { addDaysTo, localDateOf, localTimeOf, wallClockInstant } from '../time/wall-clock.ts';
import type { IcsOfficer } from './ics-export.ts';
import type { IcsImportReport, IcsProblem, IcsProblemCode } from './ics-import-report.ts';
import { icalTimeToDate } from './ics-time.ts';

export const MAX_OCCURRENCES_PER_EVENT = 1000;
const SUPPORTED_FREQ = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

export interface IcsImportInput {
  text: string;
  teamId: string;
  officers: readonly IcsOfficer[];
  /** First local date of the horizon; occurrences starting in [from, from + days) are read. */
  from: string;
  days: number;
}

export interface IcsImportResult {
  instances: ShiftInstance[];
  report: IcsImportReport;
}

interface Occurrence {
  item: ICAL.Event;
  startDate: ICAL.Time;
  endDate: ICAL.Time;
  recurrenceId: string | null;
}

const text = (c: ICAL.Component, name: string): string | null => {
  const v = c.getFirstPropertyValue(name);
  return typeof v === 'string' ? v : null;
};
const tzidOf = (c: ICAL.Component, name: string): string | null => {
  const tz = c.getFirstProperty(name)?.getParameter('tzid');
  return typeof tz === 'string' ? tz : null;
};

/** Why this master VEVENT cannot be read at all, or null. */
function eventProblem(c: ICAL.Component): [IcsProblemCode, string] | null {
  const start = c.getFirstPropertyValue('dtstart');
  if (!(start instanceof ICAL.Time) || start.isDate) return ['NO_TIMES', t.noTimes];
  if (!c.hasProperty('dtend') && !c.hasProperty('duration')) return ['NO_END', t.noEnd];
  for (const rrule of c.getAllProperties('rrule')) {
    const value = rrule.getFirstValue();
    const freq = value instanceof ICAL.Recur ? value.freq : null;
    if (!freq || !SUPPORTED_FREQ.has(freq)) return ['UNSUPPORTED_RULE', t.unsupportedRule(String(value))];
  }
  const tzid = tzidOf(c, 'dtstart');
  if (tzid !== null && icalTimeToDate(start, tzid) === null)
    return ['UNKNOWN_TIMEZONE', t.unknownTimezone(tzid)];
  return null;
}

function occurrences(event: ICAL.Event, until: ICAL.Time, onTooMany: () => void): Occurrence[] {
  if (!event.isRecurring()) {
    return [{ item: event, startDate: event.startDate, endDate: event.endDate, recurrenceId: null }];
  }
  const result: Occurrence[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && next.compare(until) < 0; next = it.next()) {
    if (result.length >= MAX_OCCURRENCES_PER_EVENT) {
      onTooMany();
      break;
    }
    const d = event.getOccurrenceDetails(next);
    result.push({
      item: d.item,
      startDate: d.startDate,
      endDate: d.endDate,
      recurrenceId: d.recurrenceId.toString(),
    });
  }
  return result;
}

/** Members by e-mail (case-insensitive); the first ROLE=CHAIR among them leads. */
function attendeesOf(
  c: ICAL.Component,
  officers: ReadonlyMap<string, string>,
  onUnknown: (email: string) => void,
): { memberIds: string[]; leadId: string | null } {
  const memberIds: string[] = [];
  let leadId: string | null = null;
  for (const attendee of c.getAllProperties('attendee')) {
    const email = String(attendee.getFirstValue())
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    const id = officers.get(email);
    if (!id) {
      onUnknown(email);
      continue;
    }
    if (!memberIds.includes(id)) memberIds.push(id);
    if (String(attendee.getParameter('role')).toUpperCase() === 'CHAIR') leadId ??= id;
  }
  return { memberIds, leadId };
}

/** Reads the file; never throws for bad content — everything it could not use is in the report. */
export function importRosterIcs(input: IcsImportInput): IcsImportResult {
  const report: IcsImportReport = { events: 0, imported: 0, problems: [], unknownAttendees: [] };
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(input.text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    report.problems.push({ code: 'UNPARSABLE', uid: null, summary: null, message: t.unparsable(detail) });
    return { instances: [], report };
  }
  const vevents = root.getAllSubcomponents('vevent');
  report.events = vevents.length;
  const from = wallClockInstant(input.from, '00:00');
  const until = wallClockInstant(addDaysTo(input.from, input.days), '00:00');
  // Expand a little past the horizon in local time; the exact cut is made on instants below.
  const untilLocal = ICAL.Time.fromJSDate(new Date(until.getTime() + 2 * 86_400_000), true);
  const officers = new Map(input.officers.map((o) => [o.email.trim().toLowerCase(), o.id]));
  const unknown = new Map<string, Set<string>>();
  const problem = (c: ICAL.Component, code: IcsProblemCode, message: string) =>
    report.problems.push({
      code,
      uid: text(c, 'uid'),
      summary: text(c, 'summary'),
      message,
    } satisfies IcsProblem);

  const masters = vevents.filter((c) => !c.hasProperty('recurrence-id'));
  const overrides = vevents.filter((c) => c.hasProperty('recurrence-id'));
  const mastersByUid = new Set(masters.map((c) => text(c, 'uid')));
  // An override whose series is missing is read as a single event.
  const singles = overrides.filter((c) => !mastersByUid.has(text(c, 'uid')));
  const instances: ShiftInstance[] = [];
  for (const master of [...masters, ...singles]) {
    const bad = eventProblem(master);
    if (bad) {
      problem(master, ...bad);
      continue;
    }
    const uid = text(master, 'uid') ?? `zonder-uid-${instances.length}`;
    const exceptions = masters.includes(master) ? overrides.filter((c) => text(c, 'uid') === uid) : [];
    const event = new ICAL.Event(master, { exceptions, strictExceptions: true });
    const summary = event.summary || 'Dienst';
    const occ = occurrences(event, untilLocal, () =>
      problem(master, 'TOO_MANY_OCCURRENCES', t.tooManyOccurrences(MAX_OCCURRENCES_PER_EVENT)),
    );
    let cancelled = false;
    let memberless = false;
    for (const o of occ) {
      const c = o.item.component;
      if (text(c, 'status')?.toUpperCase() === 'CANCELLED') {
        cancelled = true;
        continue;
      }
      const startsAt = icalTimeToDate(o.startDate, tzidOf(c, 'dtstart'));
      const endsAt = icalTimeToDate(o.endDate, tzidOf(c, c.hasProperty('dtend') ? 'dtend' : 'dtstart'));
      if (!startsAt || !endsAt || startsAt < from || startsAt >= until) continue;
      const { memberIds, leadId } = attendeesOf(c, officers, (email) =>
        unknown.set(email, (unknown.get(email) ?? new Set()).add(o.item.summary || summary)),
      );
      memberless ||= memberIds.length === 0;
      instances.push({
        id: `ics/${uid}/${o.recurrenceId ?? 'enkel'}`,
        teamId: input.teamId,
        label: (o.item.summary || summary).trim().slice(0, 60) || 'Dienst',
        source: { kind: 'ics', uid, recurrenceId: o.recurrenceId },
        localDate: localDateOf(startsAt),
        localStart: localTimeOf(startsAt),
        localEnd: localTimeOf(endsAt),
        startsAt,
        endsAt: new Date(Math.max(endsAt.getTime(), startsAt.getTime())),
        memberIds,
        leadId,
        overrideIds: [],
      });
    }
    if (cancelled) problem(master, 'CANCELLED', t.cancelled);
    if (memberless) problem(master, 'NO_KNOWN_ATTENDEE', t.noKnownAttendee);
  }
  report.unknownAttendees = [...unknown].map(([email, events]) => ({
    email,
    events: [...events],
    message: t.unknownAttendee(email),
  }));
  report.imported = instances.length;
  instances.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  return { instances, report };
}
