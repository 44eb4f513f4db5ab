import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor, listAuditForMelding } from '@buurtsignaal/db/tables/audit-log-repository';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { validIntake } from '../support/helpers.ts';
import {
  as,
  createUser,
  expectNoEmailInAudit,
  login,
  meldingOn,
  PASSWORD,
  type StaffSession,
  type TestUser,
} from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

let boa: TestUser;
let coordinator: TestUser;
let admin: TestUser;
let boaSession: StaffSession;
let coordinatorSession: StaffSession;
let adminSession: StaffSession;

const t = useTestApp();
beforeAll(async () => {
  const db = t.db;
  boa = await createUser(db, 'boa@soest.nl', 'boa', ['boa-team']);
  coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
  admin = await createUser(db, 'admin@soest.nl', 'admin', [], { totp: true });
  boaSession = await login(t.app, 'boa@soest.nl');
  coordinatorSession = await login(
    t.app,
    'coord@soest.nl',
    PASSWORD,
    currentTotp(coordinator.totpSecret ?? '', new Date()),
  );
  adminSession = await login(
    t.app,
    'admin@soest.nl',
    PASSWORD,
    currentTotp(admin.totpSecret ?? '', new Date()),
  );
});

const melding = (session: StaffSession, id: string) =>
  as(t.app, session)('GET', `/api/v1/staff/meldingen/${id}`);

describe('GET /api/v1/staff/meldingen/:id', () => {
  it('refuses a boa a melding of another team: 403 FORBIDDEN and an audit row "denied"', async () => {
    const id = await meldingOn(t.app, t.db, 'politie-basisteam');
    const res = await melding(boaSession, id);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      error: 'Forbidden',
      message: 'U heeft geen toegang tot deze gegevens of deze actie.',
    });
    const audit = await listAuditForMelding(t.db, id);
    expect(audit).toMatchObject([
      {
        actorUserId: boa.id,
        action: 'access_denied',
        result: 'denied',
        source: '127.0.0.1',
        details: { attempted: 'melding.view' },
      },
    ]);
  });

  it('refuses a boa an unrouted melding (no team yet)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: validIntake(),
    });
    expect((await melding(boaSession, res.json().id)).statusCode).toBe(403);
  });

  it("shows a boa their own team's melding without the melder's contact data", async () => {
    const id = await meldingOn(t.app, t.db, 'boa-team');
    const res = await melding(boaSession, id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id,
      reference: expect.stringMatching(/^SOE-\d{4}-\d{6}$/),
      category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
      status: { code: 'ingedeeld', label: 'Ingedeeld' },
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      createdAt: expect.any(String),
    });
    expect(body).not.toHaveProperty('melder');
    expect(res.body).not.toMatch(/example\.nl|12345678/i);
    const audit = await listAuditForMelding(t.db, id);
    expect(audit.map((a) => a.action)).toEqual(['melding.view']);
  });

  it('shows the contact data only to the boa who claimed the melding, and logs that view', async () => {
    const id = await meldingOn(t.app, t.db, 'boa-team', 'in_behandeling');
    // In behandeling by a colleague (nobody claimed it here): no contact data for this boa.
    expect((await melding(boaSession, id)).json().melder).toBeUndefined();
    await t.db
      .update(schema.meldingen)
      .set({ assignedUserId: boa.id, claimedAt: new Date() })
      .where(eq(schema.meldingen.id, id));
    const res = await melding(boaSession, id);
    expect(res.json().melder).toEqual({
      email: 'bewoner@example.nl',
      phone: '06 12345678',
      wantsFeedback: true,
      anonymised: false,
    });
    const audit = await listAuditForMelding(t.db, id);
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ['melding.view', boa.id],
      ['melding.view', boa.id],
      ['melder_contact.view', boa.id],
    ]);
  });

  it('shows a coordinator any melding with the contact data, and logs "melder_contact.view"', async () => {
    const id = await meldingOn(t.app, t.db, 'politie-basisteam');
    const res = await melding(coordinatorSession, id);
    expect(res.statusCode).toBe(200);
    expect(res.json().melder).toMatchObject({ email: 'bewoner@example.nl' });
    const audit = await listAuditForMelding(t.db, id);
    expect(audit).toMatchObject([
      { action: 'melding.view', result: 'ok', actorUserId: coordinator.id },
      { action: 'melder_contact.view', result: 'ok', actorUserId: coordinator.id, source: '127.0.0.1' },
    ]);
    // The audit rows carry ids, never the contact data itself.
    expect(JSON.stringify(audit)).not.toMatch(/@|12345678/);
  });

  it('answers 404 for an unknown melding and 400 for a malformed id', async () => {
    expect((await melding(coordinatorSession, '6f1c2a4e-0000-4000-8000-000000000000')).json()).toMatchObject({
      code: 'MELDING_NOT_FOUND',
    });
    expect((await melding(coordinatorSession, 'abc')).statusCode).toBe(400);
  });
});

