export * from './area-lookup.ts';
export * from './conditions.ts';
export * from './decide-route.ts';
export * from './reference-context.ts';
export * from './routing-context.ts';
export * from './rule-schema.ts';
export * from './soest-rules.ts';
export * from './validate.ts';
