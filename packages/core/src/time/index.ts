// Time as people in Soest mean it: Europe/Amsterdam wall clock, days and ISO weeks, through Temporal.
export * from './amsterdam-time.ts';
export * from './iso-week.ts';
export * from './relative-day.ts';
export * from './wall-clock.ts';
