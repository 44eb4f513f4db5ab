import * as schema from '@buurtsignaal/db/schema';
import type { StaffRole } from '@buurtsignaal/db/tables/staff-users-repository';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rolesRequiringTotp } from '../../src/staff/access-policy.ts';
import { currentTotp } from '../../src/staff/totp.ts';
import { heicLike, jpegWithGps, multipart, pngImage, validIntake } from '../support/helpers.ts';
import { createUser, PASSWORD, type TestUser } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';
import { leafCount } from './fuzz/arbitraries.ts';
import { describeRequest, type FuzzRequest, requestsFor } from './fuzz/fuzz-requests.ts';
import { type Operation, operationsOf } from './fuzz/openapi-operations.ts';

// Every operation of the generated OpenAPI document, anonymous and as each staff role, with mostly
// valid and partly hostile input. Any 5xx fails the test with the request that caused it. The seed is
// fixed (FUZZ_SEED overrides it) so that a failure can be replayed.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_025);
/**
 * Requests per operation and caller (anonymous + 4 roles): RUNS, plus RUNS_PER_INPUT for every value
 * its parameters and body are made of — ~2,500 requests for the 36 operations of today.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const RUNS_PER_INPUT = Number(process.env.FUZZ_RUNS_PER_INPUT ?? 3);
/** Stops sending (and says so) when the run takes longer than this on a busy machine. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 80_000);

const roles: StaffRole[] = ['boa', 'politie', 'coordinator', 'admin'];
const teamOf: Record<StaffRole, string[]> = {
  boa: ['boa-team'],
  politie: ['politie-basisteam'],
  coordinator: [],
  admin: [],
};

// The app's clock: every login moves it one TOTP step on, so that no code is ever used twice.
let clockMs = Date.now();
const users = new Map<StaffRole, TestUser>();
const sessions = new Map<StaffRole, { cookie: string; csrf: string }>();

async function logIn(app: FastifyInstance, role: StaffRole): Promise<void> {
  const user = users.get(role);
  if (!user) throw new Error(`no ${role}`);
  clockMs += 30_000;
  const totp = user.totpSecret ? currentTotp(user.totpSecret, new Date(clockMs)) : undefined;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/login',
    payload: { email: user.email, password: PASSWORD, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login as ${role}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'bs_session')?.value ?? '';
  sessions.set(role, { cookie, csrf: res.json().csrfToken });
}

/** Ids of rows that exist, by the name of the field or parameter that carries them. */
async function examples(app: FastifyInstance) {
  const photo = await jpegWithGps();
  const { payload, headers } = await multipart(validIntake(), [{ filename: 'a.jpg', data: photo }]);
  const created = await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload, headers });
  expect(created.statusCode, created.body).toBe(201);
  const { id, statusUrl, reference } = created.json();
  const db = t.db;
  await db
    .update(schema.meldingen)
    .set({ teamId: 'boa-team', status: 'ingedeeld' })
    .where(eq(schema.meldingen.id, id));
  const [attachment] = await db.select().from(schema.attachments).where(eq(schema.attachments.meldingId, id));
  const [melding] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id));
  const texts = await db.select({ id: schema.standardTexts.id }).from(schema.standardTexts).limit(2);
  return {
    id: [id, ...texts.map((s) => s.id)],
    photoId: attachment ? [attachment.id] : [],
    token: [String(statusUrl).split('/m/')[1] ?? ''],
    cell: melding ? [melding.h3R9, melding.h3R7] : [],
    duplicateOf: [reference],
    team: ['boa-team', 'politie-basisteam'],
    teamIds: ['boa-team'],
    wijk: melding?.wijkCode ? [melding.wijkCode] : [],
    status: ['open', 'gemeld,ingedeeld', 'afgehandeld'],
    bbox: ['5.2,52.1,5.4,52.2', '5.29,52.17,5.30,52.18'],
    week: ['2026-W10', '2026-W53'],
    // A melding that passes validation and the domain checks, so that its text fields reach the t.database.
    category: ['jeugdoverlast'],
    subcategory: ['geluid'],
    lat: [52.1733],
    lng: [5.2917],
    answers: [{ aantal_personen: 6 }, { nu_gaande: false }],
    occurredAt: ['2025-05-01T21:30:00+02:00'],
    email: ['bewoner@example.nl', 'nieuw@soest.nl'],
    phone: ['06 12345678'],
    description: ['Groep jongeren met harde muziek bij het winkelcentrum.'],
  };
}

/** An operation whose 200 is a Server-Sent Events stream. */
const streams = (op: Operation): boolean => op.method === 'GET' && op.path.endsWith('/staff/events');

