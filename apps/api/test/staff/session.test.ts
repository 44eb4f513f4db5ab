import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { as, createUser, login, PASSWORD } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

let clock = new Date();
const minutes = (n: number) => {
  clock = new Date(clock.getTime() + n * 60_000);
};

const t = useTestApp({ now: () => clock });
beforeAll(async () => {
  await createUser(t.db, 'boa@soest.nl', 'boa', ['boa-team']);
});

const userCount = async () => (await t.db.select().from(schema.staffUsers)).length;

describe('TOTP enrolment of a coordinator without TOTP', () => {
  it('logs in into a session that can only enrol, then setup and confirm open everything', async () => {
    const coord = await createUser(t.db, 'nieuw@soest.nl', 'coordinator');
    const session = await login(t.app, 'nieuw@soest.nl');
    expect(session.res.json()).toMatchObject({ totpEnrolmentRequired: true });
    const req = as(t.app, session);

    for (const [method, url] of [
      ['GET', '/api/v1/staff/users'],
      ['POST', '/api/v1/staff/users'],
      ['GET', '/api/v1/staff/meldingen/6f1c2a4e-0000-4000-8000-000000000000'],
    ] as const) {
      const res = await req(method, url, method === 'POST' ? {} : undefined);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'TOTP_ENROLMENT_REQUIRED', message: expect.any(String) });
    }
    expect((await req('GET', '/api/v1/staff/me')).json()).toMatchObject({ totpEnrolmentRequired: true });

    // A wrong code before setup, then setup, a wrong code, the right code.
    expect((await req('POST', '/api/v1/staff/totp/confirm', { code: '123456' })).json()).toMatchObject({
      code: 'TOTP_NOT_STARTED',
    });
    const setup = await req('POST', '/api/v1/staff/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { otpauthUri, secret } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Buurtsignaal:nieuw%40soest\.nl\?.*secret=/);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The secret is stored sealed, not as is.
    const [row] = await t.db.select().from(schema.staffUsers).where(eq(schema.staffUsers.id, coord.id));
    expect(row?.totpSecretSealed).not.toContain(secret);

    const right = currentTotp(secret, clock);
    const wrong = await req('POST', '/api/v1/staff/totp/confirm', {
      code: right === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'TOTP_INVALID' });
    expect((await req('POST', '/api/v1/staff/totp/confirm', { code: right })).statusCode).toBe(204);

    expect((await req('GET', '/api/v1/staff/users')).statusCode).toBe(200);
    expect((await req('POST', '/api/v1/staff/totp/setup')).json()).toMatchObject({
      code: 'TOTP_ALREADY_ENROLLED',
    });

    // From now on the password alone is not enough, and the code of the confirmation is used up.
    const tryLogin = (totp?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/login',
        payload: { email: 'nieuw@soest.nl', password: PASSWORD, ...(totp ? { totp } : {}) },
      });
    expect((await tryLogin()).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await tryLogin(right)).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    clock = new Date(clock.getTime() + 30_000);
    await login(t.app, 'nieuw@soest.nl', PASSWORD, currentTotp(secret, clock));
  });

  it('confirms once when the same code is sent twice at once, and refuses a code of a used step', async () => {
    const coord = await createUser(t.db, 'dubbel@soest.nl', 'admin');
    const req = as(t.app, await login(t.app, 'dubbel@soest.nl'));
    const { secret } = (await req('POST', '/api/v1/staff/totp/setup')).json();
    // A code of this step was accepted before (e.g. under an earlier secret): it cannot confirm.
    clock = new Date(clock.getTime() + 30_000);
    const step = Math.floor(clock.getTime() / 30_000);
    await t.db
      .update(schema.staffUsers)
      .set({ lastTotpStep: step })
      .where(eq(schema.staffUsers.id, coord.id));
    const used = await req('POST', '/api/v1/staff/totp/confirm', { code: currentTotp(secret, clock) });
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({
      code: 'TOTP_CODE_USED',
      message: expect.stringContaining('al gebruikt'),
    });

    const next = currentTotp(secret, new Date(clock.getTime() + 30_000));
    const both = await Promise.all([
      req('POST', '/api/v1/staff/totp/confirm', { code: next }),
      req('POST', '/api/v1/staff/totp/confirm', { code: next }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    const audit = await listAuditForActor(t.db, coord.id);
    const confirms = audit.filter((r) => r.action === 'totp.confirm' && r.result === 'ok');
    expect(confirms).toHaveLength(1);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without or with a wrong token (403, audited) and changes nothing', async () => {
    const admin = await createUser(t.db, 'admin2@soest.nl', 'admin');
    // Enrolled through the API, so that this admin has a full session.
    const session = await login(t.app, 'admin2@soest.nl');
    const req = as(t.app, session);
    const setup = await req('POST', '/api/v1/staff/totp/setup');
    expect(
      (await req('POST', '/api/v1/staff/totp/confirm', { code: currentTotp(setup.json().secret, clock) }))
        .statusCode,
    ).toBe(204);

    const before = await userCount();
    const newUser = {
      email: 'x@soest.nl',
      name: 'X',
      role: 'boa',
      teamIds: ['boa-team'],
      password: PASSWORD,
    };
    const otherSession = await login(t.app, 'boa@soest.nl');
    for (const csrf of [null, 'wrong', otherSession.csrf]) {
      const res = await req('POST', '/api/v1/staff/users', newUser, csrf);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID', message: expect.any(String) });
    }
    expect(await userCount()).toBe(before);
    const logoutWithout = await req('POST', '/api/v1/staff/logout', undefined, null);
    expect(logoutWithout.statusCode).toBe(403);
    expect((await req('GET', '/api/v1/staff/me')).statusCode).toBe(200);

    const audit = await listAuditForActor(t.db, admin.id);
    expect(audit.filter((a) => a.action === 'csrf_rejected' && a.result === 'denied')).toHaveLength(4);

    // With the token it works.
    expect((await req('POST', '/api/v1/staff/users', newUser)).statusCode).toBe(201);
    expect(await userCount()).toBe(before + 1);
  });
});

describe('session timeouts and logout', () => {
  it('ends a session after STAFF_SESSION_IDLE_MINUTES without requests', async () => {
    const session = await login(t.app, 'boa@soest.nl');
    const req = as(t.app, session);
    minutes(29);
    expect((await req('GET', '/api/v1/staff/me')).statusCode).toBe(200);
    minutes(29); // still alive: the previous request counted as activity
    expect((await req('GET', '/api/v1/staff/me')).statusCode).toBe(200);
    minutes(30);
    const expired = await req('GET', '/api/v1/staff/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({
      code: 'SESSION_EXPIRED',
      message: expect.stringContaining('verlopen'),
    });
    // The session is gone: the same cookie now is simply unknown.
    expect((await req('GET', '/api/v1/staff/me')).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('ends a session after STAFF_SESSION_MAX_HOURS however active it is', async () => {
    const session = await login(t.app, 'boa@soest.nl');
    const req = as(t.app, session);
    for (let i = 0; i < 12 * 3 - 1; i++) {
      minutes(20);
      expect((await req('GET', '/api/v1/staff/me')).statusCode).toBe(200);
    }
    minutes(20);
    expect((await req('GET', '/api/v1/staff/me')).json()).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('logs out: the session is deleted and the cookie cleared', async () => {
    const session = await login(t.app, 'boa@soest.nl');
    const req = as(t.app, session);
    const me = await req('GET', '/api/v1/staff/me');
    expect(me.json()).toMatchObject({ user: { role: 'boa' }, csrfToken: session.csrf });
    const out = await req('POST', '/api/v1/staff/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'bs_session')?.value).toBe('');
    expect((await req('GET', '/api/v1/staff/me')).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('answers 401 NOT_AUTHENTICATED without a cookie or with a made-up one', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/staff/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ statusCode: 401, code: 'NOT_AUTHENTICATED', error: 'Unauthorized' });
    const fake = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/users',
      cookies: { bs_session: 'x'.repeat(43) },
    });
    expect(fake.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });
});
