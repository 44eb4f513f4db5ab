import * as schema from '@buurtsignaal/db/schema';
import { listAuditForMelding } from '@buurtsignaal/db/tables/audit-log-repository';
import { recordEmailAttempt } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMelding, useHandlingWorld } from '../support/handling-helpers.ts';
import { jpegWithGps } from '../support/helpers.ts';

let id: string;
let reference: string;

const w = useHandlingWorld();
beforeAll(async () => {
  ({ id, reference } = await createMelding(w.t.app, w.db, {
    photos: [await jpegWithGps(), await jpegWithGps({ width: 80, height: 60 })],
    intake: { answers: { aantal_personen: 6, leeftijd_indicatie: '12_17', nu_gaande: false } },
  }));
});

const detailUrl = (meldingId: string) => `/api/v1/staff/meldingen/${meldingId}`;

describe('GET /meldingen/:id', () => {
  it('shows the melding with photos, answers, timeline, deliveries and the allowed transitions', async () => {
    const req = w.asBoa;
    expect((await req('POST', `${detailUrl(id)}/claim`)).statusCode).toBe(200);
    const note = await req('POST', `${detailUrl(id)}/notes`, { body: 'Buurman belt vaker.' });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toEqual({ id: expect.any(String) });
    const question = await req('POST', `${detailUrl(id)}/transitions`, {
      to: 'reactie_gevraagd',
      publicMessage: 'Om welke tijd was het?',
      internalNote: 'Tijd nodig voor de camera.',
    });
    expect(question.statusCode, question.body).toBe(200);
    await recordEmailAttempt(w.db, {
      meldingId: id,
      notificationKey: 'ontvangen:1',
      template: 'ontvangen',
      toAddress: 'bewoner@example.nl',
      attempt: 1,
      status: 'retrying',
      smtpResponse: '451 4.3.0 try again later',
      error: 'temporary failure',
    });

    const res = await req('GET', detailUrl(id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({
      id,
      reference,
      category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
      subcategory: { id: 'geluid', label: 'Geluidsoverlast' },
      status: { code: 'reactie_gevraagd', label: 'Reactie gevraagd' },
      priority: 'normaal',
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      location: { lat: expect.any(Number), lng: expect.any(Number), accuracy: 12 },
      description: expect.stringContaining('harde muziek'),
      assignedTo: { id: w.boa.id, name: 'Test boa' },
      duplicateOf: null,
      reopenCount: 0,
      melder: { email: 'bewoner@example.nl', phone: '06 12345678', wantsFeedback: true },
    });
    expect(body.answers).toEqual([
      { questionId: 'aantal_personen', label: 'Om hoeveel personen gaat het ongeveer?', value: '6' },
      { questionId: 'leeftijd_indicatie', label: 'Hoe oud zijn ze ongeveer?', value: '12 tot 18 jaar' },
      { questionId: 'nu_gaande', label: 'Is het nu aan de gang?', value: 'Nee' },
    ]);
    expect(body.photos).toEqual([
      {
        id: expect.any(String),
        url: expect.stringMatching(new RegExp(`^/api/v1/staff/meldingen/${id}/photos/`)),
        width: 64,
        height: 48,
      },
      { id: expect.any(String), url: expect.any(String), width: 80, height: 60 },
    ]);
    expect(body.timeline).toEqual([
      {
        kind: 'status',
        at: expect.any(String),
        actor: { kind: 'staff', name: 'Test boa' },
        from: 'in_behandeling',
        to: 'reactie_gevraagd',
        toLabel: 'Reactie gevraagd',
        publicMessage: 'Om welke tijd was het?',
        internalNote: 'Tijd nodig voor de camera.',
      },
      {
        kind: 'note',
        at: expect.any(String),
        actor: { kind: 'staff', name: 'Test boa' },
        internalNote: 'Buurman belt vaker.',
      },
      expect.objectContaining({ kind: 'status', from: 'ingedeeld', to: 'in_behandeling' }),
      expect.objectContaining({ kind: 'status', actor: { kind: 'melder' }, to: 'gemeld', toLabel: 'Gemeld' }),
    ]);
    expect(body.emailDeliveries).toEqual([
      {
        id: expect.any(Number),
        template: 'ontvangen',
        status: 'retrying',
        attempt: 1,
        smtpResponse: '451 4.3.0 try again later',
        error: 'temporary failure',
        createdAt: expect.any(String),
      },
    ]);
    // The recipient's address is not part of a delivery row for staff.
    expect(JSON.stringify(body.emailDeliveries)).not.toMatch(/@/);
    expect(body.allowedTransitions).toEqual([
      {
        to: 'in_behandeling',
        label: 'In behandeling',
        requiresPublicMessage: false,
        requiresReason: false,
        notifiesMelder: true,
      },
      {
        to: 'afgehandeld',
        label: 'Afgehandeld',
        requiresPublicMessage: true,
        requiresReason: false,
        notifiesMelder: true,
      },
      {
        to: 'geannuleerd',
        label: 'Geannuleerd',
        requiresPublicMessage: false,
        requiresReason: true,
        notifiesMelder: true,
      },
    ]);
    const audit = await listAuditForMelding(w.db, id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'melding.claim',
        'melding.note',
        'melding.transition',
        'melding.view',
        'melder_contact.view',
      ]),
    );
    expect(JSON.stringify(audit)).not.toMatch(/@|12345678|Buurman|welke tijd/);
  });

  it('serves a photo inline as a JPEG with nosniff, no caching and a reference file name', async () => {
    const { photos } = (await w.asBoa('GET', detailUrl(id))).json();
    const res = await w.asBoa('GET', photos[1].url);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-disposition': `inline; filename="${reference}-2.jpg"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 80, height: 60 });
    expect(meta.exif).toBeUndefined();
    const audit = await listAuditForMelding(w.db, id);
    expect(audit.at(-1)).toMatchObject({ action: 'melding.photo.view', details: { photoId: photos[1].id } });
  });

  it("refuses another team's photo (403, audited) and a photo under the wrong melding (404)", async () => {
    const { photos } = (await w.asBoa('GET', detailUrl(id))).json();
    const other = await createMelding(w.t.app, w.db, { teamId: 'politie-basisteam' });
    const foreign = await w.asBoa('GET', `${detailUrl(other.id)}/photos/${photos[0].id}`);
    expect(foreign.statusCode).toBe(403);
    const audit = await listAuditForMelding(w.db, other.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'access_denied',
      details: { attempted: 'melding.photo.view' },
    });
    const own = await createMelding(w.t.app, w.db);
    const wrong = await w.asBoa('GET', `${detailUrl(own.id)}/photos/${photos[0].id}`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'PHOTO_NOT_FOUND' });
  });

  it('shows the melder\'s "not solved" answer in the timeline', async () => {
    const own = await createMelding(w.t.app, w.db, { status: 'afgehandeld' });
    const [event] = await w.db
      .select({ id: schema.statusEvents.id })
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.meldingId, own.id));
    await w.db.insert(schema.melderFeedback).values({
      id: crypto.randomUUID(),
      meldingId: own.id,
      statusEventId: event?.id ?? 0,
      solved: false,
      explanation: 'Ze staan er nog steeds.',
    });
    const { timeline } = (await w.asBoa('GET', detailUrl(own.id))).json();
    expect(timeline[0]).toEqual({
      kind: 'melder',
      at: expect.any(String),
      actor: { kind: 'melder' },
      solved: false,
      publicMessage: 'Ze staan er nog steeds.',
    });
  });
});

describe('POST /meldingen/:id/notes', () => {
  it('refuses an empty note and a request without the CSRF token', async () => {
    const empty = await w.asBoa('POST', `${detailUrl(id)}/notes`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'body' }] });
    const noCsrf = await w.asBoa('POST', `${detailUrl(id)}/notes`, { body: 'Zonder token' }, null);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const notes = await w.db
      .select()
      .from(schema.internalNotes)
      .where(eq(schema.internalNotes.meldingId, id));
    expect(notes.map((n) => n.body)).toEqual(['Buurman belt vaker.']);
  });
});