async function send(app: FastifyInstance, request: FuzzRequest, auth: 'anonymous' | StaffRole) {
  const session = auth === 'anonymous' ? undefined : sessions.get(auth);
  const headers: Record<string, string> = { ...request.headers };
  if (session) headers['x-csrf-token'] = request.csrf === 'session' ? session.csrf : request.csrf;
  const cookie = request.cookie ?? session?.cookie;
  return app.inject({
    method: request.method,
    url: request.url,
    query: request.query,
    headers,
    ...(cookie === undefined ? {} : { cookies: { bs_session: cookie } }),
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}

const t = useTestApp({ now: () => new Date(clockMs) });
beforeAll(async () => {
  for (const role of roles) {
    const email = `fuzz-${role}@soest.nl`;
    users.set(
      role,
      await createUser(t.db, email, role, teamOf[role], { totp: rolesRequiringTotp.has(role) }),
    );
    await logIn(t.app, role);
  }
});

describe('every operation of the OpenAPI document, fuzzed', () => {
  it('never answers 5xx', { timeout: BUDGET_MS + 60_000 }, async () => {
    await t.app.ready();
    // The live console's event stream (GET /staff/events) never ends by itself: a request that gets
    // in would hold the fuzz until its timeout. Its 401/400/filtering are tested in
    // test/staff-events/; every other operation answers and ends.
    const operations: Operation[] = operationsOf(t.app.swagger()).filter((op) => !streams(op));
    expect(operations.length).toBeGreaterThan(30);
    const base = {
      examples: await examples(t.app),
      photos: [await jpegWithGps(), await pngImage(), heicLike(), Buffer.from('not a photo')],
    };
    // Calm requests are mostly valid with a hostile value here and there (they reach the handlers and
    // the database); wild ones are hostile throughout (they test the parsers and the validation).
    const arbitraryFor = (op: Operation) =>
      fc.oneof(
        { arbitrary: requestsFor(op, { ...base, hostility: 4 }), weight: 3 },
        { arbitrary: requestsFor(op, { ...base, hostility: 30 }), weight: 1 },
      );

    const started = Date.now();
    const byClass: Record<string, number> = {};
    const failures: string[] = [];
    let requests = 0;
    let refusedByClient = 0;
    let outOfTime = false;
    const perOperation = new Map<string, Record<number, number>>();
    // Each operation and caller has its own seed: a failure replays without the requests before it.
    for (const [index, op] of operations.entries()) {
      for (const [callerIndex, auth] of (['anonymous', ...roles] as const).entries()) {
        const inputs =
          op.parameters.length + Object.values(op.bodies).reduce((n, b) => Math.max(n, leafCount(b)), 0);
        const numRuns = RUNS + RUNS_PER_INPUT * inputs;
        const samples = fc.sample(arbitraryFor(op), { seed: SEED + index * 10 + callerIndex, numRuns });
        for (const request of samples) {
          if (Date.now() - started > BUDGET_MS) {
            outOfTime = true;
            break;
          }
          let res: Awaited<ReturnType<typeof send>>;
          try {
            res = await send(t.app, request, auth);
          } catch {
            // light-my-request refuses what no HTTP client could send (e.g. a control character in a header).
            refusedByClient++;
            continue;
          }
          requests++;
          const statusClass = `${Math.floor(res.statusCode / 100)}xx`;
          byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
          const counts = perOperation.get(`${op.method} ${op.path}`) ?? {};
          counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
          perOperation.set(`${op.method} ${op.path}`, counts);
          if (process.env.FUZZ_VERBOSE === '2' && res.statusCode === 400)
            console.info(op.path, res.body.slice(0, 300));
          if (res.statusCode >= 500) {
            failures.push(
              `${res.statusCode} ${op.method} ${op.path}: ${describeRequest(request, auth)} → ${res.body.slice(0, 300)}`,
            );
          }
          // A session that ended (logout, a forged cookie does not end it) is replaced for the next request.
          if (auth !== 'anonymous' && res.statusCode === 401 && request.cookie === undefined)
            await logIn(t.app, auth);
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz: ${requests} requests over ${operations.length} operations in ${seconds} s (seed ${SEED}); ` +
        `${Object.entries(byClass)
          .sort()
          .map(([k, v]) => `${k}: ${v}`)
          .join(
            ', ',
          )}; refused by the client: ${refusedByClient}${outOfTime ? '; STOPPED at the time budget' : ''}`,
    );
    // FUZZ_VERBOSE=1: which statuses each operation answered (to see what the run reaches).
    if (process.env.FUZZ_VERBOSE) for (const [k, v] of perOperation) console.info(k, JSON.stringify(v));
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
