import { type Secret, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { loadApiConfig } from '../../src/config.ts';
import { demoAccountLines, seedDemoAccounts } from '../../src/staff/demo-accounts.ts';
import { deriveStaffKey } from '../../src/staff/staff-keys.ts';
import { currentTotp } from '../../src/staff/totp.ts';
import { buildTestApp, statusLinkKey } from '../support/helpers.ts';
import { as, createUser, login, PASSWORD } from '../support/staff-helpers.ts';
import { captureLines, useTestApp } from '../support/test-app.ts';

const { lines, stream } = captureLines();

const t = useTestApp();

const secretOf = (uri: string | undefined) => (URI.parse(uri ?? '').secret as Secret).base32;

describe('demo accounts (embedded default)', () => {
  it('seeds one account per role with a fresh password per start; coordinator and admin with TOTP', async () => {
    const key = deriveStaffKey(statusLinkKey);
    const first = await seedDemoAccounts(t.db, key);
    expect(first.map((a) => [a.role, a.email, Boolean(a.totpUri)])).toEqual([
      ['boa', 'boa@soest.demo', false],
      ['politie', 'politie@soest.demo', false],
      ['coordinator', 'coordinator@soest.demo', true],
      ['admin', 'admin@soest.demo', true],
    ]);
    const banner = demoAccountLines(first).join('\n');
    for (const a of first) expect(banner).toContain(a.password);
    expect(banner).toContain('otpauth://totp/');

    const second = await seedDemoAccounts(t.db, key);
    expect(second[0]?.password).not.toBe(first[0]?.password);
    // The TOTP secret survives a restart, so the authenticator app keeps working.
    expect(secretOf(second[3]?.totpUri)).toBe(secretOf(first[3]?.totpUri));

    const boa = second[0];
    await login(t.app, boa?.email ?? '', boa?.password);
    const admin = second[3];
    const session = await login(
      t.app,
      admin?.email ?? '',
      admin?.password,
      currentTotp(secretOf(admin?.totpUri), new Date()),
    );
    expect(session.res.json()).toMatchObject({ user: { role: 'admin' }, totpEnrolmentRequired: false });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/staff/login',
          payload: { email: boa?.email, password: first[0]?.password },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('are on by default only with the embedded database', () => {
    expect(loadApiConfig({}).staff.demoAccounts).toBe(true);
    expect(loadApiConfig({ DATABASE_URL: 'postgres://x@y/z' }).staff.demoAccounts).toBe(false);
    expect(loadApiConfig({ STAFF_DEMO_ACCOUNTS: 'false' }).staff.demoAccounts).toBe(false);
  });
});

describe('staff config', () => {
  it('has defaults and makes the cookie Secure except for plain http on localhost', () => {
    expect(loadApiConfig({}).staff).toMatchObject({
      cookieSecure: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      loginRateLimit: { max: 10, windowMs: 60_000 },
      loginThrottle: { freeFailures: 3, accountFreeFailures: 10, maxDelaySeconds: 900 },
    });
    expect(loadApiConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }).staff.cookieSecure).toBe(false);
    expect(loadApiConfig({ PUBLIC_BASE_URL: 'https://meld.soest.nl' }).staff.cookieSecure).toBe(true);
    expect(loadApiConfig({ PUBLIC_BASE_URL: 'http://meld.soest.nl' }).staff.cookieSecure).toBe(true);
    expect(loadApiConfig({ STAFF_COOKIE_SECURE: 'true' }).staff.cookieSecure).toBe(true);
    expect(() => loadApiConfig({ STAFF_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/STAFF_SECRET_KEY/);
    expect(() => loadApiConfig({ STAFF_SESSION_IDLE_MINUTES: '0' })).toThrow(/STAFF_SESSION_IDLE_MINUTES/);
  });

  it('sends a cookie without Secure for http://localhost', async () => {
    const local = await buildTestApp(t.database.client, {
      env: { PUBLIC_BASE_URL: 'http://localhost:3000' },
    });
    try {
      await createUser(t.db, 'lokaal@soest.nl', 'boa', ['boa-team']);
      const { res } = await login(local.app, 'lokaal@soest.nl');
      expect(res.cookies.find((c) => c.name === 'bs_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      expect(res.cookies.find((c) => c.name === 'bs_session')?.secure).toBeFalsy();
    } finally {
      await local.close();
    }
  });
});

describe('logs of staff requests', () => {
  it('carry no password, TOTP code, session cookie or CSRF token', async () => {
    const logged = await buildTestApp(t.database.client, { logger: { stream, level: 'trace' } });
    try {
      const user = await createUser(t.db, 'log@soest.nl', 'admin', [], { totp: true });
      const code = currentTotp(user.totpSecret ?? '', new Date());
      await logged.app.inject({
        method: 'POST',
        url: '/api/v1/staff/login',
        payload: { email: 'log@soest.nl', password: 'fout-wachtwoord-123' },
      });
      const session = await login(logged.app, 'log@soest.nl', PASSWORD, code);
      const req = as(logged.app, session);
      await req('GET', '/api/v1/staff/me');
      await req(
        'POST',
        '/api/v1/staff/users',
        { email: 'n@soest.nl', name: 'N', role: 'boa', password: 'x' },
        'wrong-csrf',
      );
      await req('POST', '/api/v1/staff/logout');
      const log = lines.join('');
      expect(log).toContain('/api/v1/staff/login');
      for (const secret of [
        PASSWORD,
        'fout-wachtwoord-123',
        code,
        session.cookie,
        session.csrf,
        'log@soest.nl',
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});
