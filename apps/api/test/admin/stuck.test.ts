import { parseReply, stuckJobListSchema } from '@buurtsignaal/core/contract';
import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { markWorkStuck } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { validIntake } from '../support/helpers.ts';
import {
  as,
  createUser,
  login,
  PASSWORD,
  type StaffSession,
  type TestUser,
} from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

let admin: TestUser;
let adminSession: StaffSession;
let coordinatorSession: StaffSession;

const t = useTestApp();
beforeAll(async () => {
  const db = t.db;
  admin = await createUser(db, 'beheer@soest.nl', 'admin', [], { totp: true });
  const coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
  adminSession = await login(t.app, admin.email, PASSWORD, currentTotp(admin.totpSecret ?? '', new Date()));
  coordinatorSession = await login(
    t.app,
    coordinator.email,
    PASSWORD,
    currentTotp(coordinator.totpSecret ?? '', new Date()),
  );
});

/** A melding through the intake whose routing job failed for good (as the worker records it). */
async function stuckMelding(): Promise<{ meldingId: string; reference: string; statusEventId: number }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
  expect(res.statusCode).toBe(201);
  const { id: meldingId, reference } = res.json() as { id: string; reference: string };
  const db = t.db;
  const [event] = await db
    .select()
    .from(schema.statusEvents)
    .where(eq(schema.statusEvents.meldingId, meldingId))
    .orderBy(asc(schema.statusEvents.id));
  const statusEventId = Number(event?.id);
  await markWorkStuck(
    db,
    { workKey: `routing-${statusEventId}`, kind: 'routing', meldingId, statusEventId },
    { at: new Date(), error: 'routing-1: job stalled more than allowable limit' },
  );
  return { meldingId, reference, statusEventId };
}

describe('GET /api/v1/staff/admin/stuck', () => {
  it('lists stuck work for the admin: what, which melding, since when, attempts, last error', async () => {
    const m = await stuckMelding();
    const res = await as(t.app, adminSession)('GET', '/api/v1/staff/admin/stuck');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // As the console reads it: the contract's schema parses it and loses nothing.
    expect(parseReply(stuckJobListSchema, res.json())).toEqual(res.json());
    const { items } = stuckJobListSchema.parse(res.json());
    const item = items.find((i) => i.melding.id === m.meldingId);
    expect(item).toMatchObject({
      kind: 'routing',
      what: 'Indelen bij een team',
      melding: { reference: m.reference },
      attempts: 0,
      lastError: 'routing-1: job stalled more than allowable limit',
    });
    expect(Date.parse(item?.since ?? '')).toBeLessThanOrEqual(Date.now());
    expect(res.body).not.toMatch(/@/);
  });

  it('refuses a coordinator: 403, audited as access_denied', async () => {
    const res = await as(t.app, coordinatorSession)('GET', '/api/v1/staff/admin/stuck');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('refuses without a session: 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/staff/admin/stuck' });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /api/v1/staff/admin/stuck/:id/retry', () => {
  it('writes a job.retry outbox row and takes the work off the list, in one go; audited', async () => {
    const m = await stuckMelding();
    const db = t.db;
    const [row] = await db.select().from(schema.stuckJobs).where(eq(schema.stuckJobs.meldingId, m.meldingId));
    const res = await as(t.app, adminSession)('POST', `/api/v1/staff/admin/stuck/${row?.id}/retry`, {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ id: row?.id, state: 'retrying' });

    const outbox = await db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.aggregateId, m.meldingId), eq(schema.outbox.topic, 'job.retry')));
    expect(outbox.map((o) => o.payload)).toEqual([
      { stuckJobId: row?.id, kind: 'routing', meldingId: m.meldingId, statusEventId: m.statusEventId },
    ]);
    const [after] = await db
      .select()
      .from(schema.stuckJobs)
      .where(eq(schema.stuckJobs.id, row?.id ?? ''));
    expect(after).toMatchObject({ state: 'retrying', attempts: 0, retriedBy: admin.id });
    const list = await as(t.app, adminSession)('GET', '/api/v1/staff/admin/stuck');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(row?.id);

    // A second click (or a second admin): 409, nothing written twice.
    const again = await as(t.app, adminSession)('POST', `/api/v1/staff/admin/stuck/${row?.id}/retry`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STUCK_JOB_NOT_STUCK');
    const audit = await listAuditForActor(db, admin.id);
    const retries = audit.filter((a) => a.action === 'stuck_job.retry');
    expect(retries.map((a) => [a.result, a.meldingId])).toEqual(
      expect.arrayContaining([
        ['ok', m.meldingId],
        ['error', null],
      ]),
    );
  });

  it('answers 404 for an unknown id and 400 for one that is not a uuid', async () => {
    const unknown = await as(t.app, adminSession)(
      'POST',
      '/api/v1/staff/admin/stuck/00000000-0000-4000-8000-000000000000/retry',
      {},
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('STUCK_JOB_NOT_FOUND');
    const bad = await as(t.app, adminSession)('POST', '/api/v1/staff/admin/stuck/abc/retry', {});
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a coordinator and a request without the CSRF token', async () => {
    const m = await stuckMelding();
    const db = t.db;
    const [row] = await db.select().from(schema.stuckJobs).where(eq(schema.stuckJobs.meldingId, m.meldingId));
    const url = `/api/v1/staff/admin/stuck/${row?.id}/retry`;
    expect((await as(t.app, coordinatorSession)('POST', url, {})).statusCode).toBe(403);
    expect((await as(t.app, adminSession)('POST', url, {}, null)).statusCode).toBe(403);
    const [still] = await db
      .select()
      .from(schema.stuckJobs)
      .where(eq(schema.stuckJobs.id, row?.id ?? ''));
    expect(still?.state).toBe('stuck');
  });
});