describe('staff users', () => {
  const newUser = (email: string, role: string) => ({
    email,
    name: 'Nieuwe Collega',
    role,
    teamIds: role === 'boa' ? ['boa-team'] : [],
    password: 'een lang genoeg wachtwoord',
  });

  it('lets an admin create a coordinator, who then has to enrol TOTP', async () => {
    const res = await as(t.app, adminSession)(
      'POST',
      '/api/v1/staff/users',
      newUser('Coord2@Soest.nl', 'coordinator'),
    );
    expect(res.statusCode).toBe(201);
    const session = await login(t.app, 'coord2@soest.nl', 'een lang genoeg wachtwoord');
    expect(session.res.json()).toMatchObject({ user: { role: 'coordinator' }, totpEnrolmentRequired: true });
    const audit = await listAuditForActor(t.db, admin.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'user.create',
      result: 'ok',
      details: { createdUserId: res.json().id },
    });
    await expectNoEmailInAudit(t.db, admin.id);
  });

  it('lets a coordinator create a boa but not an admin', async () => {
    const req = as(t.app, coordinatorSession);
    expect((await req('POST', '/api/v1/staff/users', newUser('boa2@soest.nl', 'boa'))).statusCode).toBe(201);
    const refused = await req('POST', '/api/v1/staff/users', newUser('admin2@soest.nl', 'admin'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    const audit = await listAuditForActor(t.db, coordinator.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'access_denied',
      result: 'denied',
      details: { attempted: 'user.create' },
    });
  });

  it('refuses a boa to create or list users, and audits it', async () => {
    const req = as(t.app, boaSession);
    for (const res of [
      await req('POST', '/api/v1/staff/users', newUser('boa3@soest.nl', 'boa')),
      await req('GET', '/api/v1/staff/users'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const rows = await t.db.select().from(schema.staffUsers).where(sql`email = 'boa3@soest.nl'`);
    expect(rows).toHaveLength(0);
    const denied = (await listAuditForActor(t.db, boa.id)).filter((a) => a.action === 'access_denied');
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a duplicate address, an unknown team and a short password', async () => {
    const req = as(t.app, adminSession);
    expect((await req('POST', '/api/v1/staff/users', newUser('BOA@soest.nl', 'boa'))).json()).toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect(
      (
        await req('POST', '/api/v1/staff/users', { ...newUser('t@soest.nl', 'boa'), teamIds: ['geen-team'] })
      ).json(),
    ).toMatchObject({ code: 'UNKNOWN_TEAM', details: [{ field: 'teamIds' }] });
    expect(
      (
        await req('POST', '/api/v1/staff/users', { ...newUser('t@soest.nl', 'boa'), password: 'kort' })
      ).json(),
    ).toMatchObject({ code: 'PASSWORD_TOO_SHORT', details: [{ field: 'password' }] });
  });

  it('lists users for an admin without hashes or secrets', async () => {
    const res = await as(t.app, adminSession)('GET', '/api/v1/staff/users');
    expect(res.statusCode).toBe(200);
    const { users } = res.json();
    expect(users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: 'boa@soest.nl',
          role: 'boa',
          teamIds: ['boa-team'],
          totpEnrolled: false,
        }),
        expect.objectContaining({ email: 'coord@soest.nl', role: 'coordinator', totpEnrolled: true }),
      ]),
    );
    expect(res.body).not.toMatch(/argon2|password|totpSecret|v1\./i);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const refused = { cause: expect.objectContaining({ message: 'audit_log is append-only' }) };
    await expect(t.db.execute(sql`UPDATE audit_log SET result = 'ok'`)).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`DELETE FROM audit_log`)).rejects.toMatchObject(refused);
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(schema.auditLog);
    expect(row?.n).toBeGreaterThan(0);
  });
});
