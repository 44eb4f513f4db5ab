// ical.js times ↔ instants. ical.js expands recurrences in local time (14:30 stays 14:30 across DST);
// the local time becomes an instant through Temporal for IANA zones, through the file's own VTIMEZONE
// for others (Outlook's "W. Europe Standard Time"). A TZID time is read as RFC 5545 says: a skipped
// time with the offset before the gap, a doubled time as its first occurrence ('compatible').
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { AMSTERDAM, zonedAt } from '../time/amsterdam-time.ts';

const isIanaZone = (tzid: string): boolean => {
  try {
    Temporal.PlainDate.from('2026-01-01').toZonedDateTime(tzid);
    return true;
  } catch {
    return false;
  }
};

/**
 * Windows zone names that Outlook writes as TZID, with the IANA zone of the same rules (CLDR
 * windowsZones, territory NL/BE/FR/GB): read through Temporal, because ical.js 2.2.1 puts a doubled
 * autumn time at its second occurrence when it computes from a VTIMEZONE.
 */
const windowsZones: Readonly<Record<string, string>> = {
  'W. Europe Standard Time': 'Europe/Amsterdam',
  'Romance Standard Time': 'Europe/Brussels',
  'GMT Standard Time': 'Europe/London',
};

const plainOf = (t: ICAL.Time) =>
  Temporal.PlainDateTime.from({
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
  });

/**
 * The instant of an ical.js date-time. `tzid` is the TZID parameter of its property (null: none).
 * Floating times (no TZID, no Z) are Amsterdam time. Null when the zone is neither IANA nor in the file.
 */
export function icalTimeToDate(t: ICAL.Time, tzid: string | null): Date | null {
  if (t.zone?.tzid === 'UTC' || t.zone === ICAL.Timezone.utcTimezone) {
    return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  }
  const iana = tzid === null ? AMSTERDAM : isIanaZone(tzid) ? tzid : (windowsZones[tzid] ?? null);
  if (iana)
    return new Date(plainOf(t).toZonedDateTime(iana, { disambiguation: 'compatible' }).epochMilliseconds);
  if (t.zone && t.zone.tzid !== 'floating') return new Date(t.toUnixTime() * 1000);
  return null;
}

/**
 * How to write an instant: Amsterdam local time under TZID when reading it back gives the same instant,
 * else UTC (only the second 02:00–02:59 of the autumn night, which a TZID time cannot name).
 */
export function dateToIcalTime(instant: Date): { time: ICAL.Time; tzid: string | null } {
  const z = zonedAt(instant);
  const local = {
    year: z.year,
    month: z.month,
    day: z.day,
    hour: z.hour,
    minute: z.minute,
    second: z.second,
    isDate: false,
  };
  const readBack = z.toPlainDateTime().toZonedDateTime(AMSTERDAM, { disambiguation: 'compatible' });
  if (readBack.epochMilliseconds === instant.getTime())
    return { time: ICAL.Time.fromData(local), tzid: AMSTERDAM };
  return { time: ICAL.Time.fromJSDate(instant, true), tzid: null };
}
