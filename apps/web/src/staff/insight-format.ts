// Helpers for the map and the weekly overview: a sequential colour scale that always comes with its
// numbers, and dates in Europe/Amsterdam whatever the device says (day arithmetic through core/time).
import { addDaysTo, wallClockInstant } from '@buurtsignaal/core/time';

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

export const formatDate = (iso: string): string => dateFmt.format(new Date(iso));
export const formatShortDate = (iso: string): string => shortDateFmt.format(new Date(iso));
export const formatDateTimeShort = (iso: string): string => dateTimeFmt.format(new Date(iso));

/** "2026-03-01" → the instant that day starts in Amsterdam (ISO, UTC), through core's Temporal time. */
export const amsterdamStartOfDay = (date: string): string => wallClockInstant(date, '00:00').toISOString();

/** The next calendar day of "yyyy-mm-dd". */
export const nextDay = (date: string): string => addDaysTo(date, 1);

export const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T12:00:00Z`));

/** "12" or "2,5": Dutch number with at most one decimal. */
export const formatNumber = (n: number): string =>
  new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(n);
