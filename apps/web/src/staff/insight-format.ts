// Helpers for the map and the weekly overview: a sequential colour scale that always comes with its
// numbers, ISO weeks, and dates in Europe/Amsterdam whatever the device says.

const TZ = 'Europe/Amsterdam';

/** Light to dark (ColorBrewer YlOrRd); the text colour on each keeps a contrast of at least 4.5:1. */
export const SCALE_COLOURS = ['#ffeda0', '#fec44f', '#fd8d3c', '#d7301f', '#7f0000'] as const;
const SCALE_TEXT = ['#000', '#000', '#000', '#fff', '#fff'] as const;

export interface ScaleStep {
  /** Inclusive bounds. */
  min: number;
  max: number;
  colour: string;
  text: string;
}

/** Up to five steps from 1 to `max`, each a range of whole numbers. */
export function scaleSteps(max: number): ScaleStep[] {
  if (max < 1) return [];
  const n = Math.min(SCALE_COLOURS.length, max);
  const steps: ScaleStep[] = [];
  let prev = 0;
  for (let i = 1; i <= n; i++) {
    const upper = i === n ? max : Math.max(prev + 1, Math.round((max * i) / n));
    // Spread the colours over the whole palette when there are fewer steps than colours.
    const colourIndex =
      n === 1 ? SCALE_COLOURS.length - 1 : Math.round(((i - 1) * (SCALE_COLOURS.length - 1)) / (n - 1));
    steps.push({
      min: prev + 1,
      max: upper,
      colour: SCALE_COLOURS[colourIndex] ?? '#7f0000',
      text: SCALE_TEXT[colourIndex] ?? '#fff',
    });
    prev = upper;
  }
  return steps;
}

export function stepFor(steps: ScaleStep[], count: number): ScaleStep | null {
  if (count < 1) return null;
  return steps.find((s) => count <= s.max) ?? steps[steps.length - 1] ?? null;
}

export const rangeLabel = (s: ScaleStep): string => (s.min === s.max ? String(s.min) : `${s.min}–${s.max}`);

const dateFmt = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TZ,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDateFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: 'numeric', month: 'short' });
const dateTimeFmt = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TZ,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const offsetFmt = new Intl.DateTimeFormat('en-US', { timeZone: TZ, timeZoneName: 'longOffset' });

export const formatDate = (iso: string): string => dateFmt.format(new Date(iso));
export const formatShortDate = (iso: string): string => shortDateFmt.format(new Date(iso));
export const formatDateTimeShort = (iso: string): string => dateTimeFmt.format(new Date(iso));

/** "2026-03-01" → "2026-03-01T00:00:00+01:00": the start of that day in Amsterdam. */
export function amsterdamStartOfDay(date: string): string {
  // The clocks change at 01:00 UTC, so at 00:00 UTC the day's midnight offset still holds.
  const name = offsetFmt.formatToParts(new Date(`${date}T00:00:00Z`)).find((p) => p.type === 'timeZoneName');
  const offset = name?.value.replace('GMT', '') || '+00:00';
  return `${date}T00:00:00${offset}`;
}

/** The next calendar day of "yyyy-mm-dd". */
export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T12:00:00Z`));

/** The ISO week of a calendar date (UTC noon of that day): { year, week }. */
export function isoWeekOf(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

export const weekKey = (w: { year: number; week: number }): string =>
  `${w.year}-W${String(w.week).padStart(2, '0')}`;

export function parseWeekKey(key: string): { year: number; week: number } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  return m ? { year: Number(m[1]), week: Number(m[2]) } : null;
}

/** The Monday (UTC date) of an ISO week. */
export function mondayOf(w: { year: number; week: number }): Date {
  const jan4 = new Date(Date.UTC(w.year, 0, 4));
  const day = jan4.getUTCDay() || 7;
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - day + 1 + (w.week - 1) * 7);
  return monday;
}

/** The calendar date today in Amsterdam, as a UTC-noon Date (for week arithmetic). */
export function amsterdamToday(now = new Date()): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  return new Date(Date.UTC(parts[0] ?? 1970, (parts[1] ?? 1) - 1, parts[2] ?? 1, 12));
}

/** The current ISO week (index 0, not complete yet) and the `n` complete weeks before it, newest first. */
export function recentWeeks(n: number, now = new Date()): { year: number; week: number; monday: Date }[] {
  const today = amsterdamToday(now);
  const weeks: { year: number; week: number; monday: Date }[] = [];
  for (let i = 0; i <= n; i++) {
    const d = new Date(today);
    d.setUTCDate(d.getUTCDate() - 7 * i);
    const w = isoWeekOf(d);
    weeks.push({ ...w, monday: mondayOf(w) });
  }
  return weeks;
}

const utcDateFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'short' });
export const formatUtcShortDate = (d: Date): string => utcDateFmt.format(d);

/** "12" or "2,5": Dutch number with at most one decimal. */
export const formatNumber = (n: number): string =>
  new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(n);
