import { outboxTopics, wallClockInstant } from '@buurtsignaal/core';
import { groupSizesOf } from '@buurtsignaal/db/queries/grouping/group-members';
import * as schema from '@buurtsignaal/db/schema';
import { claimMeldingRow } from '@buurtsignaal/db/tables/meldingen-repository';
import type { RosterJob } from '@buurtsignaal/jobs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type RoutingDeps, routeMelding } from '../../src/routing/routing-worker.ts';
import { silentLogger } from '../support/helpers.ts';
import { insertRoutingMelding, STEENHOFFSTRAAT, seedRosterStaff } from '../support/routing-fixtures.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

// Grouping in the routing transaction, on the stored data: the SQL pre-filter and core's decision
// together (149 m groups, 151 m not; 31 minutes not; another category not; a closed one not), once per
// melding however often its routing job runs, and a reopened melding leaves its group.

const T0 = wallClockInstant('2026-06-02', '20:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
let spot = 0;
/** A place of its own per test, ~2 km apart: the tests do not group with each other's meldingen. */
const newSpot = () => ({ lat: STEENHOFFSTRAAT.lat, lng: STEENHOFFSTRAAT.lng + 0.03 * spot++ });
const north = (p: { lat: number; lng: number }, m: number) => ({ lat: p.lat + m / 111_195, lng: p.lng });

describe('grouping when routed', () => {
  const database = useTestDatabase();
  const enqueued: RosterJob[] = [];
  const deps = (): RoutingDeps => ({
    db: database.db,
    now: () => T0,
    logger: silentLogger,
    enqueueRoster: async (job) => {
      enqueued.push(job);
    },
  });
  const melding = async (p: { lat: number; lng: number }, at: Date, category = 'jeugdoverlast') => {
    const m = await insertRoutingMelding(database.db, { category, reportedAt: at, ...p });
    const outcome = await routeMelding(deps(), { meldingId: m.meldingId, statusEventId: m.statusEventId });
    expect(outcome.kind).toBe('assigned');
    return m;
  };
  const groupOf = async (id: string) => (await groupSizesOf(database.db, [id])).get(id);
  const groupRows = async () => (await database.db.select().from(schema.incidentGroups)).length;

  it('groups at 149 m and 29 minutes, once however often the job runs', async () => {
    const here = newSpot();
    const a = await melding(here, minutes(0));
    const b = await melding(north(here, 149), minutes(29));
    expect(await groupOf(b.meldingId)).toMatchObject({ size: 2, primary: false });
    expect(await groupOf(a.meldingId)).toMatchObject({ size: 2, primary: true });

    const groups = await groupRows();
    const again = await routeMelding(deps(), { meldingId: b.meldingId, statusEventId: b.statusEventId });
    expect(again.kind).toBe('already-assigned');
    expect(await groupOf(b.meldingId)).toMatchObject({ size: 2 });
    expect(await groupRows()).toBe(groups);
    // Its roster job is still added (dispatch stops it as 'grouped'); reconciliation finds it routed.
    expect(enqueued.filter((j) => j.meldingId === b.meldingId)).toHaveLength(2);
  });

  it('does not group at 151 m, after 31 minutes, or another category', async () => {
    const here = newSpot();
    await melding(here, minutes(0));
    const far = await melding(north(here, 151), minutes(1));
    const late = await melding(north(here, -20), minutes(31));
    const other = await melding(north(here, 10), minutes(2), 'woonoverlast');
    for (const m of [far, late, other]) expect(await groupOf(m.meldingId)).toBeUndefined();
  });

  it('does not group with a closed melding', async () => {
    const here = newSpot();
    const closed = await melding(here, minutes(0));
    await database.db
      .update(schema.meldingen)
      .set({ status: 'afgehandeld' })
      .where(eq(schema.meldingen.id, closed.meldingId));
    const next = await melding(north(here, 20), minutes(3));
    expect(await groupOf(next.meldingId)).toBeUndefined();
  });

  it('a reopened melding leaves its group when it is routed again', async () => {
    const here = newSpot();
    await melding(here, minutes(0));
    const a2 = await melding(north(here, 30), minutes(1));
    const a3 = await melding(north(here, 60), minutes(2));
    expect(await groupOf(a3.meldingId)).toMatchObject({ size: 3 });
    await database.db
      .update(schema.meldingen)
      .set({ status: 'heropend' })
      .where(eq(schema.meldingen.id, a3.meldingId));
    const [event] = await database.db
      .insert(schema.statusEvents)
      .values({ meldingId: a3.meldingId, fromStatus: 'afgehandeld', toStatus: 'heropend', actor: 'melder' })
      .returning({ id: schema.statusEvents.id });
    const rerouted = await routeMelding(deps(), {
      meldingId: a3.meldingId,
      statusEventId: Number(event?.id),
    });
    expect(rerouted.kind).toBe('assigned');
    expect(await groupOf(a3.meldingId)).toBeUndefined();
    expect(await groupOf(a2.meldingId)).toMatchObject({ size: 2 });
  });
  const reopen = async (meldingId: string) => {
    await database.db
      .update(schema.meldingen)
      .set({ status: 'heropend' })
      .where(eq(schema.meldingen.id, meldingId));
    const [event] = await database.db
      .insert(schema.statusEvents)
      .values({ meldingId, fromStatus: 'geannuleerd', toStatus: 'heropend', actor: 'melder' })
      .returning({ id: schema.statusEvents.id });
    return routeMelding(deps(), { meldingId, statusEventId: Number(event?.id) });
  };
  const rerouted = async (meldingId: string) =>
    (await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, meldingId))).filter(
      (r) => r.topic === outboxTopics.rerouted,
    );

  it('the primary reopened on its own: the oldest open member takes over, dispatched again once', async () => {
    const here = newSpot();
    const a1 = await melding(here, minutes(0));
    const a2 = await melding(north(here, 30), minutes(1));
    const a3 = await melding(north(here, 60), minutes(2));
    expect(await groupOf(a1.meldingId)).toMatchObject({ size: 3, primary: true });
    expect((await reopen(a1.meldingId)).kind).toBe('assigned');
    expect(await groupOf(a1.meldingId)).toBeUndefined();
    expect(await groupOf(a2.meldingId)).toMatchObject({ size: 2, primary: true });
    expect(await rerouted(a2.meldingId)).toHaveLength(1);
    expect(await rerouted(a3.meldingId)).toHaveLength(0);
  });

  it('a reopen that dissolves the group dispatches the member left alone; a primary left keeps its chain', async () => {
    const here = newSpot();
    const b1 = await melding(here, minutes(0));
    const b2 = await melding(north(here, 30), minutes(1));
    await reopen(b1.meldingId);
    expect(await groupOf(b2.meldingId)).toBeUndefined();
    expect(await rerouted(b2.meldingId)).toHaveLength(1);

    const c1 = await melding(north(here, 3000), minutes(0));
    const c2 = await melding(north(here, 3030), minutes(1));
    expect(await groupOf(c1.meldingId)).toMatchObject({ size: 2, primary: true });
    await reopen(c2.meldingId);
    expect(await groupOf(c1.meldingId)).toBeUndefined();
    expect(await rerouted(c1.meldingId)).toHaveLength(0);
  });

  it('a melding that joins a claimed group goes to its officer, and the consoles hear of it', async () => {
    const p = newSpot();
    const a = await melding(p, T0);
    const { boaId: officerId } = await seedRosterStaff(database.db);
    expect(
      await claimMeldingRow(database.db, {
        meldingId: a.meldingId,
        userId: officerId,
        at: T0,
        claimable: ['ingedeeld'],
      }),
    ).toBe(true);
    const b = await melding(north(p, 40), minutes(2));
    expect((await groupOf(b.meldingId))?.groupId).toBe((await groupOf(a.meldingId))?.groupId);
    const [row] = await database.db
      .select({ status: schema.meldingen.status, assignedUserId: schema.meldingen.assignedUserId })
      .from(schema.meldingen)
      .where(eq(schema.meldingen.id, b.meldingId));
    expect(row).toEqual({ status: 'in_behandeling', assignedUserId: officerId });
    const events = await database.db
      .select({ kind: schema.staffEvents.kind, status: schema.staffEvents.status })
      .from(schema.staffEvents)
      .where(eq(schema.staffEvents.meldingId, b.meldingId));
    expect(events).toContainEqual({ kind: 'melding.status', status: 'in_behandeling' });
  });
});
