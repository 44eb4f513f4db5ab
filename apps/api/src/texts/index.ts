// The API's one Dutch text module (nl-NL): every text a person reads, by area, in one folder so that it
// can be reviewed and translated in one place.

export * from './escalation.ts';
export * from './grouping.ts';
export * from './insight.ts';
export * from './planning.ts';
export * from './resident.ts';
export * from './staff.ts';
