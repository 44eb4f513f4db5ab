import type { DbOrTx, OutboxNotifier } from '@buurtsignaal/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiConfig } from '../../config.ts';
import type { PhotoStore } from '../../photos/photo-store.ts';
import staffAuth from '../../staff/staff-auth.plugin.ts';
import type { StaffServices } from '../../staff/staff-services.ts';
import authRoutes from './auth.routes.ts';
import handlingRoutes from './handling.routes.ts';
import hotspotsRoutes from './hotspots.routes.ts';
import meldingenRoutes from './meldingen.routes.ts';
import notableRoutes from './notable.routes.ts';
import queueRoutes from './queue.routes.ts';
import reportsRoutes from './reports.routes.ts';
import standardTextsRoutes from './standard-texts.routes.ts';
import totpRoutes from './totp.routes.ts';
import usersRoutes from './users.routes.ts';

export interface StaffRoutesOptions extends StaffServices {
  db: DbOrTx;
  config: ApiConfig;
  now: () => Date;
  /** Where the photos of meldingen are (served to staff from the detail). */
  photoStore: PhotoStore;
  /** The app's one outbox notifier: poked after every committed status change. */
  outboxNotifier: OutboxNotifier;
}

/**
 * Everything under /api/v1/staff, in one encapsulated scope: the staff-auth hook (session, CSRF, TOTP
 * enrolment) applies to these routes and to no others. Register with `prefix: '/api/v1/staff'`.
 */
const staffRoutes: FastifyPluginAsyncZod<StaffRoutesOptions> = async (app, registerOptions) => {
  // Not the register options themselves: they carry `prefix`, which the children would add again.
  const { db, config, now, keys, sessions, audit, auth, photoStore, outboxNotifier } = registerOptions;
  const options: StaffRoutesOptions = {
    db,
    config,
    now,
    keys,
    sessions,
    audit,
    auth,
    photoStore,
    outboxNotifier,
  };
  await app.register(staffAuth, {
    sessions: options.sessions,
    keys: options.keys,
    audit: options.audit,
    cookieSecure: options.config.staff.cookieSecure,
    allowedOrigins: options.config.staff.allowedOrigins,
  });
  await app.register(authRoutes, options);
  await app.register(totpRoutes, options);
  await app.register(usersRoutes, options);
  await app.register(meldingenRoutes, options);
  await app.register(queueRoutes, options);
  await app.register(handlingRoutes, options);
  await app.register(standardTextsRoutes, options);
  await app.register(notableRoutes, options);
  await app.register(reportsRoutes, options);
  await app.register(hotspotsRoutes, options);
};

export default staffRoutes;
