// Server-side only: ical.js stays out of the browser bundle. Imported as '@buurtsignaal/core/roster-ics'.
export * from './amsterdam-vtimezone.ts';
export * from './ics-export.ts';
export * from './ics-import.ts';
export type * from './ics-import-report.ts';
export * from './ics-time.ts';
