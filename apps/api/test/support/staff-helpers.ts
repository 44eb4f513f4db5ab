import type { DbOrTx } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import type { StaffRole } from '@buurtsignaal/db/tables/staff-users-repository';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createStaffKeys, deriveStaffKey } from '../../src/staff/staff-keys.ts';
import { newTotpSecret } from '../../src/staff/totp.ts';
import { createStaffAccount } from '../../src/staff/user-service.ts';
import { statusLinkKey, validIntake } from './helpers.ts';

/** The keys buildTestApp's app uses (derived from the test STATUS_LINK_KEY). */
export const testStaffKeys = createStaffKeys(deriveStaffKey(statusLinkKey));

export const PASSWORD = 'correct horse battery';

export interface TestUser {
  id: string;
  email: string;
  /** Set when the user has a confirmed TOTP secret. */
  totpSecret?: string;
}

export async function createUser(
  db: DbOrTx,
  email: string,
  role: StaffRole,
  teamIds: string[] = [],
  options: { totp?: boolean } = {},
): Promise<TestUser> {
  const { id } = await createStaffAccount(db, {
    email,
    name: `Test ${role}`,
    role,
    teamIds,
    password: PASSWORD,
  });
  if (!options.totp) return { id, email };
  const totpSecret = newTotpSecret();
  await db
    .update(schema.staffUsers)
    .set({ totpSecretSealed: testStaffKeys.totpBox.seal(totpSecret, id), totpConfirmedAt: new Date() })
    .where(eq(schema.staffUsers.id, id));
  return { id, email, totpSecret };
}

export interface StaffSession {
  cookie: string;
  csrf: string;
  res: LightMyRequestResponse;
}

export async function login(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  totp?: string,
): Promise<StaffSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/login',
    payload: { email, password, ...(totp ? { totp } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'bs_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: cookie.value, csrf: res.json().csrfToken, res };
}

/** A request with the session cookie and (for state-changing ones) the CSRF token. */
export function as(app: FastifyInstance, session: StaffSession) {
  return (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    csrf: string | null = session.csrf,
  ) =>
    app.inject({
      method,
      url,
      cookies: { bs_session: session.cookie },
      headers: csrf === null ? {} : { 'x-csrf-token': csrf },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}

/** A melding through the public intake, then put on `teamId` with `status` (as routing/handling would). */
export async function meldingOn(
  app: FastifyInstance,
  db: DbOrTx,
  teamId: string,
  status = 'ingedeeld',
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
  expect(res.statusCode).toBe(201);
  const id: string = res.json().id;
  await db.update(schema.meldingen).set({ teamId, status }).where(eq(schema.meldingen.id, id));
  return id;
}

/** Fails when any audit row of the actor mentions an e-mail address. */
export async function expectNoEmailInAudit(db: DbOrTx, actorUserId: string): Promise<void> {
  const rows = await listAuditForActor(db, actorUserId);
  expect(JSON.stringify(rows)).not.toMatch(/@/);
}
