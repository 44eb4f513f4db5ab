import * as schema from '@buurtsignaal/db/schema';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { jpegWithGps, listFiles, multipart, validIntake } from '../support/helpers.ts';
import { as, createUser, login, meldingOn, PASSWORD } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// Bad input is a 400 that names the field, never a 500 (PostgreSQL refuses NUL in text and jsonb;
// busboy throws on a form without a boundary or cut short).

const t = useTestApp();

const NUL = '\u0000';

function expectFieldRefused(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json();
  expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_ERROR', error: 'Bad Request' });
  expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
}

const intake = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: payload as object });

describe('NUL bytes', () => {
  it('in the description and the address of a melding', async () => {
    expectFieldRefused(
      await intake(validIntake({ description: `Harde muziek${NUL} bij de speeltuin.` })),
      'description',
    );
    const location = { lat: 52.1733, lng: 5.2917, address: `Steenhoffstraat${NUL} 1` };
    expectFieldRefused(await intake(validIntake({ location })), 'location.address');
    expectFieldRefused(
      await intake(validIntake({ answers: { aantal_personen: 6, [`x${NUL}`]: 'y' } })),
      `answers.x${NUL}`,
    );
    expect(await t.db.$count(schema.meldingen)).toBe(0);
  });

  it('in the e-mail address of a staff login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/login',
      payload: { email: `boa${NUL}@soest.nl`, password: PASSWORD },
    });
    expectFieldRefused(res, 'email');
  });

  it('in notes, standard texts, user names and the wijk of the queue', async () => {
    const db = t.db;
    await createUser(db, 'nul-boa@soest.nl', 'boa', ['boa-team']);
    const admin = await createUser(db, 'nul-admin@soest.nl', 'admin', [], { totp: true });
    const asBoa = as(t.app, await login(t.app, 'nul-boa@soest.nl'));
    const asAdmin = as(
      t.app,
      await login(t.app, admin.email, PASSWORD, currentTotp(admin.totpSecret ?? '', new Date())),
    );
    const id = await meldingOn(t.app, db, 'boa-team');

    expectFieldRefused(
      await asBoa('POST', `/api/v1/staff/meldingen/${id}/notes`, { body: `notitie${NUL}` }),
      'body',
    );
    expectFieldRefused(
      await asAdmin('POST', '/api/v1/staff/standard-texts', {
        category: null,
        status: 'afgehandeld',
        title: `Titel${NUL}`,
        body: 'Tekst',
      }),
      'title',
    );
    expectFieldRefused(
      await asAdmin('POST', '/api/v1/staff/users', {
        email: 'nieuw@soest.nl',
        name: `Nieuwe${NUL}Naam`,
        role: 'boa',
        teamIds: ['boa-team'],
        password: 'een lang wachtwoord',
      }),
      'name',
    );
    expectFieldRefused(
      await asBoa('GET', `/api/v1/staff/queue?team=boa-team&wijk=${encodeURIComponent(`SZ${NUL}`)}`),
      'wijk',
    );
  });
});

describe('a multipart intake that is not a well-formed form', () => {
  async function form() {
    return multipart(validIntake(), [{ filename: 'a.jpg', data: await jpegWithGps() }]);
  }

  it('without a boundary: 400 naming the content type, nothing stored', async () => {
    const { payload } = await form();
    for (const type of ['multipart/form-data', `multipart/form-data; boundary=${'b'.repeat(300)}`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meldingen',
        payload,
        headers: { 'content-type': type },
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(400);
      expect(res.json(), type).toMatchObject({
        code: 'MALFORMED_MULTIPART',
        details: [{ field: 'content-type' }],
      });
    }
    // An empty boundary reads as a form without parts: the melding field is missing.
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload,
      headers: { 'content-type': 'multipart/form-data; boundary=' },
    });
    expect(empty.json()).toMatchObject({ statusCode: 400, details: [{ field: 'melding' }] });
  });

  it('cut short, or with another boundary than announced: 400 naming the body', async () => {
    const before = await t.db.$count(schema.meldingen);
    const { payload, headers } = await form();
    const cuts = [payload.subarray(0, payload.length - 40), payload.subarray(0, 100)];
    for (const cut of cuts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: cut, headers });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'MALFORMED_MULTIPART', details: [{ field: 'body' }] });
    }
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload,
      headers: { 'content-type': 'multipart/form-data; boundary=another' },
    });
    expect(other.statusCode, other.body).toBe(400);
    expect(await t.db.$count(schema.meldingen)).toBe(before);
    expect(listFiles(t.photosDir)).toEqual([]);
  });
});
