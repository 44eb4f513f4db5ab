import { describe, expect, it } from 'vitest';
import { amsterdamInstant, amsterdamParts } from '../time/amsterdam-time.ts';
import { afhandeltermijn, nthWerkdagAfter } from './afhandeltermijn.ts';
import { isWerkdag, publicHolidays } from './werkdagen.ts';

/** An instant given as Amsterdam wall time, 'yyyy-mm-dd hh:mm'. */
function ams(wall: string): Date {
  const [date = '', time = '00:00'] = wall.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return amsterdamInstant({ year: year ?? 0, month: month ?? 1, day: day ?? 1 }, hour, minute);
}

/** The Amsterdam wall time of an instant, 'yyyy-mm-dd hh:mm'. */
function wall(instant: Date): string {
  const p = amsterdamParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const termijn = (priority: 'spoed' | 'hoog' | 'normaal', from: string) =>
  wall(afhandeltermijn(priority, ams(from)));

describe('amsterdam time', () => {
  it('knows winter and summer offsets', () => {
    expect(ams('2026-01-15 17:00').toISOString()).toBe('2026-01-15T16:00:00.000Z');
    expect(ams('2026-07-15 17:00').toISOString()).toBe('2026-07-15T15:00:00.000Z');
  });

  it('resolves the skipped spring hour forward and the doubled autumn hour to its first occurrence', () => {
    expect(ams('2026-03-29 02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wall(ams('2026-03-29 02:30'))).toBe('2026-03-29 03:30');
    expect(ams('2026-10-25 02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('werkdagen', () => {
  it('counts Monday to Friday, not the weekend', () => {
    expect(isWerkdag({ year: 2026, month: 11, day: 23 })).toBe(true); // Monday
    expect(isWerkdag({ year: 2026, month: 11, day: 27 })).toBe(true); // Friday
    expect(isWerkdag({ year: 2026, month: 11, day: 28 })).toBe(false); // Saturday
    expect(isWerkdag({ year: 2026, month: 11, day: 29 })).toBe(false); // Sunday
  });

  it('skips the Dutch public holidays of 2026', () => {
    const holidays = [
      '2026-01-01', // Nieuwjaar
      '2026-04-06', // Tweede paasdag
      '2026-04-27', // Koningsdag
      '2026-05-14', // Hemelvaartsdag
      '2026-05-25', // Tweede pinksterdag
      '2026-12-25', // Kerstmis
      '2026-12-26', // Tweede kerstdag (Saturday)
    ];
    for (const day of holidays) expect(publicHolidays(2026).has(day), day).toBe(true);
    expect(isWerkdag({ year: 2026, month: 4, day: 27 })).toBe(false);
    expect(isWerkdag({ year: 2026, month: 12, day: 25 })).toBe(false);
  });

  it('treats Goede Vrijdag, Oudejaarsdag and observances as werkdagen', () => {
    expect(isWerkdag({ year: 2026, month: 4, day: 3 })).toBe(true); // Goede Vrijdag (type school)
    expect(isWerkdag({ year: 2026, month: 12, day: 31 })).toBe(true); // Oudejaarsdag (type bank)
    expect(isWerkdag({ year: 2026, month: 5, day: 4 })).toBe(true); // Dodenherdenking (observance)
  });

  it('treats Bevrijdingsdag as a holiday only in lustrum years', () => {
    expect(isWerkdag({ year: 2025, month: 5, day: 5 })).toBe(false); // Monday, lustrum
    expect(isWerkdag({ year: 2026, month: 5, day: 5 })).toBe(true); // Tuesday
    expect(isWerkdag({ year: 2030, month: 5, day: 6 })).toBe(true);
    expect(publicHolidays(2030).has('2030-05-05')).toBe(true);
    expect(publicHolidays(2027).has('2027-05-05')).toBe(false);
  });

  it('follows Koningsdag to the Saturday when 27 April is a Sunday (2025)', () => {
    expect(publicHolidays(2025).has('2025-04-26')).toBe(true);
    expect(publicHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('finds the n-th werkdag after a day, never counting the day itself', () => {
    expect(nthWerkdagAfter({ year: 2026, month: 11, day: 23 }, 1)).toEqual({
      year: 2026,
      month: 11,
      day: 24,
    });
    expect(nthWerkdagAfter({ year: 2026, month: 11, day: 27 }, 1)).toEqual({
      year: 2026,
      month: 11,
      day: 30,
    });
  });
});

describe('afhandeltermijn', () => {
  it('spoed: 24 hours later', () => {
    expect(termijn('spoed', '2026-11-24 14:05')).toBe('2026-11-25 14:05');
    expect(termijn('spoed', '2026-11-28 22:00')).toBe('2026-11-29 22:00'); // weekends count for spoed
    expect(termijn('spoed', '2026-12-24 23:59')).toBe('2026-12-25 23:59');
  });

  it('spoed across DST counts elapsed hours, not the clock', () => {
    expect(termijn('spoed', '2026-03-28 12:00')).toBe('2026-03-29 13:00');
    expect(termijn('spoed', '2026-10-24 12:00')).toBe('2026-10-25 11:00');
    const from = ams('2026-03-28 12:00');
    expect(afhandeltermijn('spoed', from).getTime() - from.getTime()).toBe(24 * 3_600_000);
  });

  it('hoog: 17:00 on the 2nd werkdag after the day of receipt', () => {
    expect(termijn('hoog', '2026-11-23 09:00')).toBe('2026-11-25 17:00'); // Mon → Wed
    expect(termijn('hoog', '2026-11-23 23:30')).toBe('2026-11-25 17:00'); // late evening: same day
    expect(termijn('hoog', '2026-11-23 00:00')).toBe('2026-11-25 17:00'); // midnight belongs to Monday
    expect(termijn('hoog', '2026-11-26 10:00')).toBe('2026-11-30 17:00'); // Thu → Mon
    expect(termijn('hoog', '2026-11-27 10:00')).toBe('2026-12-01 17:00'); // Fri → Tue
    expect(termijn('hoog', '2026-11-28 10:00')).toBe('2026-12-01 17:00'); // Sat → Tue
    expect(termijn('hoog', '2026-11-29 23:59')).toBe('2026-12-01 17:00'); // Sun → Tue
  });

  it('normaal: 17:00 on the 5th werkdag after the day of receipt', () => {
    expect(termijn('normaal', '2026-11-23 09:00')).toBe('2026-11-30 17:00'); // Mon → next Mon
    expect(termijn('normaal', '2026-11-27 16:00')).toBe('2026-12-04 17:00'); // Fri → next Fri
    expect(termijn('normaal', '2026-11-28 11:00')).toBe('2026-12-04 17:00'); // Sat → Fri
  });

  it('skips Koningsdag', () => {
    expect(termijn('hoog', '2026-04-24 10:00')).toBe('2026-04-29 17:00'); // Fri; Mon 27 is Koningsdag
    expect(termijn('hoog', '2025-04-25 10:00')).toBe('2025-04-29 17:00'); // Sat 26 in 2025: no effect
  });

  it('skips Kerst and Nieuwjaar', () => {
    expect(termijn('hoog', '2026-12-23 10:00')).toBe('2026-12-28 17:00'); // Thu 24, (25, 26), Mon 28
    expect(termijn('normaal', '2026-12-23 10:00')).toBe('2026-12-31 17:00');
    expect(termijn('normaal', '2026-12-29 10:00')).toBe('2027-01-06 17:00'); // 1 Jan is no werkdag
    expect(termijn('hoog', '2027-12-24 10:00')).toBe('2027-12-28 17:00'); // Fri 24 → Mon 27, Tue 28
  });

  it('skips Pasen and Pinksteren (Tweede paasdag, Tweede pinksterdag) but not Goede Vrijdag', () => {
    expect(termijn('hoog', '2026-04-02 10:00')).toBe('2026-04-07 17:00'); // Fri 3 (1), Mon 6 off, Tue 7 (2)
    expect(termijn('hoog', '2026-05-22 10:00')).toBe('2026-05-27 17:00'); // Mon 25 off
    expect(termijn('normaal', '2026-05-13 10:00')).toBe('2026-05-21 17:00'); // Hemelvaart Thu 14 off
  });

  it('skips Bevrijdingsdag in 2025 and 2030, not in 2026', () => {
    expect(termijn('hoog', '2025-05-02 10:00')).toBe('2025-05-07 17:00'); // Fri → (Mon 5 off) Tue, Wed
    expect(termijn('hoog', '2026-05-04 10:00')).toBe('2026-05-06 17:00'); // Tue 5 counts
    expect(termijn('hoog', '2030-05-03 10:00')).toBe('2030-05-07 17:00'); // 5 May 2030 is a Sunday: no effect
  });

  it('ends at 17:00 local time in winter and summer time, across the DST change', () => {
    expect(afhandeltermijn('hoog', ams('2026-03-26 10:00')).toISOString()).toBe('2026-03-30T15:00:00.000Z');
    expect(afhandeltermijn('hoog', ams('2026-10-22 10:00')).toISOString()).toBe('2026-10-26T16:00:00.000Z');
    expect(afhandeltermijn('normaal', ams('2026-03-27 10:00')).toISOString()).toBe(
      '2026-04-03T15:00:00.000Z',
    );
  });

  it('reads the day of receipt in Amsterdam, not UTC', () => {
    // 23:30 UTC on Sunday 22 Nov is 00:30 on Monday 23 Nov in Amsterdam.
    expect(wall(afhandeltermijn('hoog', new Date('2026-11-22T23:30:00Z')))).toBe('2026-11-25 17:00');
    // 22:30 UTC on Sunday is still Sunday 23:30 in Amsterdam.
    expect(wall(afhandeltermijn('hoog', new Date('2026-11-22T22:30:00Z')))).toBe('2026-11-24 17:00');
  });
});
