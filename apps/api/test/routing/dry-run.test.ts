import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoutingWorld, routingWorld, tuesday } from './routing-world.ts';

let w: RoutingWorld;
beforeAll(async () => {
  w = await routingWorld();
});
afterAll(async () => {
  await w?.close();
});

const soestCentrum = { lat: 52.1733, lng: 5.2917 };
const jeugdLive = (at: Date) => ({
  category: 'jeugdoverlast',
  subcategory: 'hangen',
  answers: { nu_gaande: true },
  location: soestCentrum,
  at: at.toISOString(),
});

describe('POST /api/v1/staff/routing/dry-run (seeded Soest rules and rosters)', () => {
  it('jeugdoverlast nu gaande on a Tuesday at 23:30, after the boa shifts: police, spoed', async () => {
    const res = await w.asCoordinator('POST', '/api/v1/staff/routing/dry-run', jeugdLive(tuesday('23:30')));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      team: { id: 'politie-basisteam', name: 'Politie basisteam Eemland-Noord' },
      priority: 'spoed',
      rule: { id: 'soest-jeugd-live-politie', name: 'Jeugd live, na boa-diensttijd', version: 1 },
      reason:
        "Regel 2 'Jeugd live, na boa-diensttijd': jeugdoverlast, nu gaande, 23:30 in wijk Soest-Centrum " +
        '→ Politie basisteam Eemland-Noord, spoed',
      onDuty: [{ id: w.politie.id, name: 'Test politie' }],
    });
  });

  it('the same at 16:00, during the evening shift: the boa-team, spoed, with both boa on duty', async () => {
    const res = await w.asCoordinator('POST', '/api/v1/staff/routing/dry-run', jeugdLive(tuesday('16:00')));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      priority: 'spoed',
      rule: { id: 'soest-jeugd-live-boa', name: 'Jeugd live, boa in dienst', version: 1 },
      reason:
        "Regel 1 'Jeugd live, boa in dienst': jeugdoverlast, nu gaande, 16:00 in wijk Soest-Centrum, " +
        'Boa-team Soest in dienst → Boa-team Soest, spoed',
      onDuty: [
        { id: w.boa.id, name: 'Test boa' },
        { id: w.boa2.id, name: 'Test boa' },
      ],
    });
  });

  it('not nu gaande: the category default, no rule; an officer may try it too', async () => {
    const res = await w.asBoa('POST', '/api/v1/staff/routing/dry-run', {
      ...jeugdLive(tuesday('23:30')),
      answers: { nu_gaande: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      priority: 'normaal',
      rule: null,
      reason: 'standaardteam voor categorie Jeugdoverlast',
      onDuty: [],
    });
  });

  it('a body without a location is a 400 naming the field', async () => {
    const { location: _location, ...body } = jeugdLive(tuesday('16:00'));
    const res = await w.asCoordinator('POST', '/api/v1/staff/routing/dry-run', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'location' })]),
    );
  });
});
