// VTIMEZONE for Europe/Amsterdam, embedded as data (core does no file I/O). Text as published by
// tzurl.org and shipped in @touch4it/ical-timezones 1.9.0 (ISC): the EU rule in force since 1996 —
// summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00 local time.
// ics-time.test.ts checks it against Temporal's time-zone data, hour by hour, 2020–2040.
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');
