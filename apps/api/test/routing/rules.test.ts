import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { updateTeamSettings } from '@buurtsignaal/db/tables/teams-repository';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { NOW, type RoutingWorld, routingWorld, ruleBody } from './routing-world.ts';

let w: RoutingWorld;
beforeAll(async () => {
  w = await routingWorld();
});
afterAll(async () => {
  await w?.close();
});

const RULES = '/api/v1/staff/routing/rules';
const seededIds = [
  'soest-jeugd-live-boa',
  'soest-jeugd-live-politie',
  'soest-verdacht-live',
  'soest-woonoverlast-herhaald',
];
type View = { id: string; rank: number; version: number; name: string; routedLast30Days: number };
const list = async (): Promise<View[]> => {
  const res = await w.asCoordinator('GET', RULES);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

describe('routing rules: list, create, edit as a new version', () => {
  it('lists the seeded rules in order; an officer may read them', async () => {
    const res = await w.asBoa('GET', RULES);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((r: View) => r.id)).toEqual(seededIds);
    expect(items[1]).toMatchObject({
      rank: 2,
      version: 1,
      active: true,
      name: 'Jeugd live, na boa-diensttijd',
      team: { id: 'politie-basisteam', name: 'Politie basisteam Eemland-Noord' },
      invalid: false,
      invalidSince: null,
      problems: [],
      routedLast30Days: 0,
    });
  });

  it('an officer may not write; a refusal is a 403', async () => {
    const res = await w.asBoa('POST', RULES, ruleBody());
    expect(res.statusCode).toBe(403);
    expect(await list()).toHaveLength(4);
  });

  it('creates a rule at the end, audited; an edit makes version 2 and the old assignment keeps version 1', async () => {
    const created = await w.asCoordinator('POST', RULES, ruleBody());
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ rank: 5, version: 1, active: true, name: 'Jeugd in Soest-Centrum' });
    // Move it first, so that it decides for a jeugdoverlast in Soest-Centrum.
    const reorder = await w.asCoordinator('POST', `${RULES}/reorder`, { ids: [rule.id, ...seededIds] });
    expect(reorder.statusCode, reorder.body).toBe(200);
    const melding = await createMelding(w.t.app, w.db, { createdAt: NOW });
    const rerouted = await w.asCoordinator('POST', `/api/v1/staff/meldingen/${melding.id}/reroute`, {
      reason: 'Test van de nieuwe regel',
    });
    expect(rerouted.statusCode, rerouted.body).toBe(200);
    expect(rerouted.json().assignment.rule).toEqual({
      id: rule.id,
      name: 'Jeugd in Soest-Centrum',
      version: 1,
    });

    const edited = await w.asCoordinator(
      'PUT',
      `${RULES}/${rule.id}`,
      ruleBody({
        name: 'Jeugd in het centrum',
        outcome: { teamId: 'boa-team', priority: 'spoed', note: 'Kijk even.' },
      }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ id: rule.id, version: 2, rank: 1, name: 'Jeugd in het centrum' });
    expect(edited.json().outcome.priority).toBe('spoed');

    const [assignment] = await w.db
      .select()
      .from(schema.assignments)
      .where(and(eq(schema.assignments.meldingId, melding.id), eq(schema.assignments.ruleId, rule.id)));
    expect(assignment).toMatchObject({ ruleVersion: 1, priority: 'hoog' });
    const detail = await w.asCoordinator('GET', `/api/v1/staff/meldingen/${melding.id}`);
    expect(detail.json().assignment).toMatchObject({
      rule: { id: rule.id, name: 'Jeugd in Soest-Centrum', version: 1 },
      priority: 'hoog',
      team: { id: 'boa-team', name: 'Boa-team Soest' },
    });
    const versions = await w.db
      .select()
      .from(schema.routingRuleVersions)
      .where(eq(schema.routingRuleVersions.ruleId, rule.id));
    expect(versions.map((v) => [v.version, v.name]).sort()).toEqual([
      [1, 'Jeugd in Soest-Centrum'],
      [2, 'Jeugd in het centrum'],
    ]);
    expect((await list()).find((r) => r.id === rule.id)?.routedLast30Days).toBe(1);

    const audit = (await listAuditForActor(w.db, w.coordinator.id)).map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining([
        'routing_rule.create',
        'routing_rule.reorder',
        'routing_rule.update',
        'melding.reroute',
      ]),
    );
  });

  it('deactivates and activates without a new version', async () => {
    const off = await w.asCoordinator('POST', `${RULES}/soest-verdacht-live/deactivate`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 1 });
    const on = await w.asCoordinator('POST', `${RULES}/soest-verdacht-live/activate`);
    expect(on.json()).toMatchObject({ active: true, version: 1 });
    expect((await w.asCoordinator('POST', `${RULES}/bestaat-niet/activate`)).statusCode).toBe(404);
  });
});

