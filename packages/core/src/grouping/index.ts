export * from './grouping-decision.ts';
