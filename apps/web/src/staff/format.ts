import { staffTexts } from '../texts/index.ts';

const TZ = 'Europe/Amsterdam';

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TZ,
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const timeOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });

const relative = new Intl.RelativeTimeFormat('nl-NL', { numeric: 'always' });

/** "di 3 juni 2025 om 14:05", always in Dutch time, whatever the device says. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatTime(date: Date): string {
  return timeOnly.format(date);
}

/** "3 uur geleden", "2 dagen geleden", "zojuist". */
export function formatAge(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return staffTexts.relative.justNow;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 14) return relative.format(-days, 'day');
  return relative.format(-Math.floor(days / 7), 'week');
}
