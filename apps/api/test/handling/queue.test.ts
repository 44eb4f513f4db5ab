import * as schema from '@buurtsignaal/db/schema';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMelding, useHandlingWorld } from '../support/handling-helpers.ts';

// Fixed creation times, so that "oldest first" is deterministic.
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 8, minutes));
let ids: Record<string, string>;

const w = useHandlingWorld();
beforeAll(async () => {
  const make = (setup: Parameters<typeof createMelding>[2]) => createMelding(w.t.app, w.db, setup);
  const address = { location: { lat: 52.1733, lng: 5.2917, accuracy: 12 } };
  ids = {
    normaalOld: (await make({ priority: 'normaal', createdAt: at(1), intake: address })).id,
    hoogNew: (await make({ priority: 'hoog', createdAt: at(9) })).id,
    spoed: (await make({ priority: 'spoed', createdAt: at(20) })).id,
    hoogOld: (await make({ priority: 'hoog', createdAt: at(2) })).id,
    normaalNew: (
      await make({
        priority: 'normaal',
        createdAt: at(5),
        intake: { category: 'woonoverlast', subcategory: 'geluid', answers: {} },
      })
    ).id,
    closed: (await make({ status: 'afgehandeld', createdAt: at(3) })).id,
    inBehandeling: (await make({ status: 'in_behandeling', createdAt: at(4) })).id,
    politie: (await make({ teamId: 'politie-basisteam', createdAt: at(6) })).id,
  };
  await w.db
    .update(schema.meldingen)
    .set({ addressText: 'Steenhoffstraat 46a, 3764 BM Soest' })
    .where(eq(schema.meldingen.id, ids.normaalOld ?? ''));
});

const queue = (query: string) => `/api/v1/staff/queue?${query}`;

describe('GET /api/v1/staff/queue', () => {
  it("lists a boa's team's open meldingen: spoed, hoog, normaal, then oldest first", async () => {
    const res = await w.asBoa('GET', queue('team=boa-team'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([
      ids.spoed,
      ids.hoogOld,
      ids.hoogNew,
      ids.normaalOld,
      ids.inBehandeling,
      ids.normaalNew,
    ]);
    expect(body).toMatchObject({ page: 1, pageSize: 25, total: 6 });
    expect(body.items[0]).toEqual({
      id: ids.spoed,
      reference: expect.stringMatching(/^SOE-\d{4}-\d{6}$/),
      category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
      subcategory: { id: 'geluid', label: 'Geluidsoverlast' },
      status: { code: 'ingedeeld', label: 'Ingedeeld' },
      priority: 'spoed',
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      wijk: expect.objectContaining({ code: expect.stringMatching(/^WK/) }),
      street: null,
      streetApproximate: false,
      createdAt: at(20).toISOString(),
      deadlineAt: null,
      nuGaande: false,
      reopenCount: 0,
      assignedTo: null,
      photoCount: 0,
    });
    expect(body.items[3]).toMatchObject({ id: ids.normaalOld, street: 'Steenhoffstraat' });
    // No contact data and no house numbers in a queue.
    expect(res.body).not.toMatch(/example\.nl|12345678|Steenhoffstraat 46a|3764 ?BM/);
  });

  it('filters by status, category, wijk and period, and pages', async () => {
    const ids_ = async (query: string) => {
      const res = await w.asBoa('GET', queue(`team=boa-team&${query}`));
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { id: string }) => i.id);
    };
    expect(await ids_('status=afgehandeld')).toEqual([ids.closed]);
    expect(await ids_('status=in_behandeling,afgehandeld')).toEqual([ids.closed, ids.inBehandeling]);
    expect(await ids_('category=woonoverlast')).toEqual([ids.normaalNew]);
    expect(await ids_('wijk=WK999999')).toEqual([]);
    expect(
      await ids_(
        `from=${encodeURIComponent(at(2).toISOString())}&to=${encodeURIComponent(at(6).toISOString())}`,
      ),
    ).toEqual([ids.hoogOld, ids.inBehandeling, ids.normaalNew]);

    const page2 = await w.asBoa('GET', queue('team=boa-team&page=2&pageSize=4'));
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 4, total: 6 });
    expect(page2.json().items.map((i: { id: string }) => i.id)).toEqual([ids.inBehandeling, ids.normaalNew]);
  });

  it('refuses unknown statuses, a reversed period and a page size over 100', async () => {
    for (const query of [
      'status=klaar',
      'pageSize=500',
      `from=${at(5).toISOString()}&to=${at(1).toISOString()}`,
    ]) {
      const res = await w.asBoa('GET', queue(`team=boa-team&${query}`));
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details?.[0]?.field, query).toMatch(/status|pageSize|from/);
    }
  });

  it("requires a boa to name a team and refuses another team's queue with 403 and an audit row", async () => {
    expect((await w.asBoa('GET', queue(''))).json()).toMatchObject({ code: 'TEAM_REQUIRED' });
    const res = await w.asBoa('GET', queue('team=politie-basisteam'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    const audit = await listAuditForActor(w.db, w.boa.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'access_denied',
      result: 'denied',
      details: { attempted: 'queue.view', team: 'politie-basisteam' },
    });
  });

  it("shows politie only their team's queue, and a coordinator every team without naming one", async () => {
    const politie = await w.asPolitie('GET', queue('team=politie-basisteam'));
    expect(politie.json().items.map((i: { id: string }) => i.id)).toEqual([ids.politie]);
    const all = await w.asCoordinator('GET', queue(''));
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(7);
    const one = await w.asCoordinator('GET', queue('team=politie-basisteam'));
    expect(one.json().total).toBe(1);
  });
});
