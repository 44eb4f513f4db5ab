// The synthetic meldingen with known peaks and the boa-team's shifts of 2026-W50 that the roster advice
// tests share (hand-computed expectations in roster-advice.test.ts).
import { latLngToCell } from 'h3-js';
import type { ShiftInstance } from '../roster/roster-schema.ts';
import { amsterdamParts } from '../time/amsterdam-time.ts';
import { parseIsoWeek } from '../time/iso-week.ts';
import { wallClockInstant, wallClockRange } from '../time/wall-clock.ts';
import type { AdviceMelding } from './cell-profile.ts';

export const week = parseIsoWeek('2026-W50') ?? { year: 2026, week: 50 };
export const kjoeps = latLngToCell(52.1199, 5.2936, 9);
export const sportpark = latLngToCell(52.1747, 5.2906, 9);
export const smallCell = latLngToCell(52.1801, 5.3123, 9);
export const staffCell = latLngToCell(52.165, 5.3, 9);

/** Mondays of the 8 history weeks W42–W49 (across the DST end on 2026-10-25). */
export const historyMondays = [
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
  '2026-11-23',
  '2026-11-30',
];
export const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
export const at = (date: string, time: string): Date => wallClockInstant(date, time);
export const melding = (
  cell: string,
  happenedAt: Date,
  over: Partial<AdviceMelding> = {},
): AdviceMelding => ({
  category: 'jeugdoverlast',
  subcategory: 'hangen',
  cell,
  happenedAt,
  origin: 'resident',
  ...over,
});

export function syntheticMeldingen(): AdviceMelding[] {
  const out: AdviceMelding[] = [];
  historyMondays.forEach((monday, i) => {
    for (const day of [2, 4])
      for (const t of ['20:30', '21:30', '22:30']) out.push(melding(kjoeps, at(plusDays(monday, day), t)));
    // Sportpark: 6 meldingen on Saturday 15:xx, in the last three weeks only.
    if (i >= 5) for (const t of ['15:05', '15:40']) out.push(melding(sportpark, at(plusDays(monday, 5), t)));
    // Staff findings: many, but never advice.
    for (const t of ['10:00', '10:20'])
      out.push(melding(staffCell, at(plusDays(monday, 1), t), { origin: 'staff' }));
  });
  // One stray melding at Kjoeps: no pattern.
  out.push(melding(kjoeps, at('2026-11-16', '10:00')));
  // Four in one cell: under REPORT_MIN_COUNT (5), never proposed on its own.
  for (const d of ['2026-11-07', '2026-11-14', '2026-11-21', '2026-11-28'])
    out.push(melding(smallCell, at(d, '14:10')));
  // Outside the history (W41 and the advised week itself): not counted.
  out.push(melding(kjoeps, at('2026-10-07', '20:30')), melding(kjoeps, at('2026-12-09', '20:30')));
  return out;
}

export const shift = (
  id: string,
  date: string,
  start: string,
  end: string,
  memberIds = ['u-1', 'u-2'],
): ShiftInstance => ({
  id,
  teamId: 'boa-team',
  label: 'Dienst',
  source: { kind: 'pattern', patternId: 'p-1' },
  localDate: date,
  localStart: start,
  localEnd: end,
  startsAt: wallClockRange(date, start, end).startsAt,
  endsAt: wallClockRange(date, start, end).endsAt,
  memberIds,
  leadId: null,
  overrideIds: [],
});
export const shifts = [
  shift('wo', '2026-12-09', '16:00', '22:00'),
  shift('vr', '2026-12-11', '16:00', '22:00'),
  shift('za', '2026-12-12', '12:00', '20:00', ['u-3']),
  // A shift without anyone on it covers nothing.
  shift('do', '2026-12-10', '19:00', '23:00', []),
];
export const hm = (d: Date) => {
  const p = amsterdamParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};
