import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiConfig } from '../../config.ts';
import type { PhotoStore } from '../../photos/photo-store.ts';
import type { Services } from '../../services.ts';
import staffAuth from '../../staff/staff-auth.plugin.ts';
import type { SseConnectionOptions } from '../../staff-events/sse-connection.ts';
import adminStuckRoutes from './admin-stuck.routes.ts';
import areasRoutes from './areas.routes.ts';
import authRoutes from './auth.routes.ts';
import demoDataRoutes from './demo-data.routes.ts';
import dispatchRoutes from './dispatch.routes.ts';
import escalationPolicyRoutes from './escalation-policy.routes.ts';
import eventsRoutes from './events.routes.ts';
import groupingRoutes from './grouping.routes.ts';
import handlingRoutes from './handling.routes.ts';
import hotspotsRoutes from './hotspots.routes.ts';
import meldingenRoutes from './meldingen.routes.ts';
import notableRoutes from './notable.routes.ts';
import pushRoutes from './push.routes.ts';
import queueRoutes from './queue.routes.ts';
import reportsRoutes from './reports.routes.ts';
import rosterAdviceRoutes from './roster-advice.routes.ts';
import rostersRoutes from './rosters.routes.ts';
import rostersCalendarRoutes from './rosters-calendar.routes.ts';
import rostersPlanRoutes from './rosters-plan.routes.ts';
import routingRoutes from './routing.routes.ts';
import routingDryRunRoutes from './routing-dry-run.routes.ts';
import routingRerouteRoutes from './routing-reroute.routes.ts';
import standardTextsRoutes from './standard-texts.routes.ts';
import totpRoutes from './totp.routes.ts';
import usersRoutes from './users.routes.ts';

export interface StaffRoutesOptions {
  config: ApiConfig;
  now: () => Date;
  /** Where the photos of meldingen are (served to staff from the detail). */
  photoStore: PhotoStore;
  /** The app's services (built once in app.ts); each child route gets the ones it uses. */
  services: Services;
  /** The live console's stream settings (heartbeat, backlog limit, lifetime). */
  staffEvents: SseConnectionOptions;
}

/**
 * Everything under /api/v1/staff, in one encapsulated scope: the staff-auth hook (session, CSRF, TOTP
 * enrolment) applies to these routes and to no others. Register with `prefix: '/api/v1/staff'`.
 */
const staffRoutes: FastifyPluginAsyncZod<StaffRoutesOptions> = async (
  app,
  { config, now, photoStore, services, staffEvents },
) => {
  // Each child gets an options object of its own, never these register options: they carry `prefix`,
  // which the children would add again.
  const { keys, sessions, audit, auth } = services.staff;
  const { accounts, meldingen } = services;
  await app.register(staffAuth, {
    sessions,
    keys,
    audit,
    cookieSecure: config.staff.cookieSecure,
    allowedOrigins: config.staff.allowedOrigins,
  });
  await app.register(authRoutes, { config, auth, sessions, keys, accounts });
  await app.register(totpRoutes, { accounts, keys, sessions, now });
  await app.register(usersRoutes, { accounts });
  await app.register(meldingenRoutes, { meldingen, photoStore });
  await app.register(queueRoutes, { meldingen });
  await app.register(handlingRoutes, { handling: services.handling, meldingen });
  await app.register(groupingRoutes, { groups: services.groups, meldingen });
  await app.register(standardTextsRoutes, { standardTexts: services.standardTexts });
  await app.register(notableRoutes, { notable: services.notable, meldingen });
  await app.register(reportsRoutes, { reports: services.reports });
  await app.register(hotspotsRoutes, { hotspots: services.hotspots });
  await app.register(adminStuckRoutes, { stuckJobs: services.stuckJobs });
  await app.register(routingRoutes, { rules: services.routingRules });
  await app.register(routingDryRunRoutes, { dryRuns: services.dryRuns });
  await app.register(routingRerouteRoutes, { reroutes: services.reroutes, meldingen });
  await app.register(rostersRoutes, { teams: services.teams, rosters: services.rosters });
  await app.register(rostersPlanRoutes, { rosters: services.rosters });
  await app.register(rostersCalendarRoutes, { calendar: services.calendar });
  await app.register(areasRoutes, { areas: services.areas });
  await app.register(dispatchRoutes, { unanswered: services.unanswered });
  await app.register(demoDataRoutes, { demoData: services.demoData });
  await app.register(rosterAdviceRoutes, {
    advice: services.rosterAdvice,
    decisions: services.adviceDecisions,
    tasks: services.patrolTasks,
  });
  await app.register(pushRoutes, { push: services.push });
  await app.register(escalationPolicyRoutes, { escalationPolicies: services.escalationPolicies });
  await app.register(eventsRoutes, { hub: services.staffEventHub, connection: staffEvents });
};

export default staffRoutes;
