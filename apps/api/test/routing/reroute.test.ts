import * as schema from '@buurtsignaal/db/schema';
import { listAuditForMelding } from '@buurtsignaal/db/tables/audit-log-repository';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { NOW, type RoutingWorld, routingWorld } from './routing-world.ts';

let w: RoutingWorld;
beforeAll(async () => {
  w = await routingWorld();
});
afterAll(async () => {
  await w?.close();
});

const reroute = (id: string) => `/api/v1/staff/meldingen/${id}/reroute`;
const assignmentsOf = (meldingId: string) =>
  w.db.select().from(schema.assignments).where(eq(schema.assignments.meldingId, meldingId));

describe('POST /api/v1/staff/meldingen/:id/reroute ("opnieuw indelen")', () => {
  it('needs a reason; nothing is written without one', async () => {
    const { id } = await createMelding(w.t.app, w.db, { createdAt: NOW });
    for (const body of [{}, { reason: '   ' }]) {
      const res = await w.asCoordinator('POST', reroute(id), body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
      );
    }
    expect(await assignmentsOf(id)).toEqual([]);
  });

  it('decides again with the current rules and rosters and records who, why and by which rule', async () => {
    // Stored as a plain jeugdoverlast of the boa-team; the melder had said it was happening now.
    const { id } = await createMelding(w.t.app, w.db, {
      createdAt: NOW,
      intake: { answers: { nu_gaande: true } },
    });
    const res = await w.asCoordinator('POST', reroute(id), { reason: 'Antwoord "nu gaande" gemist' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    // Thursday 13:00: the boa day shift is on, so rule 1 decides.
    expect(detail).toMatchObject({
      status: { code: 'ingedeeld' },
      priority: 'spoed',
      team: { id: 'boa-team' },
    });
    expect(detail.assignment).toEqual({
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      priority: 'spoed',
      reason:
        "Regel 1 'Jeugd live, boa in dienst': jeugdoverlast, nu gaande, 13:00 in wijk Soest-Centrum, " +
        'Boa-team Soest in dienst → Boa-team Soest, spoed',
      rule: { id: 'soest-jeugd-live-boa', name: 'Jeugd live, boa in dienst', version: 1 },
      note: 'Nu gaande: ga er zo snel mogelijk heen.',
      at: NOW.toISOString(),
    });
    expect(detail.timeline[0]).toMatchObject({
      kind: 'status',
      to: 'ingedeeld',
      actor: { kind: 'staff', name: 'Test coordinator' },
      reason: 'Antwoord "nu gaande" gemist',
      internalNote: detail.assignment.reason,
    });
    const [melding] = await w.db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id));
    expect(melding?.deadlineAt).not.toBeNull();
    // The new assignment goes to the team's roster queue through the outbox, committed with it.
    const [assignment] = await assignmentsOf(id);
    const rows = await w.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, id));
    expect(rows.filter((r) => r.topic === 'melding.rerouted').map((r) => r.payload)).toEqual([
      { meldingId: id, assignmentId: assignment?.id, teamId: 'boa-team', priority: 'spoed' },
    ]);
    const audit = await listAuditForMelding(w.db, id);
    expect(audit.find((a) => a.action === 'melding.reroute')).toMatchObject({
      actorUserId: w.coordinator.id,
      result: 'ok',
      details: expect.objectContaining({
        teamId: 'boa-team',
        rule: { id: 'soest-jeugd-live-boa', version: 1 },
      }),
    });
  });

  it('is refused for a melding in behandeling, for an officer, and for an unknown melding', async () => {
    const claimed = await createMelding(w.t.app, w.db, { status: 'in_behandeling', createdAt: NOW });
    const res = await w.asCoordinator('POST', reroute(claimed.id), { reason: 'Andere categorie' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REROUTE_NOT_ALLOWED');
    const open = await createMelding(w.t.app, w.db, { createdAt: NOW });
    expect((await w.asBoa('POST', reroute(open.id), { reason: 'Andere plek' })).statusCode).toBe(403);
    const unknown = await w.asCoordinator('POST', reroute('00000000-0000-4000-8000-000000000000'), {
      reason: 'x',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await assignmentsOf(claimed.id)).toEqual([]);
    expect(await assignmentsOf(open.id)).toEqual([]);
  });
});
