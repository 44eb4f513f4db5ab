import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../support/helpers.ts';
import { createUser, expectNoEmailInAudit, PASSWORD } from '../support/staff-helpers.ts';
import { captureLines, useTestApp } from '../support/test-app.ts';

// Issue 8: failed logins slow down whoever makes them, per account and source; nobody can lock an
// officer out. The app's clock is injected, so the waits are checked without waiting.

let clockMs = Date.parse('2026-03-02T09:00:00Z');
const { lines, stream } = captureLines();

const t = useTestApp({
  now: () => new Date(clockMs),
  env: { STAFF_LOGIN_ACCOUNT_FREE_FAILURES: '8' },
  logger: { stream, level: 'warn' },
});

const tick = (ms: number) => {
  clockMs += ms;
};

function attempt(
  email: string,
  password: string,
  ip: string,
  options: { app?: FastifyInstance; device?: string } = {},
) {
  return (options.app ?? t.app).inject({
    method: 'POST',
    url: '/api/v1/staff/login',
    payload: { email, password },
    remoteAddress: ip,
    ...(options.device ? { cookies: { bs_device: options.device } } : {}),
  });
}

/** What an attacker sees of an answer: status, Retry-After and body. */
const seen = (res: Awaited<ReturnType<typeof attempt>>) => ({
  status: res.statusCode,
  retryAfter: res.headers['retry-after'] ?? null,
  body: res.json(),
});

describe('failed logins per account and source', () => {
  it('delays the source progressively (0,0,0,1 s,2 s,4 s), while the owner elsewhere logs in at once', async () => {
    await createUser(t.db, 'agent@soest.nl', 'boa', ['boa-team']);
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await attempt('agent@soest.nl', `fout ${i}`, attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 401]);

    // The 4th right away waits 1 s; even the right password is not checked meanwhile.
    const waiting = await attempt('agent@soest.nl', PASSWORD, attacker);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.json()).toMatchObject({
      statusCode: 429,
      code: 'LOGIN_THROTTLED',
      message: expect.stringContaining('Probeer het over 1 seconde opnieuw'),
    });
    expect(waiting.cookies.find((c) => c.name === 'bs_session')).toBeUndefined();

    tick(1000);
    expect((await attempt('agent@soest.nl', 'fout 4', attacker)).statusCode).toBe(401);
    expect((await attempt('agent@soest.nl', 'fout 5', attacker)).headers['retry-after']).toBe('2');
    tick(2000);
    expect((await attempt('agent@soest.nl', 'fout 6', attacker)).statusCode).toBe(401);
    expect((await attempt('agent@soest.nl', 'fout 7', attacker)).headers['retry-after']).toBe('4');

    // The owner, at the office, is not slowed down by any of it; told how often it was tried.
    const owner = await attempt('agent@soest.nl', PASSWORD, '198.51.100.10');
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.json().failedLogins).toEqual({ count: 5, since: new Date(clockMs - 3000).toISOString() });
    // Once: the next login has nothing to report.
    expect((await attempt('agent@soest.nl', PASSWORD, '198.51.100.10')).json().failedLogins).toBeNull();

    // The attacker still waits (the owner's login cleared only the owner's source).
    expect((await attempt('agent@soest.nl', 'fout 8', attacker)).statusCode).toBe(429);
    // The wait is capped (STAFF_LOGIN_MAX_DELAY_SECONDS, 900) and forgotten after a day.
    for (let i = 0; i < 14; i++) {
      tick(900_000);
      await attempt('agent@soest.nl', `fout ${i}`, attacker);
    }
    expect(Number((await attempt('agent@soest.nl', 'x', attacker)).headers['retry-after'])).toBe(900);
    tick(24 * 3_600_000 + 1000);
    expect((await attempt('agent@soest.nl', 'x', attacker)).statusCode).toBe(401);
  });

  it('answers an address without an account exactly like one with an account', async () => {
    await createUser(t.db, 'bestaat@soest.nl', 'politie', ['politie-basisteam']);
    const run = async (email: string, ip: string) => {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(seen(await attempt(email, `fout ${i}`, ip)));
      tick(1000);
      answers.push(seen(await attempt(email, 'fout', ip)));
      answers.push(seen(await attempt(email, 'fout', ip)));
      return answers;
    };
    const known = await run('bestaat@soest.nl', '192.0.2.1');
    const unknown = await run('bestaat-niet@soest.nl', '192.0.2.2');
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 429, 429, 401, 429]);
    expect(unknown).toEqual(known);
  });

  it('stays the same across API instances: the state is in PostgreSQL', async () => {
    await createUser(t.db, 'twee@soest.nl', 'boa', ['boa-team']);
    const other = await buildTestApp(t.database.client, { now: () => new Date(clockMs) });
    try {
      for (let i = 0; i < 3; i++) await attempt('twee@soest.nl', 'fout', '192.0.2.9');
      const res = await attempt('twee@soest.nl', 'fout', '192.0.2.9', { app: other.app });
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      await other.close();
    }
  });

  it('counts parallel attempts one by one: a burst does not slip through', async () => {
    await createUser(t.db, 'burst@soest.nl', 'boa', ['boa-team']);
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt('burst@soest.nl', `fout ${i}`, '192.0.2.77')),
    );
    const codes = burst.map((r) => r.statusCode).sort();
    expect(codes).toEqual([401, 401, 401, ...Array(7).fill(429)]);
  });
});

describe('an account under attack from many addresses', () => {
  it('slows the whole account, but never the owner on a known device; tells the user and the admin', async () => {
    const victim = await createUser(t.db, 'doelwit@soest.nl', 'politie', ['politie-basisteam']);
    // A login earlier from the owner's usual browser: it got the known-device cookie.
    const first = await attempt('doelwit@soest.nl', PASSWORD, '198.51.100.20');
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'bs_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/staff/login' });
    expect(device?.value).not.toContain(victim.id);

    // 8 failures (STAFF_LOGIN_ACCOUNT_FREE_FAILURES) from 8 addresses, each within its own free attempts.
    lines.length = 0;
    for (let i = 0; i < 8; i++) {
      expect((await attempt('doelwit@soest.nl', 'fout', `100.64.0.${i + 1}`)).statusCode).toBe(401);
    }
    // Now any new address waits, the owner's included when on another computer …
    const fresh = await attempt('doelwit@soest.nl', PASSWORD, '100.64.1.1');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json()).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: expect.stringContaining('vanaf verschillende adressen'),
    });
    expect(fresh.headers['retry-after']).toBe('1');

    // … but the browser with the cookie gets in right away, even from the attacker's own address, and
    // the user is told.
    const own = await attempt('doelwit@soest.nl', PASSWORD, '100.64.0.1', { device: device?.value ?? '' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().failedLogins).toMatchObject({ count: 8 });

    // A forged or another account's cookie does not count as known.
    const forged = await attempt('doelwit@soest.nl', PASSWORD, '100.64.1.2', {
      device: `${(device?.value ?? '').slice(0, -2)}xx`,
    });
    expect(forged.statusCode).toBe(429);

    // For the admin: an audit entry and a warning, without the address.
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, victim.id));
    expect(audit.filter((r) => r.action === 'login_throttled').map((r) => r.details)).toContainEqual(
      expect.objectContaining({ scope: 'account', accountFailures: 8 }),
    );
    await expectNoEmailInAudit(t.db, victim.id);
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 40);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        scope: 'account',
        staffId: victim.id,
        msg: expect.stringContaining('attack'),
      }),
    );
    expect(lines.join('')).not.toContain('doelwit@');
  });
});
