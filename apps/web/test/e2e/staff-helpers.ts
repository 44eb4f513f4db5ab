import { schema } from '@buurtsignaal/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentTotp } from '../../../api/src/staff/totp.ts';
import { createUser, PASSWORD } from '../../../api/test/support/staff-helpers.ts';
import { type PostedMelding, postMelding } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';

export { currentTotp, PASSWORD };

/** A staff account straight in the database (as `user:create` makes it). */
export function staffUser(
  stack: E2eStack,
  email: string,
  role: 'boa' | 'politie' | 'coordinator' | 'admin',
  teams: string[],
) {
  return createUser(stack.database.client.db, email, role, teams);
}

export interface ApiSession {
  cookie: string;
  csrf: string;
  call<T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

/** Logs in through the staff API (outside the browser); enrols TOTP first when the role needs it. */
export async function apiLogin(stack: E2eStack, email: string, password = PASSWORD): Promise<ApiSession> {
  const res = await fetch(`${stack.baseUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const login = (await res.json()) as { csrfToken: string; totpEnrolmentRequired: boolean };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session: ApiSession = {
    cookie,
    csrf: login.csrfToken,
    async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
      const r = await fetch(`${stack.baseUrl}/api/v1/staff${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': login.csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
  if (login.totpEnrolmentRequired) {
    const setup = await session.call<{ secret: string }>('POST', '/totp/setup', {});
    expect(setup.status).toBe(200);
    const confirm = await session.call('POST', '/totp/confirm', {
      code: currentTotp(setup.body.secret, new Date()),
    });
    expect(confirm.status).toBe(204);
  }
  return session;
}

/** A melding through the public intake, then put on the team's queue as routing would. */
export async function meldingOnQueue(stack: E2eStack, teamId = 'boa-team'): Promise<PostedMelding> {
  const body = await postMelding(stack, {
    description: 'Elke avond harde muziek en scooters bij het speelveld achter de school.',
    location: { lat: 52.1733, lng: 5.2917, address: 'Steenhoffstraat 46, 3764BM Soest' },
    contact: { email: 'bewoner@example.nl', phone: '0612345678', wantsFeedback: true },
  });
  await stack.database.client.db
    .update(schema.meldingen)
    .set({ teamId, status: 'ingedeeld' })
    .where(eq(schema.meldingen.id, body.id));
  return body;
}

/** Logs in on /balie/inloggen the way an officer does. */
export async function browserLogin(
  page: Page,
  stack: E2eStack,
  email: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(`${stack.baseUrl}/balie`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen bij de balie' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * The first browser login of a coordinator or admin: logs in, sets up TOTP with the key the page
 * shows, and waits for the queue.
 */
export async function browserLoginWithEnrolment(page: Page, stack: E2eStack, email: string): Promise<void> {
  await browserLogin(page, stack, email);
  await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
  await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  await page.getByLabel('Code uit uw authenticator-app').fill(currentTotp(secret, new Date()));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
}
