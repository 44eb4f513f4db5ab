import type { DbOrTx } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { multipart, validIntake } from './helpers.ts';
import { as, createUser, login, PASSWORD, type StaffSession, type TestUser } from './staff-helpers.ts';
import { type TestAppHandle, useTestApp } from './test-app.ts';

export interface HandlingWorld {
  database: TestAppHandle['database'];
  db: DbOrTx;
  t: TestAppHandle;
  boa: TestUser;
  politie: TestUser;
  coordinator: TestUser;
  /** Requests as that user: req(method, url, payload?) with cookie and CSRF token. */
  asBoa: ReturnType<typeof as>;
  asBoa2: ReturnType<typeof as>;
  asPolitie: ReturnType<typeof as>;
  asCoordinator: ReturnType<typeof as>;
  boa2: TestUser;
  sessions: { boa: StaffSession; boa2: StaffSession };
}

/**
 * Registers beforeAll/afterAll for one database and app per test file, with a boa (two), a politie
 * officer and a coordinator logged in; the world can be read once beforeAll has run.
 */
export function useHandlingWorld(): HandlingWorld {
  const t = useTestApp();
  let people: Omit<HandlingWorld, 'database' | 'db' | 't'> | undefined;
  beforeAll(async () => {
    const { app, db } = t;
    const boa = await createUser(db, 'boa@soest.nl', 'boa', ['boa-team']);
    const boa2 = await createUser(db, 'boa2@soest.nl', 'boa', ['boa-team']);
    const politie = await createUser(db, 'politie@soest.nl', 'politie', ['politie-basisteam']);
    const coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
    const boaSession = await login(app, boa.email);
    const boa2Session = await login(app, boa2.email);
    const politieSession = await login(app, politie.email);
    const coordinatorSession = await login(
      app,
      coordinator.email,
      PASSWORD,
      currentTotp(coordinator.totpSecret ?? '', new Date()),
    );
    people = {
      boa,
      boa2,
      politie,
      coordinator,
      asBoa: as(app, boaSession),
      asBoa2: as(app, boa2Session),
      asPolitie: as(app, politieSession),
      asCoordinator: as(app, coordinatorSession),
      sessions: { boa: boaSession, boa2: boa2Session },
    };
  });
  return new Proxy({} as HandlingWorld, {
    get(_, key: keyof HandlingWorld) {
      if (key === 't') return t;
      if (key === 'database') return t.database;
      if (key === 'db') return t.db;
      if (!people) throw new Error('the handling world is only there once beforeAll has run');
      return people[key];
    },
  });
}

export interface MeldingSetup {
  teamId?: string | null;
  status?: string;
  priority?: string | null;
  createdAt?: Date;
  intake?: Record<string, unknown>;
  photos?: Buffer[];
}

/** A melding through the real intake, then placed on a team with a status (as routing/handling would). */
export async function createMelding(
  app: FastifyInstance,
  db: DbOrTx,
  setup: MeldingSetup = {},
): Promise<{ id: string; reference: string }> {
  const intake = validIntake(setup.intake);
  const res =
    setup.photos && setup.photos.length > 0
      ? await (async () => {
          const { payload, headers } = await multipart(
            intake,
            setup.photos?.map((data, i) => ({ filename: `f${i}.jpg`, data })),
          );
          return app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
        })()
      : await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: intake });
  expect(res.statusCode, res.body).toBe(201);
  const { id, reference } = res.json() as { id: string; reference: string };
  await db
    .update(schema.meldingen)
    .set({
      teamId: setup.teamId === undefined ? 'boa-team' : setup.teamId,
      status: setup.status ?? 'ingedeeld',
      priority: setup.priority === undefined ? 'normaal' : setup.priority,
      ...(setup.createdAt ? { createdAt: setup.createdAt } : {}),
    })
    .where(eq(schema.meldingen.id, id));
  return { id, reference };
}

/** Status events and outbox rows written for a melding after intake (intake writes one of each). */
export async function writesOf(db: DbOrTx, meldingId: string) {
  const events = await db
    .select()
    .from(schema.statusEvents)
    .where(eq(schema.statusEvents.meldingId, meldingId))
    .orderBy(schema.statusEvents.id);
  const outbox = await db
    .select()
    .from(schema.outbox)
    .where(eq(schema.outbox.aggregateId, meldingId))
    .orderBy(schema.outbox.id);
  return {
    events: events.filter((e) => e.actor !== 'melder' || e.fromStatus !== null),
    outbox: outbox.filter((o) => o.topic !== 'melding.gemeld'),
  };
}
