import { h3Cells } from '@buurtsignaal/core';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { listHotspotRules } from '@buurtsignaal/db/tables/hotspot-rules-repository';
import { applyHotspotRule } from '@buurtsignaal/db/tables/hotspots-repository';
import { describe, expect, it } from 'vitest';
import { useHandlingWorld } from '../support/handling-helpers.ts';
import { A, insertHotspotMelding } from '../support/hotspots-helpers.ts';

const w = useHandlingWorld();

const rule = {
  name: 'Jeugdoverlast centrum',
  category: 'jeugdoverlast',
  subcategory: null,
  resolution: 9,
  minCount: 3,
  windowDays: 14,
  active: true,
};

describe('hotspot rules', () => {
  it('coordinator creates and changes rules (audited); every officer reads them; boa may not write', async () => {
    const created = await w.asCoordinator('POST', '/api/v1/staff/hotspot-rules', rule);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({ ...rule, id });

    const changed = await w.asCoordinator('PUT', `/api/v1/staff/hotspot-rules/${id}`, {
      ...rule,
      subcategory: 'hangen',
      minCount: 4,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ subcategory: 'hangen', minCount: 4 });

    const list = await w.asBoa('GET', '/api/v1/staff/hotspot-rules');
    expect(list.json().items).toEqual([expect.objectContaining({ id, minCount: 4 })]);

    const denied = await w.asBoa('POST', '/api/v1/staff/hotspot-rules', rule);
    expect(denied.statusCode).toBe(403);
    expect(await listHotspotRules(w.db)).toHaveLength(1);
    const audit = await listAuditForActor(w.db, w.coordinator.id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['hotspot_rule.create', 'hotspot_rule.update']),
    );
  });

  it('refuses bad rules with 400 and an unknown rule with 404', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await w.asCoordinator('POST', '/api/v1/staff/hotspot-rules', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().details)).toContain(field);
    };
    await bad({ ...rule, subcategory: 'geluid', category: null }, 'subcategory');
    await bad({ ...rule, subcategory: 'bedreiging' }, 'subcategory');
    await bad({ ...rule, resolution: 6 }, 'resolution');
    await bad({ ...rule, minCount: 1 }, 'minCount');
    await bad({ ...rule, category: 'vuurwerk' }, 'category');
    const missing = await w.asCoordinator(
      'PUT',
      '/api/v1/staff/hotspot-rules/00000000-0000-4000-8000-000000000000',
      rule,
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('HOTSPOT_RULE_NOT_FOUND');
  });
});

describe('GET /hotspots/active and /hotspots/notifications', () => {
  it('list the running hotspots with rule, wijk and since, and the notifications per team', async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      await insertHotspotMelding(w.db, {
        ...A,
        occurredAt: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(),
      });
    }
    const created = await w.asCoordinator('POST', '/api/v1/staff/hotspot-rules', {
      ...rule,
      name: 'Drie per week',
    });
    const [storedRule] = (await listHotspotRules(w.db)).filter((r) => r.id === created.json().id);
    if (!storedRule) throw new Error('rule not stored');
    await w.db.transaction((tx) =>
      applyHotspotRule(tx, storedRule, { now, wijkOf: () => 'WK034202', teamsFor: () => ['boa-team'] }),
    );

    const active = await w.asPolitie('GET', '/api/v1/staff/hotspots/active');
    expect(active.statusCode, active.body).toBe(200);
    expect(active.json().items).toEqual([
      expect.objectContaining({
        cell: h3Cells(A.lat, A.lng).r9,
        res: 9,
        lastCount: 3,
        since: now.toISOString(),
        wijk: { code: 'WK034202', naam: 'Soest-Centrum' },
        rule: expect.objectContaining({ name: 'Drie per week', minCount: 3, windowDays: 14 }),
        notifiedTeams: [{ id: 'boa-team', name: 'Boa-team Soest' }],
        boundary: expect.objectContaining({ type: 'Polygon' }),
      }),
    ]);

    const forBoa = await w.asBoa('GET', '/api/v1/staff/hotspots/notifications');
    expect(forBoa.json().items).toEqual([
      expect.objectContaining({
        team: { id: 'boa-team', name: 'Boa-team Soest' },
        lastCount: 3,
        active: true,
      }),
    ]);
    expect((await w.asPolitie('GET', '/api/v1/staff/hotspots/notifications')).json().items).toEqual([]);
    expect((await w.asCoordinator('GET', '/api/v1/staff/hotspots/notifications')).json().items).toHaveLength(
      1,
    );
  });
});
