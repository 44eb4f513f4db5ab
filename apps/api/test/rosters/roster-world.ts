import { type DbOrTx, schema, seedReferenceData } from '@buurtsignaal/db';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { currentTotp } from '../../src/staff/totp.ts';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import { createUser, login, PASSWORD, type StaffSession } from '../support/staff-helpers.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests as a logged-in user (cookie and CSRF token), any method; a multipart body as it is. */
export function asUser(app: FastifyInstance, session: StaffSession) {
  return (method: Method, url: string, payload?: unknown) => {
    const upload = payload instanceof Upload ? payload : undefined;
    return app.inject({
      method,
      url,
      cookies: { bs_session: session.cookie },
      headers: { 'x-csrf-token': session.csrf, ...upload?.headers },
      ...(upload
        ? { payload: upload.body }
        : payload === undefined
          ? {}
          : { payload: payload as Record<string, unknown> }),
    });
  };
}

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
export class Upload {
  private constructor(
    readonly body: Buffer,
    readonly headers: Record<string, string>,
  ) {}

  static async file(filename: string, text: string, type: string): Promise<Upload> {
    const form = new FormData();
    form.append('file', new Blob([text], { type }), filename);
    const response = new Response(form);
    const contentType = response.headers.get('content-type') ?? '';
    return new Upload(Buffer.from(await response.arrayBuffer()), { 'content-type': contentType });
  }
}

export interface RosterWorld {
  database: TestDatabase;
  db: DbOrTx;
  t: TestApp;
  /** The app's clock; tests move it (sessions last long enough for that). */
  clock: { now: Date };
  ids: { boa1: string; boa2: string; politie: string; coordinator: string; admin: string };
  asBoa1: ReturnType<typeof asUser>;
  asPolitie: ReturnType<typeof asUser>;
  asCoordinator: ReturnType<typeof asUser>;
  asAdmin: ReturnType<typeof asUser>;
  close(): Promise<void>;
}

async function named(db: DbOrTx, id: string, name: string) {
  await db.update(schema.staffUsers).set({ name }).where(eq(schema.staffUsers.id, id));
}

/** A database and app on a fixed clock, two boa's, a politie officer, a coordinator and an admin. */
export async function rosterWorld(start: Date): Promise<RosterWorld> {
  const database = await createTestDatabase();
  const db = database.client.db;
  // The template may predate the roster seed; the seed is idempotent. Before the users: its patterns
  // start without members.
  await seedReferenceData(db, start);
  const clock = { now: start };
  const t = await buildTestApp(database.client, {
    now: () => clock.now,
    env: { STAFF_SESSION_IDLE_MINUTES: '100000', STAFF_SESSION_MAX_HOURS: '10000' },
  });
  const boa1 = await createUser(db, 'boa1@soest.nl', 'boa', ['boa-team']);
  const boa2 = await createUser(db, 'boa2@soest.nl', 'boa', ['boa-team']);
  const politie = await createUser(db, 'politie@soest.nl', 'politie', ['politie-basisteam']);
  const coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
  const admin = await createUser(db, 'admin@soest.nl', 'admin', [], { totp: true });
  await named(db, boa1.id, 'Anna Boa');
  await named(db, boa2.id, 'Bram Boa');
  const totp = (secret?: string) => currentTotp(secret ?? '', start);
  return {
    database,
    db,
    t,
    clock,
    ids: { boa1: boa1.id, boa2: boa2.id, politie: politie.id, coordinator: coordinator.id, admin: admin.id },
    asBoa1: asUser(t.app, await login(t.app, boa1.email)),
    asPolitie: asUser(t.app, await login(t.app, politie.email)),
    asCoordinator: asUser(
      t.app,
      await login(t.app, coordinator.email, PASSWORD, totp(coordinator.totpSecret)),
    ),
    asAdmin: asUser(t.app, await login(t.app, admin.email, PASSWORD, totp(admin.totpSecret))),
    async close() {
      await t.close();
      await database.drop();
    },
  };
}

const everyDay = [1, 2, 3, 4, 5, 6, 7];

/** The boa-team's seeded day and evening pattern, staffed with both boa's from today (an edit). */
export async function staffBoaPatterns(w: RosterWorld): Promise<{ day: string; evening: string }> {
  const members = [w.ids.boa1, w.ids.boa2];
  const put = async (id: string, label: string, start: string, end: string) => {
    const res = await w.asCoordinator('PUT', `/api/v1/staff/teams/boa-team/roster/patterns/${id}`, {
      label,
      weekdays: everyDay,
      start,
      end,
      memberIds: members,
      leadId: w.ids.boa1,
    });
    if (res.statusCode !== 200) throw new Error(`PUT pattern ${id}: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  return {
    day: await put('boa-dag', 'Dagdienst', '07:00', '15:00'),
    evening: await put('boa-avond', 'Avonddienst', '14:30', '22:30'),
  };
}
