import * as schema from '@buurtsignaal/db/schema';
import { desc, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { buildTestApp } from '../support/helpers.ts';
import {
  as,
  createUser,
  expectNoEmailInAudit,
  login,
  PASSWORD,
  type TestUser,
} from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

let clock = new Date();
let boa: TestUser;
let coordinator: TestUser;

const t = useTestApp({ now: () => clock });
beforeAll(async () => {
  boa = await createUser(t.db, 'Boa.Een@Soest.nl', 'boa', ['boa-team']);
  coordinator = await createUser(t.db, 'coord@soest.nl', 'coordinator', [], { totp: true });
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
      failedLogins: null,
    });
    const cookie = res.cookies.find((c) => c.name === 'bs_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(Buffer.from(cookie?.value ?? '', 'base64url')).toHaveLength(32);
    // The cookie token itself is not in the database, only its hash.
    const sessions = await t.db.select().from(schema.staffSessions);
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
      message: expect.stringContaining('Het e-mailadres, het wachtwoord of de code'),
    });
    const anonymous = await t.db
      .select()
      .from(schema.auditLog)
      .where(isNull(schema.auditLog.actorUserId))
      .orderBy(desc(schema.auditLog.id));
    expect(anonymous[0]).toMatchObject({ action: 'login_failed', result: 'denied', source: '127.0.0.1' });
    expect(JSON.stringify(anonymous)).not.toMatch(/@|nobody/);
    await expectNoEmailInAudit(t.db, boa.id);
  });

  it('asks for password and code together and answers a wrong password, a missing and a wrong code alike', async () => {
    const secret = coordinator.totpSecret ?? '';
    const right = currentTotp(secret, clock);
    const wrongCode = right === '000000' ? '111111' : '000000';
    // From different addresses, so that no answer is a 429 of the throttle.
    let ip = 10;
    const tryAs = (email: string, password: string, totp?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/login',
        payload: { email, password, ...(totp === undefined ? {} : { totp }) },
        remoteAddress: `192.0.2.${ip++}`,
      });
    const answers = [
      await tryAs('coord@soest.nl', PASSWORD), // right password, no code
      await tryAs('coord@soest.nl', 'not the password'), // wrong password, no code
      await tryAs('coord@soest.nl', PASSWORD, wrongCode), // right password, wrong code
      await tryAs('coord@soest.nl', 'not the password', right), // wrong password, right code
      await tryAs('coord@soest.nl', PASSWORD, currentTotp(secret, new Date(clock.getTime() - 3_600_000))),
      await tryAs('boa.een@soest.nl', 'not the password'),
      await tryAs('nobody@soest.nl', PASSWORD, right),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toHaveLength(0);
      expect(res.json()).toEqual(answers[0]?.json());
    }
    expect(answers[0]?.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('code'),
    });
    // The audit log knows why; the answer did not say.
    const reasons = (await t.db.select().from(schema.auditLog))
      .filter((r) => r.actorUserId === coordinator.id && r.action === 'login_failed')
      .map((r) => (r.details as { reason: string }).reason);
    expect(reasons).toEqual(['totp_missing', 'password', 'totp', 'password', 'totp']);

    const session = await login(t.app, 'coord@soest.nl', PASSWORD, right);
    expect(session.res.json()).toMatchObject({ user: { role: 'coordinator' }, totpEnrolmentRequired: false });
    expect((await as(t.app, session)('GET', '/api/v1/staff/users')).statusCode).toBe(200);
    await expectNoEmailInAudit(t.db, coordinator.id);
  });

  it('accepts a TOTP code once: a replay within its 30 seconds is refused, also two at once', async () => {
    const secret = coordinator.totpSecret ?? '';
    clock = new Date(clock.getTime() + 60_000);
    const code = currentTotp(secret, clock);
    await login(t.app, 'coord@soest.nl', PASSWORD, code);
    const replay = await attempt({ email: 'coord@soest.nl', password: PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // The previous step's code (still within the drift window) is older than the one used: refused too.
    const previous = currentTotp(secret, new Date(clock.getTime() - 30_000));
    if (previous !== code) {
      expect(
        (await attempt({ email: 'coord@soest.nl', password: PASSWORD, totp: previous })).statusCode,
      ).toBe(401);
    }

    // Two logins with one fresh code at the same moment: one gets in.
    clock = new Date(clock.getTime() + 60_000);
    const fresh = currentTotp(secret, clock);
    const both = await Promise.all(
      ['192.0.2.200', '192.0.2.201'].map((ip) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/staff/login',
          payload: { email: 'coord@soest.nl', password: PASSWORD, totp: fresh },
          remoteAddress: ip,
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const [row] = await t.db.select().from(schema.staffUsers).where(eq(schema.staffUsers.id, coordinator.id));
    expect(row?.lastTotpStep).toBe(Math.floor(clock.getTime() / 30_000));
  });

  it('refuses a body without the required fields in the error format', async () => {
    const res = await attempt({ email: 'boa.een@soest.nl' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'password' }] });
  });
});

describe('login rate limit per client address', () => {
  it('answers 429 RATE_LIMITED after STAFF_LOGIN_RATE_LIMIT_MAX attempts from one address', async () => {
    const limited = await buildTestApp(t.database.client, { env: { STAFF_LOGIN_RATE_LIMIT_MAX: '3' } });
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
