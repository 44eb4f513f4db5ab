import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { type RoutingWorld, routingWorld, ruleBody, tuesday } from './routing-world.ts';

let w: RoutingWorld;
const ids: Record<string, { id: string; reference: string }> = {};
const soestCentrum = { lat: 52.1733, lng: 5.2917, accuracy: 10 };
const woning = { lat: 52.1801, lng: 5.2999, accuracy: 10 };

beforeAll(async () => {
  w = await routingWorld();
  const make = (createdAt: Date, intake: Record<string, unknown>) =>
    createMelding(w.t.app, w.db, { createdAt, intake });
  // Tuesday 23:30, nu gaande: rule 2 sends it to the police, spoed.
  ids.live = await make(tuesday('23:30'), { location: soestCentrum, answers: { nu_gaande: true } });
  // Wednesday morning, not nu gaande: the boa-team's default, normaal.
  ids.rustig = await make(new Date('2026-12-09T09:00:00Z'), { location: soestCentrum, answers: {} });
  // Two woonoverlast at one address on the same day.
  const woon = { category: 'woonoverlast', subcategory: 'geluid', answers: {}, location: woning };
  ids.woon1 = await make(new Date('2026-12-09T10:00:00Z'), woon);
  ids.woon2 = await make(new Date('2026-12-09T11:00:00Z'), woon);
  // Older than 30 days: not looked at.
  ids.oud = await make(new Date('2026-11-01T10:00:00Z'), { location: soestCentrum, answers: {} });
});
afterAll(async () => {
  await w?.close();
});

const DRAFT = '/api/v1/staff/routing/dry-run/draft';
const boaHoog = { team: { id: 'boa-team', name: 'Boa-team Soest' }, priority: 'hoog' };

describe('POST /api/v1/staff/routing/dry-run/draft', () => {
  it('a new first rule: counts the meldingen of the last 30 days it would route differently', async () => {
    const res = await w.asCoordinator('POST', DRAFT, { rule: ruleBody(), rank: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      total: 4,
      changed: 2,
      examples: [
        {
          id: ids.rustig?.id,
          reference: ids.rustig?.reference,
          before: { team: { id: 'boa-team', name: 'Boa-team Soest' }, priority: 'normaal' },
          after: boaHoog,
        },
        {
          id: ids.live?.id,
          reference: ids.live?.reference,
          before: {
            team: { id: 'politie-basisteam', name: 'Politie basisteam Eemland-Noord' },
            priority: 'spoed',
          },
          after: boaHoog,
        },
      ],
    });
  });

  it('the same rule placed last changes only what no rule before it decides', async () => {
    const res = await w.asCoordinator('POST', DRAFT, { rule: ruleBody() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 4, changed: 1, examples: [{ id: ids.rustig?.id }] });
  });

  it('an edit of the repeat rule (2 within 50 m instead of 3 within 25 m) in its own place', async () => {
    const res = await w.asCoordinator('POST', DRAFT, {
      replaces: 'soest-woonoverlast-herhaald',
      rule: {
        name: 'Herhaalde woonoverlast',
        conditions: { categories: ['woonoverlast'], repeat: { minCount: 2, radiusMetres: 50, days: 30 } },
        outcome: { teamId: 'boa-team', priority: 'hoog', note: null },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    // Only the second one had another melding at the address before it.
    expect(res.json()).toEqual({
      total: 4,
      changed: 1,
      examples: [
        {
          id: ids.woon2?.id,
          reference: ids.woon2?.reference,
          before: { team: { id: 'boa-team', name: 'Boa-team Soest' }, priority: 'normaal' },
          after: boaHoog,
        },
      ],
    });
  });

  it('an invalid draft is refused like saving it; an unknown rule to replace too; officers may not', async () => {
    const bad = await w.asCoordinator('POST', DRAFT, {
      rule: ruleBody({ outcome: { teamId: 'brandweer', priority: 'hoog', note: null } }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'ROUTING_RULE_INVALID',
      details: [{ field: 'outcome.teamId' }],
    });
    const unknown = await w.asCoordinator('POST', DRAFT, { rule: ruleBody(), replaces: 'bestaat-niet' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([expect.objectContaining({ field: 'replaces' })]);
    expect((await w.asBoa('POST', DRAFT, { rule: ruleBody() })).statusCode).toBe(403);
  });
});