describe('invalid rules are refused, naming the field', () => {
  const refused = async (body: unknown, field: string) => {
    const res = await w.asCoordinator('POST', RULES, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    return res.json();
  };

  it('an unknown team, area, subcategory or question', async () => {
    const before = await list();
    const team = await refused(
      ruleBody({ outcome: { teamId: 'brandweer', priority: 'hoog', note: null } }),
      'outcome.teamId',
    );
    expect(team).toMatchObject({
      code: 'ROUTING_RULE_INVALID',
      message: 'Het team "brandweer" bestaat niet of is niet actief.',
    });
    await refused(ruleBody({ conditions: { areaCodes: ['WK999999'] } }), 'conditions.areaCodes.0');
    await refused(
      ruleBody({ conditions: { categories: ['jeugdoverlast'], subcategories: ['inbraak'] } }),
      'conditions.subcategories.0',
    );
    await refused(
      ruleBody({
        conditions: { categories: ['woonoverlast'], answers: [{ questionId: 'aantal_personen', equals: 3 }] },
      }),
      'conditions.answers.0.questionId',
    );
    await refused(ruleBody({ conditions: { categories: ['vuurwerk'] } }), 'conditions.categories.0');
    expect(await list()).toHaveLength(before.length);
  });

  it('a rule naming a team that was switched off: refused on save, flagged in the list, not activated', async () => {
    await updateTeamSettings(w.db, 'politie-basisteam', { active: false, at: NOW });
    try {
      await refused(
        ruleBody({ outcome: { teamId: 'politie-basisteam', priority: 'spoed', note: null } }),
        'outcome.teamId',
      );
      const flagged = (await list()).find((r) => r.id === 'soest-jeugd-live-politie');
      expect(flagged).toMatchObject({
        invalid: true,
        invalidSince: NOW.toISOString(),
        problems: [{ field: 'outcome.teamId', message: expect.stringContaining('politie-basisteam') }],
      });
      await w.asCoordinator('POST', `${RULES}/soest-jeugd-live-politie/deactivate`);
      const on = await w.asCoordinator('POST', `${RULES}/soest-jeugd-live-politie/activate`);
      expect(on.statusCode).toBe(400);
      expect(on.json().code).toBe('ROUTING_RULE_INVALID');
    } finally {
      await updateTeamSettings(w.db, 'politie-basisteam', { active: true, at: NOW });
    }
    expect((await list()).find((r) => r.id === 'soest-jeugd-live-politie')).toMatchObject({
      invalid: false,
      active: false,
    });
  });
});

describe('reorder', () => {
  it('takes every rule once, in the new order', async () => {
    const ids = (await list()).map((r) => r.id);
    const reversed = [...ids].reverse();
    const res = await w.asCoordinator('POST', `${RULES}/reorder`, { ids: reversed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((r: View) => [r.id, r.rank])).toEqual(reversed.map((id, i) => [id, i + 1]));
    expect((await list()).map((r) => r.id)).toEqual(reversed);
  });

  it('refuses a list with a rule missing, twice or unknown', async () => {
    const ids = (await list()).map((r) => r.id);
    for (const bad of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), 'onbekend']]) {
      const res = await w.asCoordinator('POST', `${RULES}/reorder`, { ids: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'ROUTING_REORDER_INVALID', details: [{ field: 'ids' }] });
    }
    expect((await list()).map((r) => r.id)).toEqual(ids);
  });
});
