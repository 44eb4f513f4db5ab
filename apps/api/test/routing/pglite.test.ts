import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { NOW, type RoutingWorld, routingWorld, ruleBody, tuesday } from './routing-world.ts';

// The embedded default: rules, dry run, what-if and "opnieuw indelen" on PGlite (one connection, int8
// as numbers, every lookup inside the reroute's transaction on that one connection).
let w: RoutingWorld;
beforeAll(async () => {
  w = await routingWorld({ pglite: true });
});
afterAll(async () => {
  await w?.close();
});

describe('routing rules on PGlite', () => {
  it('creates, dry-runs, tries a draft and reroutes', async () => {
    const created = await w.asCoordinator('POST', '/api/v1/staff/routing/rules', ruleBody());
    expect(created.statusCode, created.body).toBe(201);
    const dry = await w.asCoordinator('POST', '/api/v1/staff/routing/dry-run', {
      category: 'jeugdoverlast',
      answers: { nu_gaande: true },
      location: { lat: 52.1733, lng: 5.2917 },
      at: tuesday('23:30').toISOString(),
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      team: { id: 'politie-basisteam' },
      priority: 'spoed',
      rule: { id: 'soest-jeugd-live-politie', version: 1 },
      onDuty: [{ id: w.politie.id }],
    });
    const melding = await createMelding(w.t.app, w.db, { createdAt: NOW });
    const draft = await w.asCoordinator('POST', '/api/v1/staff/routing/dry-run/draft', {
      rule: ruleBody({ outcome: { teamId: 'boa-team', priority: 'spoed', note: null } }),
      rank: 1,
    });
    expect(draft.json()).toMatchObject({
      total: 1,
      changed: 1,
      examples: [{ id: melding.id, before: { priority: 'hoog' }, after: { priority: 'spoed' } }],
    });
    const rerouted = await w.asCoordinator('POST', `/api/v1/staff/meldingen/${melding.id}/reroute`, {
      reason: 'Plaats gecorrigeerd',
    });
    expect(rerouted.statusCode, rerouted.body).toBe(200);
    // Not nu gaande: the new rule (last) is the first that holds.
    const rule = created.json();
    expect(rerouted.json().assignment).toMatchObject({ rule: { id: rule.id, version: 1 }, priority: 'hoog' });
    const list = await w.asCoordinator('GET', '/api/v1/staff/routing/rules');
    expect(list.json().items.map((r: { routedLast30Days: number }) => r.routedLast30Days)).toEqual([
      0, 0, 0, 0, 1,
    ]);
  });
});
