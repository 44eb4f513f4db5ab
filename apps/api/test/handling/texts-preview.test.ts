import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor, listAuditForMelding } from '@buurtsignaal/db/tables/audit-log-repository';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createMelding, useHandlingWorld, writesOf } from '../support/handling-helpers.ts';

const w = useHandlingWorld();

const TEXTS = '/api/v1/staff/standard-texts';

describe('standard texts', () => {
  it('are managed by the coordinator; officers read the active ones for a status and category', async () => {
    const general = await w.asCoordinator('POST', TEXTS, {
      category: null,
      status: 'afgehandeld',
      title: 'Langs geweest',
      body: 'Wij zijn langs geweest en hebben de jongeren aangesproken.',
    });
    expect(general.statusCode, general.body).toBe(201);
    expect(general.json()).toEqual({
      id: expect.any(String),
      category: null,
      status: 'afgehandeld',
      title: 'Langs geweest',
      body: 'Wij zijn langs geweest en hebben de jongeren aangesproken.',
      active: true,
    });
    const woon = await w.asCoordinator('POST', TEXTS, {
      category: 'woonoverlast',
      status: 'afgehandeld',
      title: 'Woningcorporatie',
      body: 'Wij hebben de woningcorporatie ingelicht.',
    });
    const question = await w.asCoordinator('POST', TEXTS, {
      category: 'jeugdoverlast',
      status: 'reactie_gevraagd',
      title: 'Tijdstip',
      body: 'Hoe laat was het ongeveer?',
    });
    expect([woon.statusCode, question.statusCode]).toEqual([201, 201]);

    const forJeugd = await w.asBoa('GET', `${TEXTS}?status=afgehandeld&category=jeugdoverlast`);
    expect(forJeugd.json().items.map((t: { title: string }) => t.title)).toEqual(['Langs geweest']);
    const forWoon = await w.asBoa('GET', `${TEXTS}?status=afgehandeld&category=woonoverlast`);
    expect(forWoon.json().items.map((t: { title: string }) => t.title)).toEqual([
      'Langs geweest',
      'Woningcorporatie',
    ]);

    const deactivated = await w.asCoordinator('PUT', `${TEXTS}/${woon.json().id}`, {
      category: 'woonoverlast',
      status: 'afgehandeld',
      title: 'Woningcorporatie (oud)',
      body: 'Wij hebben de woningcorporatie ingelicht.',
      active: false,
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json()).toMatchObject({ title: 'Woningcorporatie (oud)', active: false });
    expect((await w.asBoa('GET', `${TEXTS}?category=woonoverlast`)).json().items).toHaveLength(1);
    // all=true is for the coordinator only; an officer still gets the active texts.
    expect((await w.asBoa('GET', `${TEXTS}?all=true`)).json().items).toHaveLength(2);
    expect((await w.asCoordinator('GET', `${TEXTS}?all=true`)).json().items).toHaveLength(3);

    const actions = (await listAuditForActor(w.db, w.coordinator.id)).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('standard_text.'))).toEqual([
      'standard_text.create',
      'standard_text.create',
      'standard_text.create',
      'standard_text.update',
    ]);
  });

  it('cannot be written by a boa (403, audited), and an unknown id or category is refused', async () => {
    const payload = { category: null, status: 'afgehandeld', title: 'Zelf', body: 'Eigen tekst.' };
    const refused = await w.asBoa('POST', TEXTS, payload);
    expect(refused.statusCode).toBe(403);
    const put = await w.asBoa('PUT', `${TEXTS}/${crypto.randomUUID()}`, { ...payload, active: true });
    expect(put.statusCode).toBe(403);
    const denied = (await listAuditForActor(w.db, w.boa.id)).filter((a) => a.action === 'access_denied');
    expect(denied).toHaveLength(2);
    const missing = await w.asCoordinator('PUT', `${TEXTS}/${crypto.randomUUID()}`, {
      ...payload,
      active: true,
    });
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'STANDARD_TEXT_NOT_FOUND' });
    const badCategory = await w.asCoordinator('POST', TEXTS, { ...payload, category: 'parkeren' });
    expect(badCategory.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'category' }] });
    const rows = await w.db.select().from(schema.standardTexts).where(eq(schema.standardTexts.title, 'Zelf'));
    expect(rows).toEqual([]);
  });
});

describe('POST /meldingen/:id/preview', () => {
  it('renders the Dutch mail with the escaped message, and writes nothing', async () => {
    const { id, reference } = await createMelding(w.t.app, w.db, { status: 'in_behandeling' });
    await w.db
      .update(schema.meldingen)
      .set({ addressText: 'Steenhoffstraat 46a, 3764 BM Soest' })
      .where(eq(schema.meldingen.id, id));
    const auditBefore = await listAuditForMelding(w.db, id);
    const res = await w.asBoa('POST', `/api/v1/staff/meldingen/${id}/preview`, {
      to: 'afgehandeld',
      publicMessage: 'Opgelost <script>alert(1)</script> zie https://example.org',
    });
    expect(res.statusCode, res.body).toBe(200);
    const mail = res.json();
    expect(mail.sentToMelder).toBe(true);
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain('Opgelost <script>alert(1)</script>');
    expect(mail.text).toContain('Steenhoffstraat');
    expect(mail.text).not.toMatch(/Steenhoffstraat 46a|3764 ?BM/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('href="https://example.org');
    expect(mail.text).toContain('https://buurtsignaal.test/m/persoonlijke-link');
    expect(mail.text).toMatch(/opgelost/i);

    expect(await writesOf(w.db, id)).toEqual({ events: [], outbox: [] });
    const [row] = await w.db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id));
    expect(row?.status).toBe('in_behandeling');
    expect(await listAuditForMelding(w.db, id)).toEqual(auditBefore);
  });

  it('says when the melder would get no mail, and refuses an invalid target status', async () => {
    const anonymous = await createMelding(w.t.app, w.db, { intake: { contact: undefined } });
    const res = await w.asBoa('POST', `/api/v1/staff/meldingen/${anonymous.id}/preview`, {
      to: 'in_behandeling',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sentToMelder).toBe(false);
    const silent = await w.asBoa('POST', `/api/v1/staff/meldingen/${anonymous.id}/preview`, {
      to: 'ingedeeld',
    });
    expect(silent.json().sentToMelder).toBe(false);
    const invalid = await w.asBoa('POST', `/api/v1/staff/meldingen/${anonymous.id}/preview`, {
      to: 'afgehandeld',
    });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: [
        { field: 'to' },
        { field: 'allowed', message: 'ingedeeld, in_behandeling, doorgestuurd, geannuleerd' },
      ],
    });
  });
});
