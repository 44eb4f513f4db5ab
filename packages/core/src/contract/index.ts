// The contract between the API and the web app: request and response schemas of every route the web
// app calls. The API uses them as route schemas; the web app derives its types from them and parses
// every reply with them (`parseReply`). A change to a response thus fails typecheck or a test on both
// sides. Import from '@buurtsignaal/core/contract'; zod tree-shakes what a page does not use.

export {
  categoriesResponseSchema,
  intakeResponseSchema,
  intakeSchema,
  publicCategorySchema,
} from '../intake-schema.ts';
export * from './admin.ts';
export * from './areas.ts';
export * from './dispatch.ts';
export * from './errors.ts';
export * from './escalation.ts';
export * from './grouping.ts';
export * from './handling.ts';
export * from './hotspots.ts';
export * from './pickup.ts';
export * from './push.ts';
export * from './roster-advice.ts';
export * from './rosters.ts';
export * from './routing.ts';
export * from './staff.ts';
export * from './staff-events.ts';
export * from './status.ts';
export * from './web-config.ts';
export * from './weekly-report.ts';
export * from './wire.ts';
