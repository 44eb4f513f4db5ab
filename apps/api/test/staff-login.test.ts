import { schema } from '@buurtsignaal/db';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { desc, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../src/staff/totp.ts';
import { buildTestApp, type TestApp } from './helpers.ts';
import { as, createUser, expectNoEmailInAudit, login, PASSWORD, type TestUser } from './staff-helpers.ts';

let database: TestDatabase;
let t: TestApp;
let clock = new Date();
let boa: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database.client, { now: () => clock });
  boa = await createUser(database.client.db, 'Boa.Een@Soest.nl', 'boa', ['boa-team']);
  coordinator = await createUser(database.client.db, 'coord@soest.nl', 'coordinator', [], { totp: true });
});
afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const attempt = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload });

describe('POST /api/v1/staff/login', () => {
  it('logs a boa in with a secure session cookie, the user and a CSRF token', async () => {
    const { res } = await login(t.app, 'boa.een@soest.nl');
    expect(res.json()).toEqual({
      user: {
        id: boa.id,
        name: 'Test boa',
        role: 'boa',
        teams: [{ id: 'boa-team', name: 'Boa-team Soest' }],
      },
      csrfToken: expect.any(String),
      totpEnrolmentRequired: false,
    });
    const cookie = res.cookies.find((c) => c.name === 'bs_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(Buffer.from(cookie?.value ?? '', 'base64url')).toHaveLength(32);
    // The cookie token itself is not in the database, only its hash.
    const sessions = await database.client.db.select().from(schema.staffSessions);
    expect(sessions.map((s) => s.id)).not.toContain(cookie?.value);
  });

  it('answers a wrong password and an unknown address alike, and logs both without the address', async () => {
    const wrong = await attempt({ email: 'boa.een@soest.nl', password: 'not the password' });
    const unknown = await attempt({ email: 'nobody@soest.nl', password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toHaveLength(0);
    }
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      error: 'Unauthorized',
      message: expect.stringContaining('Het e-mailadres of het wachtwoord klopt niet.'),
    });
    const anonymous = await database.client.db
      .select()
      .from(schema.auditLog)
      .where(isNull(schema.auditLog.actorUserId))
      .orderBy(desc(schema.auditLog.id));
    expect(anonymous[0]).toMatchObject({ action: 'login_failed', result: 'denied', source: '127.0.0.1' });
    expect(JSON.stringify(anonymous)).not.toMatch(/@|nobody/);
    await expectNoEmailInAudit(database.client.db, boa.id);
  });

  it('locks the account for 15 minutes after 5 failed logins, whatever the password then', async () => {
    const victim = await createUser(database.client.db, 'lock@soest.nl', 'politie', ['politie-basisteam']);
    for (let i = 1; i <= 4; i++) {
      expect((await attempt({ email: 'lock@soest.nl', password: `wrong ${i}` })).statusCode).toBe(401);
    }
    const fifth = await attempt({ email: 'lock@soest.nl', password: 'wrong 5' });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('15 minuten geblokkeerd'),
    });
    // The right password does not open it, and the answer is the same as for a wrong password and for
    // an address without an account: the lock gives away nothing.
    const right = await attempt({ email: 'lock@soest.nl', password: PASSWORD });
    const wrong = await attempt({ email: 'lock@soest.nl', password: 'wrong 6' });
    const unknown = await attempt({ email: 'niemand@soest.nl', password: 'wrong 7' });
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());
    expect(right.json()).toEqual(unknown.json());

    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    await login(t.app, 'lock@soest.nl');

    const rows = await database.client.db.select().from(schema.auditLog);
    const mine = rows.filter((r) => r.actorUserId === victim.id).map((r) => [r.action, r.result]);
    expect(mine).toEqual([
      ...Array(5).fill(['login_failed', 'denied']),
      ['login_locked', 'denied'],
      ['login_locked', 'denied'],
      ['login', 'ok'],
    ]);
    await expectNoEmailInAudit(database.client.db, victim.id);
  });

  it('asks a coordinator for the TOTP code and checks it', async () => {
    const missing = await attempt({ email: 'coord@soest.nl', password: PASSWORD });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'TOTP_REQUIRED', message: expect.stringContaining('code') });
    expect(missing.cookies).toHaveLength(0);

    const secret = coordinator.totpSecret ?? '';
    const right = currentTotp(secret, clock);
    const wrongCode = right === '000000' ? '111111' : '000000';
    const wrong = await attempt({ email: 'coord@soest.nl', password: PASSWORD, totp: wrongCode });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'TOTP_INVALID' });

    // A code from another time (an hour ago) is refused too.
    const stale = currentTotp(secret, new Date(clock.getTime() - 3_600_000));
    if (stale !== right) {
      expect(
        (await attempt({ email: 'coord@soest.nl', password: PASSWORD, totp: stale })).json(),
      ).toMatchObject({
        code: 'TOTP_INVALID',
      });
    }

    const session = await login(t.app, 'coord@soest.nl', PASSWORD, right);
    expect(session.res.json()).toMatchObject({ user: { role: 'coordinator' }, totpEnrolmentRequired: false });
    expect((await as(t.app, session)('GET', '/api/v1/staff/users')).statusCode).toBe(200);
    await expectNoEmailInAudit(database.client.db, coordinator.id);
  });

  it('refuses a body without the required fields in the error format', async () => {
    const res = await attempt({ email: 'boa.een@soest.nl' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'password' }] });
  });
});

describe('login rate limit per client address', () => {
  it('answers 429 RATE_LIMITED after STAFF_LOGIN_RATE_LIMIT_MAX attempts from one address', async () => {
    const limited = await buildTestApp(database.client, { env: { STAFF_LOGIN_RATE_LIMIT_MAX: '3' } });
    try {
      const hit = (ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/staff/login',
          payload: { email: 'nobody@soest.nl', password: 'x' },
          remoteAddress: ip,
        });
      for (let i = 0; i < 3; i++) expect((await hit('203.0.113.9')).statusCode).toBe(401);
      const res = await hit('203.0.113.9');
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: expect.stringContaining('inlogpogingen'),
      });
      expect((await hit('198.51.100.4')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
