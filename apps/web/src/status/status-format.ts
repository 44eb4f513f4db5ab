import { isMeldingStatus } from '@buurtsignaal/core';
import { statusExplanations } from '../texts/index.ts';

const timeZone = 'Europe/Amsterdam';
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "26 november 2026 om 21:30", in Dutch time whatever the device's zone. Built from two parts rather
 * than `dateStyle`/`timeStyle`, whose joining word differs between ICU versions.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat.format(date)} om ${timeFormat.format(date)}`;
}

/**
 * The one-sentence explanation for a status code, or undefined for a code this build does not know
 * (a newer API): the status line with the API's label is then shown without an explanation.
 */
export function statusExplanation(code: string): string | undefined {
  return isMeldingStatus(code) ? statusExplanations[code] : undefined;
}
