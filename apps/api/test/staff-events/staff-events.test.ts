import { schema } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { buildTestApp, validIntake } from '../support/helpers.ts';
import { openSse, type SseClient } from '../support/sse-client.ts';
import { useStaffEventsWorld } from '../support/staff-events-world.ts';
import { as } from '../support/staff-helpers.ts';

// The live console (GET /api/v1/staff/events) across two API instances on one database: officers act
// and melders post on instance A, the consoles listen on instance B.

const world = useStaffEventsWorld();
const clients: SseClient[] = [];
const connect = async (...args: Parameters<typeof openSse>) => {
  const client = await openSse(...args);
  clients.push(client);
  return client;
};
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

/** A boa-team melding that the boa claims on instance A: one 'melding.status' event. */
async function claimOnA(teamId = 'boa-team') {
  const { a, boa, politie } = world;
  const m = await createMelding(a.t.app, a.database.db, { teamId });
  const officer = teamId === 'boa-team' ? boa : politie;
  const res = await as(a.t.app, officer.session)('POST', `/api/v1/staff/meldingen/${m.id}/claim`);
  expect(res.statusCode, res.body).toBe(200);
  return m;
}

describe('GET /api/v1/staff/events', () => {
  it('refuses a console without a session (401, the shared error body)', async () => {
    const res = await fetch(`${world.b.baseUrl}/api/v1/staff/events`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ statusCode: 401, code: 'NOT_AUTHENTICATED' });
  });

  it('refuses a Last-Event-ID that is not an event id (400 naming the header)', async () => {
    const res = await fetch(`${world.b.baseUrl}/api/v1/staff/events`, {
      headers: { cookie: `bs_session=${world.boa.session.cookie}`, 'last-event-id': 'gisteren' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: unknown };
    expect(body.details).toEqual([expect.objectContaining({ field: 'Last-Event-ID' })]);
  });

  it('a console on instance B hears a claim made on instance A; another team does not', async () => {
    const boaConsole = await connect(world.b.baseUrl, { cookie: world.boa.session.cookie });
    const politieConsole = await connect(world.b.baseUrl, { cookie: world.politie.session.cookie });
    expect(boaConsole.status).toBe(200);
    const m = await claimOnA('boa-team');
    const [event] = await boaConsole.waitFor(1);
    expect(event?.event).toBe('melding');
    expect(JSON.parse(event?.data ?? '')).toEqual({
      id: Number(event?.id),
      kind: 'melding.status',
      meldingId: m.id,
      reference: m.reference,
      teamId: 'boa-team',
      priority: 'normaal',
      status: 'in_behandeling',
      at: expect.any(String),
    });
    // A later event of the police's own team reaches the police console, and nothing before it did.
    const p = await claimOnA('politie-basisteam');
    const [only] = await politieConsole.waitFor(1);
    expect(JSON.parse(only?.data ?? '')).toMatchObject({ meldingId: p.id, teamId: 'politie-basisteam' });
    expect(politieConsole.messages).toHaveLength(1);
    expect(Number(only?.id)).toBeGreaterThan(Number(event?.id));
  });

  it('a console that reconnects with Last-Event-ID gets every event it missed, none twice', async () => {
    const first = await connect(world.b.baseUrl, { cookie: world.boa.session.cookie });
    await claimOnA();
    const [seen] = await first.waitFor(1);
    first.close();
    const missed = [];
    for (let i = 0; i < 4; i++) missed.push((await claimOnA()).id);
    // Events of the other team in between are not the boa's to miss.
    await claimOnA('politie-basisteam');
    const again = await connect(world.b.baseUrl, {
      cookie: world.boa.session.cookie,
      lastEventId: Number(seen?.id),
    });
    const replayed = await again.waitFor(4);
    expect(replayed.map((m) => JSON.parse(m.data).meldingId)).toEqual(missed);
    // Then live: the next one once, after the replay.
    const live = await claimOnA();
    const all = await again.waitFor(5);
    expect(all.map((m) => JSON.parse(m.data).meldingId)).toEqual([...missed, live.id]);
    const ids = all.map((m) => Number(m.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it('sends heartbeats (comment lines) on a quiet stream', async () => {
    const quiet = await buildTestApp(world.b.database, { staffEvents: { heartbeatMs: 100 } });
    try {
      const url = await quiet.app.listen({ port: 0, host: '127.0.0.1' });
      const quietConsole = await connect(url, { cookie: world.boa.session.cookie });
      expect(await quietConsole.waitForComment(/heartbeat/, 2_000)).toBe('heartbeat');
      quietConsole.close();
    } finally {
      await quiet.close();
    }
  });

  it('after its LISTEN connection was cut, the hub catches up from the table: nothing is missed', async () => {
    const boaConsole = await connect(world.b.baseUrl, { cookie: world.boa.session.cookie });
    // Every LISTEN connection of this database goes (B's hub among them); a claim made right away
    // NOTIFYs while B is not listening.
    await world.a.database.db.execute(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()` as never,
    );
    const m = await claimOnA();
    const [event] = await boaConsole.waitFor(1, 10_000);
    expect(JSON.parse(event?.data ?? '').meldingId).toBe(m.id);
  });

  it('a melding split off a group on A reaches the console on B at once, not at the hub poll', async () => {
    const { a, boa } = world;
    const first = await createMelding(a.t.app, a.database.db, { teamId: 'boa-team' });
    const other = await createMelding(a.t.app, a.database.db, { teamId: 'boa-team' });
    const staff = as(a.t.app, boa.session);
    const grouped = await staff('POST', `/api/v1/staff/meldingen/${first.id}/group`, { meldingId: other.id });
    expect(grouped.statusCode, grouped.body).toBe(200);
    const boaConsole = await connect(world.b.baseUrl, { cookie: boa.session.cookie });
    const split = await staff('POST', `/api/v1/staff/meldingen/${other.id}/split`, {});
    expect(split.statusCode, split.body).toBe(200);
    // The hubs poll once a minute here: within 2 s only the NOTIFY after the split's commit gets it there.
    const [event] = await boaConsole.waitFor(1, 2_000);
    expect(JSON.parse(event?.data ?? '')).toMatchObject({ kind: 'melding.assigned', meldingId: other.id });
    // Claimed, as the meldingen of the tests before: the worker of the next test has nothing to route.
    // Their events reach this console first, so that B's hub has read them before the next test connects.
    for (const m of [first, other]) {
      expect((await staff('POST', `/api/v1/staff/meldingen/${m.id}/claim`)).statusCode).toBe(200);
    }
    await boaConsole.waitFor(3);
  });

  it('a spoed melding posted on A and dispatched by the worker reaches the on-duty boa on B, without personal data', async () => {
    const boaConsole = await connect(world.b.baseUrl, { cookie: world.boa.session.cookie });
    await world.startWorker();
    const res = await world.a.t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      // Away from the meldingen of the tests before (those are open): not grouped with one of them.
      payload: validIntake({
        answers: { aantal_personen: 6, nu_gaande: true },
        location: { lat: 52.1805, lng: 5.2795, accuracy: 12 },
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, reference } = res.json() as { id: string; reference: string };
    const messages = await boaConsole.waitFor(2, 20_000);
    const events = messages.map((m) => JSON.parse(m.data));
    expect(events.map((e) => [e.kind, e.meldingId, e.priority])).toEqual([
      ['melding.assigned', id, 'spoed'],
      ['melding.dispatched', id, 'spoed'],
    ]);
    expect(events[1]).toMatchObject({ reference, teamId: 'boa-team', status: 'ingedeeld' });
    const wire = messages.map((m) => m.data).join('\n');
    for (const personal of ['Groep jongeren', 'Bewoner', 'example.nl', '0612345678', '06 12345678']) {
      expect(wire).not.toContain(personal);
    }
    // One event per dispatch step: the job's retry or a second run writes none.
    const rows = await world.a.database.db
      .select()
      .from(schema.staffEvents)
      .where(eq(schema.staffEvents.meldingId, id));
    expect(rows.filter((r) => r.kind === 'melding.dispatched')).toHaveLength(1);
    await waitUntil(() => boaConsole.messages.length === 2);
  });
});
