import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { desc, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../../src/config.ts';
import { checkWriteOrigin } from '../../src/staff/origin-check.ts';
import { createUser, login, PASSWORD, type StaffSession, type TestUser } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// A valid session cookie and CSRF token are not enough: a staff write must come from the console's own
// origin (PUBLIC_BASE_URL of the test app: https://buurtsignaal.test).

let admin: TestUser;
let session: StaffSession;

const t = useTestApp();
beforeAll(async () => {
  // An admin without TOTP yet: the session may only enrol, and starting the enrolment is a staff write
  // that can be repeated, which is all these tests need.
  admin = await createUser(t.db, 'admin@soest.nl', 'admin');
  session = await login(t.app, 'admin@soest.nl');
});

const write = (headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/totp/setup',
    cookies: { bs_session: session.cookie },
    headers: { 'x-csrf-token': session.csrf, ...headers },
  });

describe('Origin check on staff writes', () => {
  it('refuses a valid session and CSRF token from another origin, and audits it like a CSRF failure', async () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      // The same host over plain http, or another port, is another origin.
      { origin: 'http://buurtsignaal.test' },
      { origin: 'https://buurtsignaal.test:8443' },
      { origin: 'https://buurtsignaal.test', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await write(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({
        statusCode: 403,
        code: 'ORIGIN_NOT_ALLOWED',
        message: expect.stringContaining('niet vanuit de Buurtsignaal-balie'),
      });
    }
    const audit = await listAuditForActor(t.db, admin.id);
    const refusals = audit.filter((a) => a.action === 'csrf_rejected' && a.result === 'denied');
    expect(refusals).toHaveLength(6);
    expect(refusals.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ reason: 'foreign_origin', origin: 'https://evil.example', method: 'POST' }),
    );
    expect(refusals.map((a) => a.details)).toContainEqual(expect.objectContaining({ reason: 'cross_site' }));
  });

  it('lets the console’s own origin through, and a client that sends no Origin at all', async () => {
    const own = await write({ origin: 'https://buurtsignaal.test', 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode, own.body).toBe(200);
    // No Origin and no Sec-Fetch-Site: not a web page (browsers send Origin on every POST), so no
    // forgery; the session and CSRF token still decide.
    const script = await write({});
    expect(script.statusCode, script.body).toBe(200);
    expect((await write({ 'x-csrf-token': 'wrong' })).json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });

  it('refuses a login posted from another site before looking at the password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'admin@soest.nl', password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
    expect(res.cookies).toHaveLength(0);
    const [last] = await t.db
      .select()
      .from(schema.auditLog)
      .where(isNull(schema.auditLog.actorUserId))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(last).toMatchObject({ action: 'csrf_rejected', result: 'denied' });
    expect(last?.details).toMatchObject({ reason: 'foreign_origin', route: '/api/v1/staff/login' });
  });

  it('does not check reads: a GET carries no Origin check', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/me',
      cookies: { bs_session: session.cookie },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('allowed origins', () => {
  it('come from PUBLIC_BASE_URL, or this server on loopback when it is unset', () => {
    expect(loadApiConfig({ PUBLIC_BASE_URL: 'https://meld.soest.nl/pad/' }).staff.allowedOrigins).toEqual([
      'https://meld.soest.nl',
    ]);
    expect(loadApiConfig({ PORT: '3100' }).staff.allowedOrigins).toEqual([
      'http://localhost:3100',
      'http://127.0.0.1:3100',
      'http://[::1]:3100',
    ]);
    const allowed = ['https://meld.soest.nl'];
    expect(checkWriteOrigin({ origin: 'https://meld.soest.nl' }, allowed)).toEqual({ ok: true });
    expect(checkWriteOrigin({ 'sec-fetch-site': 'none' }, allowed)).toEqual({ ok: true });
    expect(checkWriteOrigin({ origin: 'https://meld.soest.nl.evil.example' }, allowed)).toMatchObject({
      ok: false,
      reason: 'foreign_origin',
    });
  });
});
