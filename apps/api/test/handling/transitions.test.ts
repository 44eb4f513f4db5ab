import { allowedTransitions, type MeldingStatus, meldingStatuses } from '@buurtsignaal/core';
import * as schema from '@buurtsignaal/db/schema';
import { listAuditForMelding } from '@buurtsignaal/db/tables/audit-log-repository';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createMelding, useHandlingWorld, writesOf } from '../support/handling-helpers.ts';
import { expectNoEmailInAudit } from '../support/staff-helpers.ts';

const w = useHandlingWorld();

const url = (id: string, action: string) => `/api/v1/staff/meldingen/${id}/${action}`;
const melding = (setup: Parameters<typeof createMelding>[2] = {}) => createMelding(w.t.app, w.db, setup);

/** A body that satisfies every rule of the target status. */
const validBody = (to: MeldingStatus) => ({
  to,
  publicMessage: 'Wij zijn langs geweest.',
  internalNote: 'Intern: twee jongeren aangesproken.',
  forwardedTo: 'Politie Midden-Nederland',
  reason: 'Dubbel gemeld',
});

describe('POST /meldingen/:id/claim', () => {
  it('of two claims at once, one gets the melding and the other a 409 ALREADY_CLAIMED', async () => {
    const { id } = await melding();
    const [a, b] = await Promise.all([w.asBoa('POST', url(id, 'claim')), w.asBoa2('POST', url(id, 'claim'))]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    expect(loser.json()).toMatchObject({ code: 'ALREADY_CLAIMED', statusCode: 409 });
    const winnerId = a.statusCode === 200 ? w.boa.id : w.boa2.id;
    expect(winner.json()).toMatchObject({
      status: { code: 'in_behandeling', label: 'In behandeling' },
      assignedTo: { id: winnerId, name: 'Test boa' },
      // Now that the boa handles it, the contact data is shown (and logged).
      melder: { email: 'bewoner@example.nl' },
    });
    const { events, outbox } = await writesOf(w.db, id);
    expect(events).toMatchObject([
      { fromStatus: 'ingedeeld', toStatus: 'in_behandeling', actor: `staff:${winnerId}` },
    ]);
    expect(outbox).toMatchObject([
      { topic: 'melding.status_changed', payload: { meldingId: id, statusEventId: events[0]?.id } },
    ]);
    const audit = await listAuditForMelding(w.db, id);
    expect(audit.filter((r) => r.action === 'melding.claim').map((r) => r.actorUserId)).toEqual([winnerId]);
  });

  it('claims from gemeld and heropend too, and refuses a closed melding with the allowed statuses', async () => {
    for (const status of ['gemeld', 'heropend']) {
      const { id } = await melding({ status });
      expect((await w.asBoa('POST', url(id, 'claim'))).statusCode).toBe(200);
    }
    const { id } = await melding({ status: 'afgehandeld' });
    const res = await w.asBoa('POST', url(id, 'claim'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: [{ field: 'to' }, { field: 'allowed', message: 'heropend' }],
    });
    expect(await writesOf(w.db, id)).toEqual({ events: [], outbox: [] });
  });
});

describe('POST /meldingen/:id/transitions', () => {
  it('allows exactly the transitions of the status machine, each with one event and one outbox row', async () => {
    for (const from of meldingStatuses) {
      const allowed = allowedTransitions(from);
      for (const to of meldingStatuses) {
        const { id } = await melding({ status: from });
        const res = await w.asCoordinator('POST', url(id, 'transitions'), validBody(to));
        const { events, outbox } = await writesOf(w.db, id);
        if (allowed.includes(to)) {
          expect(res.statusCode, `${from} → ${to}: ${res.body}`).toBe(200);
          expect(res.json().status.code).toBe(to);
          expect(events, `${from} → ${to}`).toHaveLength(1);
          expect(events[0]).toMatchObject({
            fromStatus: from,
            toStatus: to,
            actor: `staff:${w.coordinator.id}`,
            publicMessage: 'Wij zijn langs geweest.',
            internalNote: 'Intern: twee jongeren aangesproken.',
            forwardedTo: to === 'doorgestuurd' ? 'Politie Midden-Nederland' : null,
            reason: 'Dubbel gemeld',
          });
          expect(outbox).toEqual([
            expect.objectContaining({
              topic: 'melding.status_changed',
              aggregateId: id,
              payload: { meldingId: id, statusEventId: events[0]?.id },
            }),
          ]);
        } else {
          expect(res.statusCode, `${from} → ${to}`).toBe(409);
          expect(res.json()).toMatchObject({
            code: 'INVALID_TRANSITION',
            details: [{ field: 'to' }, { field: 'allowed', message: allowed.join(', ') }],
          });
          expect({ events, outbox }, `${from} → ${to}`).toEqual({ events: [], outbox: [] });
        }
      }
    }
  });

  it('requires a public message, a reason and a forwarding address where the rules say so', async () => {
    const cases: [string, MeldingStatus, Record<string, unknown>, string, string][] = [
      ['in_behandeling', 'afgehandeld', {}, 'PUBLIC_MESSAGE_REQUIRED', 'publicMessage'],
      [
        'in_behandeling',
        'reactie_gevraagd',
        { publicMessage: '   ' },
        'PUBLIC_MESSAGE_REQUIRED',
        'publicMessage',
      ],
      ['ingedeeld', 'doorgestuurd', { forwardedTo: 'Portaal' }, 'PUBLIC_MESSAGE_REQUIRED', 'publicMessage'],
      [
        'ingedeeld',
        'doorgestuurd',
        { publicMessage: 'Naar Portaal.' },
        'FORWARDED_TO_REQUIRED',
        'forwardedTo',
      ],
      ['ingedeeld', 'geannuleerd', { publicMessage: 'Dank u.' }, 'REASON_REQUIRED', 'reason'],
    ];
    for (const [from, to, extra, code, field] of cases) {
      const { id } = await melding({ status: from });
      const res = await w.asBoa('POST', url(id, 'transitions'), { to, ...extra });
      expect(res.statusCode, `${from} → ${to}`).toBe(400);
      expect(res.json()).toMatchObject({ code, details: [{ field }] });
      expect(res.json().message).toMatch(/verplicht|Vul in/);
      expect(await writesOf(w.db, id)).toEqual({ events: [], outbox: [] });
    }
  });

  it('links a duplicate by reference, and answers 422 DUPLICATE_NOT_FOUND for an unknown one', async () => {
    const original = await melding();
    const { id } = await melding();
    const unknown = await w.asBoa('POST', url(id, 'transitions'), {
      ...validBody('geannuleerd'),
      duplicateOf: 'SOE-1999-999999',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'DUPLICATE_NOT_FOUND',
      details: [{ field: 'duplicateOf' }],
    });
    const res = await w.asBoa('POST', url(id, 'transitions'), {
      to: 'geannuleerd',
      reason: 'Dubbele melding',
      duplicateOf: original.reference,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().duplicateOf).toEqual({ id: original.id, reference: original.reference });
  });

  it('writes nothing when the transaction fails after the status event', async () => {
    const { id } = await melding({ status: 'in_behandeling' });
    // A real failure inside the transaction: the outbox insert of this melding is refused.
    await w.db.execute(
      sql.raw(`
      CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox refused'; END $$;
      CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox FOR EACH ROW
        WHEN (NEW.aggregate_id = '${id}') EXECUTE FUNCTION refuse_outbox();`),
    );
    try {
      const res = await w.asBoa('POST', url(id, 'transitions'), validBody('afgehandeld'));
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
    } finally {
      await w.db.execute(sql.raw('DROP TRIGGER refuse_outbox ON outbox; DROP FUNCTION refuse_outbox();'));
    }
    expect(await writesOf(w.db, id)).toEqual({ events: [], outbox: [] });
    const [row] = await w.db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id));
    expect(row?.status).toBe('in_behandeling');
  });

  it('puts a reopened or re-queued melding back without a claimant', async () => {
    const { id } = await melding();
    await w.asBoa('POST', url(id, 'claim'));
    await w.asBoa('POST', url(id, 'transitions'), validBody('afgehandeld'));
    const res = await w.asBoa('POST', url(id, 'transitions'), { to: 'heropend' });
    expect(res.json()).toMatchObject({ status: { code: 'heropend' }, assignedTo: null });
    const again = await w.asBoa2('POST', url(id, 'claim'));
    expect(again.json()).toMatchObject({ assignedTo: { id: w.boa2.id } });
  });
});

