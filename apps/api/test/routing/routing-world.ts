import { type DatabaseClient, type DbOrTx, seedReferenceData } from '@buurtsignaal/db';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { createTestDatabase, createTestPglite } from '@buurtsignaal/testkit';
import { currentTotp } from '../../src/staff/totp.ts';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import { as, createUser, login, PASSWORD, type TestUser } from '../support/staff-helpers.ts';

// One database and app per test file with Soest's seeded rules and rosters: two boa's and a police
// officer on the seeded shifts (boa 07:00–15:00 and 14:30–22:30, police around the clock), instances
// generated for the weeks the tests use, and a clock fixed in that window.

/** Thursday 10 December 2026, 13:00 in Amsterdam: the app's "now". */
export const NOW = new Date('2026-12-10T12:00:00Z');
/** Tuesday 8 December 2026 at the given Amsterdam wall-clock time (CET, UTC+1). */
export const tuesday = (hhmm: string) => new Date(`2026-12-08T${hhmm}:00+01:00`);

export interface RoutingWorld {
  db: DbOrTx;
  t: TestApp;
  boa: TestUser;
  boa2: TestUser;
  politie: TestUser;
  coordinator: TestUser;
  asBoa: ReturnType<typeof as>;
  asCoordinator: ReturnType<typeof as>;
  close(): Promise<void>;
}

/** On PostgreSQL (a database of its own), or with `pglite` on the embedded PGlite. */
export async function routingWorld(options: { pglite?: boolean } = {}): Promise<RoutingWorld> {
  let client: DatabaseClient;
  let drop: () => Promise<void>;
  if (options.pglite) {
    client = await createTestPglite();
    drop = () => client.close();
  } else {
    const database = await createTestDatabase();
    client = database.client;
    drop = () => database.drop();
  }
  const t = await buildTestApp(client, { now: () => NOW });
  const db = client.db;
  const boa = await createUser(db, 'boa@soest.nl', 'boa', ['boa-team']);
  const boa2 = await createUser(db, 'boa2@soest.nl', 'boa', ['boa-team']);
  const politie = await createUser(db, 'politie@soest.nl', 'politie', ['politie-basisteam']);
  const coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
  // The template's seed ran before these accounts existed: seeding again puts them on the shifts.
  await seedReferenceData(db);
  await generateShiftInstancesAhead(client.db, { now: new Date('2026-11-01T00:00:00Z'), days: 50 });
  const boaSession = await login(t.app, boa.email);
  const coordinatorSession = await login(
    t.app,
    coordinator.email,
    PASSWORD,
    currentTotp(coordinator.totpSecret ?? '', NOW),
  );
  return {
    db,
    t,
    boa,
    boa2,
    politie,
    coordinator,
    asBoa: as(t.app, boaSession),
    asCoordinator: as(t.app, coordinatorSession),
    async close() {
      await t.close();
      await drop();
    },
  };
}

/** A rule body as the console sends it. */
export const ruleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Jeugd in Soest-Centrum',
  conditions: { categories: ['jeugdoverlast'], areaCodes: ['WK034202'] },
  outcome: { teamId: 'boa-team', priority: 'hoog', note: null },
  ...overrides,
});
