export * from './coverage.ts';
export * from './generate.ts';
export * from './intervals.ts';
export * from './on-duty.ts';
export * from './overrides.ts';
export * from './regenerate.ts';
export * from './roster-schema.ts';
export * from './soest-seed.ts';