describe("another team's melding", () => {
  it('cannot be read, claimed, changed, noted or previewed by a boa: 403 and an audit row each', async () => {
    const { id } = await melding({ teamId: 'politie-basisteam' });
    const attempts: [string, 'GET' | 'POST', string, unknown][] = [
      ['melding.view', 'GET', `/api/v1/staff/meldingen/${id}`, undefined],
      ['melding.claim', 'POST', url(id, 'claim'), undefined],
      ['melding.transition', 'POST', url(id, 'transitions'), validBody('in_behandeling')],
      ['melding.note', 'POST', url(id, 'notes'), { body: 'Kijk mee' }],
      ['melding.preview', 'POST', url(id, 'preview'), { to: 'in_behandeling' }],
    ];
    for (const [, method, path, payload] of attempts) {
      const res = await w.asBoa(method, path, payload);
      expect(res.statusCode, path).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const audit = await listAuditForMelding(w.db, id);
    expect(audit.map((a) => [a.action, a.result, a.actorUserId, a.details.attempted])).toEqual(
      attempts.map(([action]) => ['access_denied', 'denied', w.boa.id, action]),
    );
    expect(await writesOf(w.db, id)).toEqual({ events: [], outbox: [] });
    const notes = await w.db
      .select()
      .from(schema.internalNotes)
      .where(eq(schema.internalNotes.meldingId, id));
    expect(notes).toEqual([]);
    await expectNoEmailInAudit(w.db, w.boa.id);
  });

  it('can be handled by politie of that team', async () => {
    const { id } = await melding({ teamId: 'politie-basisteam' });
    expect((await w.asPolitie('POST', url(id, 'claim'))).statusCode).toBe(200);
  });
});
