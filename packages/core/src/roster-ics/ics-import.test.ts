import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRosterIcs } from './ics-import.ts';

const outlook = readFileSync(new URL('./fixtures/outlook-roster.ics', import.meta.url), 'utf8');
const officers = [
  { id: 'anna', email: 'anna.boa@soest.demo' },
  { id: 'bram', email: 'bram@soest.demo' },
  { id: 'cor', email: 'cor@soest.demo' },
];
const read = (text: string, from: string, days = 7) =>
  importRosterIcs({ text, teamId: 'boa-team', officers, from, days });
const shape = (s: ReturnType<typeof read>['instances'][number]) => ({
  label: s.label,
  local: `${s.localDate} ${s.localStart}–${s.localEnd}`,
  utc: `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`,
  memberIds: s.memberIds,
  leadId: s.leadId,
});

describe('importRosterIcs: an Outlook export (Windows time zone, RRULE, EXDATE, RECURRENCE-ID)', () => {
  it('reads the spring week: the Saturday night shift is 7 h; attendees matched by e-mail, case-insensitively', () => {
    const { instances } = read(outlook, '2026-03-23');
    expect(instances.map(shape)).toEqual([
      {
        label: 'Nachtdienst',
        local: '2026-03-27 22:00–06:00',
        utc: '2026-03-27T21:00:00.000Z/2026-03-28T05:00:00.000Z',
        memberIds: ['anna', 'bram'],
        leadId: 'anna',
      },
      {
        label: 'Nachtdienst',
        local: '2026-03-28 22:00–06:00',
        utc: '2026-03-28T21:00:00.000Z/2026-03-29T04:00:00.000Z',
        memberIds: ['anna', 'bram'],
        leadId: 'anna',
      },
    ]);
    expect(instances[1]?.source).toEqual({
      kind: 'ics',
      uid: '040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A701000000000000000010000000',
      recurrenceId: '2026-03-28T22:00:00',
    });
  });

  it('reads the autumn week: EXDATE drops Friday, the RECURRENCE-ID override moves Saturday (9 h) and changes who', () => {
    const { instances, report } = read(outlook, '2026-10-19');
    expect(instances.map(shape)).toEqual([
      {
        label: 'Nachtdienst (Cor valt in)',
        local: '2026-10-24 23:00–07:00',
        utc: '2026-10-24T21:00:00.000Z/2026-10-25T06:00:00.000Z',
        memberIds: ['cor'],
        leadId: 'cor',
      },
    ]);
    expect(report.events).toBe(5);
    expect(report.imported).toBe(1);
    expect(report.problems.map((p) => [p.code, p.summary])).toEqual([
      ['NO_TIMES', 'Teamdag (hele dag)'],
      ['UNSUPPORTED_RULE', 'Ronde elk uur'],
      ['UNKNOWN_TIMEZONE', 'Dagdienst elders'],
    ]);
    expect(report.problems[2]?.message).toBe(
      'De tijdzone "Europe/Berlin-Onbekend" is onbekend en staat niet in het bestand; de afspraak is overgeslagen.',
    );
  });

  it('lists attendees that match no officer', () => {
    const { report } = read(outlook, '2026-03-23');
    expect(report.unknownAttendees).toEqual([
      {
        email: 'invaller@uitzendbureau.example',
        events: ['Nachtdienst'],
        message: '"invaller@uitzendbureau.example" is niet gekoppeld aan een medewerker van het team.',
      },
    ]);
  });
});

describe('importRosterIcs: a Google export (IANA TZID)', () => {
  const google = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'X-WR-TIMEZONE:Europe/Amsterdam',
    'BEGIN:VEVENT',
    'DTSTART;TZID=Europe/Amsterdam:20260317T143000',
    'DTEND;TZID=Europe/Amsterdam:20260317T223000',
    'RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260414T215959Z',
    'EXDATE;TZID=Europe/Amsterdam:20260407T143000',
    'UID:avond-di@google.com',
    'SUMMARY:Avonddienst',
    'ATTENDEE;CN=Bram;PARTSTAT=ACCEPTED:mailto:bram@soest.demo',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;TZID=Europe/Amsterdam:20260331T150000',
    'DTEND;TZID=Europe/Amsterdam:20260331T230000',
    'RECURRENCE-ID;TZID=Europe/Amsterdam:20260331T143000',
    'UID:avond-di@google.com',
    'SUMMARY:Avonddienst',
    'ATTENDEE;CN=Bram:mailto:bram@soest.demo',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('keeps 14:30 at 14:30 across the spring change, honours EXDATE, UNTIL and the override', () => {
    const { instances, report } = read(google, '2026-03-16', 35);
    expect(
      instances.map((s) => `${s.localDate} ${s.localStart}–${s.localEnd} ${s.startsAt.toISOString()}`),
    ).toEqual([
      '2026-03-17 14:30–22:30 2026-03-17T13:30:00.000Z',
      '2026-03-24 14:30–22:30 2026-03-24T13:30:00.000Z',
      '2026-03-31 15:00–23:00 2026-03-31T13:00:00.000Z',
      '2026-04-14 14:30–22:30 2026-04-14T12:30:00.000Z',
    ]);
    expect(report.problems).toEqual([]);
  });

  it('reports a file that is not iCalendar instead of throwing', () => {
    const { instances, report } = read('dit is geen agenda', '2026-03-16');
    expect(instances).toEqual([]);
    expect(report.problems[0]?.code).toBe('UNPARSABLE');
  });
});

describe('importRosterIcs: times in the DST hours', () => {
  it('reads them as RFC 5545 says: a doubled time is the first, a skipped one has the offset before the gap', () => {
    const vtimezone = outlook.slice(0, outlook.indexOf('BEGIN:VEVENT'));
    const event = (uid: string, start: string, end: string) =>
      `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART;TZID="W. Europe Standard Time":${start}\r\nDTEND;TZID="W. Europe Standard Time":${end}\r\nSUMMARY:${uid}\r\nATTENDEE:mailto:cor@soest.demo\r\nEND:VEVENT\r\n`;
    const text = `${vtimezone}${event('gat', '20260329T023000', '20260329T060000')}${event('dubbel', '20261025T020000', '20261025T030000')}END:VCALENDAR\r\n`;
    const { instances } = importRosterIcs({
      text,
      teamId: 'boa-team',
      officers,
      from: '2026-03-28',
      days: 220,
    });
    expect(instances.map((s) => [s.label, s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['gat', '2026-03-29T01:30:00.000Z', '2026-03-29T04:00:00.000Z'],
      ['dubbel', '2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z'],
    ]);
  });
});
