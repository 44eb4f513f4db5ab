import type { DbOrTx } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { as, createMelding } from '../support/handling-helpers.ts';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import { createUser, login, PASSWORD } from '../support/staff-helpers.ts';

// A hand-computed week: 2026-W48 (Mon 23 Nov 00:00 – Mon 30 Nov 00:00 Amsterdam = 22 Nov 23:00Z – 29 Nov
// 23:00Z) and the 4 weeks before, all meldingen through the real intake and then moved in time with SQL.
//   W44 2, W45 2, W46 4, W47 4 (one on Sunday 23:59 local) jeugdoverlast in Soest-Centrum → average 3;
//   W48: 6 jeugdoverlast in Soest-Noord (one on Sunday 23:59:59 local), 2 woonoverlast in Soest-Zuid;
//   W49: 1 jeugdoverlast at Monday 00:00 local (not in W48).

const NOW = new Date('2026-12-02T12:00:00Z'); // Wednesday of W49
const MELDER_EMAIL = /bewoner@example\.nl/i;
const K = 3;

const NOORD = 'WK034201';
const CENTRUM = 'WK034202';
const ZUID = 'WK034203';

describe('weekly overview', () => {
  let database: TestDatabase;
  let db: DbOrTx;
  let t: TestApp;
  let asCoordinator: ReturnType<typeof as>;
  let asBoa: ReturnType<typeof as>;
  let asPolitie: ReturnType<typeof as>;
  const ids: Record<string, { id: string; reference: string }> = {};

  async function melding(name: string, at: string, category: string, wijk: string, status = 'ingedeeld') {
    const m = await createMelding(t.app, db, { status });
    await db
      .update(schema.meldingen)
      .set({
        createdAt: new Date(at),
        category,
        subcategory: category === 'jeugdoverlast' ? 'geluid' : null,
        wijkCode: wijk,
      })
      .where(eq(schema.meldingen.id, m.id));
    ids[name] = m;
    return m;
  }

  async function statusEvent(meldingId: string, to: string, at: string, actor = 'melder'): Promise<number> {
    const [row] = await db
      .insert(schema.statusEvents)
      .values({ meldingId, fromStatus: null, toStatus: to, actor, createdAt: new Date(at) })
      .returning({ id: schema.statusEvents.id });
    return Number(row?.id);
  }

  async function feedback(meldingId: string, solved: boolean, at: string, explanation: string | null = null) {
    const eventId = await statusEvent(meldingId, 'afgehandeld', at, 'staff:x');
    await db.insert(schema.melderFeedback).values({
      id: crypto.randomUUID(),
      meldingId,
      statusEventId: eventId,
      solved,
      explanation,
      createdAt: new Date(at),
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.client.db;
    t = await buildTestApp(database.client, { now: () => NOW, env: { REPORT_MIN_COUNT: String(K) } });
    await createUser(db, 'boa@soest.nl', 'boa', ['boa-team']);
    await createUser(db, 'politie@soest.nl', 'politie', ['politie-basisteam']);
    const coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
    asBoa = as(t.app, await login(t.app, 'boa@soest.nl'));
    asPolitie = as(t.app, await login(t.app, 'politie@soest.nl'));
    asCoordinator = as(
      t.app,
      await login(t.app, coordinator.email, PASSWORD, currentTotp(coordinator.totpSecret ?? '', NOW)),
    );

    const previous: [string, number][] = [
      ['2026-10-28T14:00:00Z', 2],
      ['2026-11-04T14:00:00Z', 2],
      ['2026-11-11T14:00:00Z', 4],
      ['2026-11-18T14:00:00Z', 3],
    ];
    for (const [at, n] of previous) {
      for (let i = 0; i < n; i++) await melding(`prev-${at}-${i}`, at, 'jeugdoverlast', CENTRUM);
    }
    await melding('w47-sunday', '2026-11-22T22:59:00Z', 'jeugdoverlast', CENTRUM);
    for (let i = 0; i < 5; i++) await melding(`jeugd-${i}`, '2026-11-25T14:00:00Z', 'jeugdoverlast', NOORD);
    await melding('w48-sunday', '2026-11-29T22:59:59Z', 'jeugdoverlast', NOORD);
    await melding('woon-0', '2026-11-25T14:00:00Z', 'woonoverlast', ZUID);
    await melding('woon-1', '2026-11-25T14:00:00Z', 'woonoverlast', ZUID, 'afgehandeld');
    await melding('w49-monday', '2026-11-29T23:00:00Z', 'jeugdoverlast', NOORD);
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const weekly = async (week: string) => {
    const res = await asCoordinator('GET', `/api/v1/staff/reports/weekly?week=${week}`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('counts per category and per wijk, against the average of the 4 weeks before', async () => {
    const report = (await weekly('2026-W48')).json();
    expect(report.week).toBe('2026-W48');
    expect(report.from).toBe('2026-11-22T23:00:00.000Z');
    expect(report.to).toBe('2026-11-29T23:00:00.000Z');
    expect(report.minCount).toBe(K);
    expect(report.totals).toEqual({ count: 8, previousAverage: 3, change: 5, changePercent: 166.7 });
    const byCategory = Object.fromEntries(
      report.perCategory.map((r: { category: { id: string } }) => [r.category.id, r]),
    );
    expect(byCategory.jeugdoverlast).toEqual({
      category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
      count: 6,
      previousAverage: 3,
      change: 3,
      changePercent: 100,
    });
    expect(byCategory.woonoverlast).toMatchObject({
      count: 2,
      previousAverage: 0,
      change: 2,
      changePercent: null,
    });
    expect(byCategory.verdachte_situatie).toMatchObject({
      count: 0,
      previousAverage: 0,
      changePercent: null,
    });
    const byWijk = Object.fromEntries(
      report.perWijk.map((r: { wijk: { code: string } | null }) => [r.wijk?.code ?? 'none', r]),
    );
    expect(byWijk[NOORD]).toMatchObject({
      wijk: { code: NOORD, naam: 'Soest-Noord' },
      count: 6,
      previousAverage: 0,
    });
    expect(byWijk[CENTRUM]).toMatchObject({ count: 0, previousAverage: 3, change: -3, changePercent: -100 });
    expect(byWijk[ZUID]).toMatchObject({ count: 2, previousAverage: 0 });
    expect(report.perWijk).toHaveLength(5);
    expect(byWijk.none).toBeUndefined();
  });

  it('defaults to the last complete week', async () => {
    const res = await asCoordinator('GET', '/api/v1/staff/reports/weekly');
    expect(res.statusCode).toBe(200);
    expect(res.json().week).toBe('2026-W48');
  });

  it('refuses a week that does not exist', async () => {
    for (const week of ['2025-W53', '2026-W00', '2026-48', 'x']) {
      const res = await asCoordinator('GET', `/api/v1/staff/reports/weekly?week=${week}`);
      expect(res.statusCode, week).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
    }
    expect((await asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2025-W53')).json().details).toEqual(
      [{ field: 'week', message: expect.any(String) }],
    );
    expect((await asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W53')).statusCode).toBe(200); // 2026 has 53 weeks
  });

  it('lists open meldingen past their deadline at the end of the week', async () => {
    const late = ids['jeugd-0'];
    const notYet = ids['jeugd-1'];
    const closed = ids['woon-1'];
    if (!late || !notYet || !closed) throw new Error('fixture');
    const deadline = (id: string, at: string) =>
      db
        .update(schema.meldingen)
        .set({ deadlineAt: new Date(at) })
        .where(eq(schema.meldingen.id, id));
    await deadline(late.id, '2026-11-25T16:00:00Z');
    await db
      .update(schema.meldingen)
      .set({ status: 'in_behandeling' })
      .where(eq(schema.meldingen.id, late.id));
    await deadline(notYet.id, '2026-11-30T16:00:00Z');
    await deadline(closed.id, '2026-11-24T16:00:00Z');
    const report = (await weekly('2026-W48')).json();
    expect(report.pastDeadline).toEqual({
      total: 1,
      items: [
        {
          id: late.id,
          reference: late.reference,
          category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
          team: { id: 'boa-team', name: 'Boa-team Soest' },
          priority: 'normaal',
          deadlineAt: '2026-11-25T16:00:00.000Z',
          daysLate: 4,
        },
      ],
    });
  });

  it('lists the meldingen reopened in the week and the satisfaction answers given in it', async () => {
    const a = ids['jeugd-2'];
    const b = ids['prev-2026-11-18T14:00:00Z-0'];
    const c = ids['jeugd-3'];
    if (!a || !b || !c) throw new Error('fixture');
    await statusEvent(a.id, 'heropend', '2026-11-27T10:00:00Z');
    await statusEvent(b.id, 'heropend', '2026-11-20T10:00:00Z'); // W47
    await feedback(a.id, false, '2026-11-27T10:00:00Z', 'Nog steeds; elke avond "feest"');
    await feedback(b.id, false, '2026-11-20T10:00:00Z', 'Vorige week');
    await feedback(c.id, true, '2026-11-26T09:00:00Z');
    await feedback(ids['jeugd-4']?.id ?? '', true, '2026-11-29T22:00:00Z');
    const report = (await weekly('2026-W48')).json();
    expect(report.reopened.total).toBe(1);
    expect(report.reopened.items[0]).toMatchObject({
      reference: a.reference,
      reopenedAt: '2026-11-27T10:00:00.000Z',
      by: 'melder',
      wijk: { code: NOORD, naam: 'Soest-Noord' },
    });
    expect(report.satisfaction).toEqual({
      ja: 2,
      nee: 1,
      explanations: [
        {
          reference: a.reference,
          explanation: 'Nog steeds; elke avond "feest"',
          answeredAt: '2026-11-27T10:00:00.000Z',
        },
      ],
    });
  });

  it('shows active hotspots with their weekday × hour profile', async () => {
    const ruleId = crypto.randomUUID();
    await db.insert(schema.hotspotRules).values({
      id: ruleId,
      name: 'Jeugd 14 dagen',
      category: 'jeugdoverlast',
      resolution: 9,
      minCount: 5,
      windowDays: 14,
    });
    await db.insert(schema.hotspots).values({
      id: crypto.randomUUID(),
      ruleId,
      cell: '8919691890bffff',
      resolution: 9,
      wijkCode: NOORD,
      since: new Date('2026-11-25T15:00:00Z'),
      lastCount: 7,
      lastCheckedAt: new Date('2026-11-29T12:00:00Z'),
    });
    const report = (await weekly('2026-W48')).json();
    expect(report.hotspots).toHaveLength(1);
    const [hotspot] = report.hotspots;
    // 14 days before the end of W48: W47 (4) and W48 (6) jeugdoverlast, all in this cell.
    expect(hotspot).toMatchObject({
      cell: '8919691890bffff',
      resolution: 9,
      wijk: { code: NOORD },
      category: { id: 'jeugdoverlast' },
      count: 10,
    });
    expect(hotspot.profile.weekdayHour).toHaveLength(7);
    expect(hotspot.profile.weekdayHour[2][15]).toBe(8); // Wednesdays 15:00
    expect(hotspot.profile.weekdayHour[6][23]).toBe(2); // the two Sunday 23:59s
    expect((await weekly('2026-W40')).json().hotspots).toEqual([]);
  });

  it('exports the overview as CSV for Dutch Excel, with "< k" for small numbers', async () => {
    const res = await asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W48&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="weekoverzicht-2026-W48.csv"');
    const body = res.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Weekoverzicht;2026-W48;Van;2026-11-23;Tot en met;2026-11-29');
    expect(lines).toContain('Categorie;Aantal;Gemiddelde 4 weken ervoor;Verschil;Verschil %');
    expect(lines).toContain('Jeugdoverlast;6;3;3;100');
    expect(lines).toContain('Woonoverlast;< 3;0;;');
    expect(lines).toContain('Verdachte situatie;0;0;0;');
    expect(lines).toContain('Totaal;8;3;5;166,7');
    expect(lines).toContain('Soest-Noord;6;0;6;');
    expect(lines).toContain('Soest-Centrum;0;3;-3;-100');
    expect(lines).toContain('Soest-Zuid;< 3;0;;');
    expect(lines).toContain('Ja;2');
    expect(lines).toContain('Nee;1');
    expect(body).not.toContain('feest'); // the melders' free text stays in the console
    expect(body).not.toMatch(MELDER_EMAIL);
  });

  it('exports the per-melding rows without contact data or description', async () => {
    const res = await asCoordinator('GET', '/api/v1/staff/reports/weekly/meldingen.csv?week=2026-W48');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="weekmeldingen-2026-W48.csv"');
    const body = res.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Referentie;Gemeld op;Categorie;Subcategorie;Wijk;Status;Team;Prioriteit;Afhandeltermijn;Heropend;Opvallend',
    );
    expect(lines).toHaveLength(1 + 8);
    const late = lines.find((l) => l.startsWith(`${ids['jeugd-0']?.reference};`));
    expect(late).toBe(
      `${ids['jeugd-0']?.reference};2026-11-25 15:00;Jeugdoverlast;Geluidsoverlast;Soest-Noord;In behandeling;Boa-team Soest;normaal;2026-11-25 17:00;Nee;Nee`,
    );
    const woon = lines.filter((l) => l.includes(';Woonoverlast;'));
    expect(woon).toHaveLength(2);
    for (const l of woon) expect(l.split(';')[4]).toBe('< 3');
    expect(lines.at(-1)?.startsWith(`${ids['w48-sunday']?.reference};2026-11-29 23:59;`)).toBe(true);
    expect(body).not.toMatch(MELDER_EMAIL);
    expect(body).not.toContain('06 12345678');
    expect(body).not.toContain('harde muziek');
  });

  it('is for coordinators: boa and politie get 403, and it is audited', async () => {
    for (const req of [asBoa, asPolitie]) {
      for (const url of [
        '/api/v1/staff/reports/weekly?week=2026-W48',
        '/api/v1/staff/reports/weekly?week=2026-W48&format=csv',
        '/api/v1/staff/reports/weekly/meldingen.csv?week=2026-W48',
      ]) {
        const res = await req('GET', url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    const denied = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access_denied'`,
    );
    expect((denied as unknown as { rows: { n: number }[] }).rows[0]?.n).toBeGreaterThanOrEqual(6);
  });

  it('flags a melding as notable, shows it in the week of the flag, and unflags it', async () => {
    const m = ids['jeugd-1'];
    if (!m) throw new Error('fixture');
    const url = `/api/v1/staff/meldingen/${m.id}/notable`;
    const reason = 'Groep; "bekend" bij politie';
    expect((await asPolitie('POST', url, { reason })).statusCode).toBe(403); // not the politie's team
    expect((await asBoa('POST', url, { reason: '   ' })).statusCode).toBe(400);
    expect((await asBoa('POST', url, { reason }, null)).statusCode).toBe(403); // no CSRF token
    const flagged = await asBoa('POST', url, { reason });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toEqual({
      notable: { at: NOW.toISOString(), by: { id: expect.any(String), name: 'Test boa' }, reason },
    });

    const report = (await weekly('2026-W49')).json();
    expect(report.notable).toEqual([
      {
        id: m.id,
        reference: m.reference,
        category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
        wijk: { code: NOORD, naam: 'Soest-Noord' },
        reason,
        flaggedAt: NOW.toISOString(),
        flaggedBy: { id: expect.any(String), name: 'Test boa' },
      },
    ]);
    expect((await weekly('2026-W48')).json().notable).toEqual([]);
    const csv = (await asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W49&format=csv')).body;
    expect(csv).toContain(`${m.reference};Jeugdoverlast;Soest-Noord;"Groep; ""bekend"" bij politie"`);
    const rows = (await asCoordinator('GET', '/api/v1/staff/reports/weekly/meldingen.csv?week=2026-W48'))
      .body;
    expect(
      rows
        .split('\r\n')
        .find((l) => l.startsWith(`${m.reference};`))
        ?.endsWith(';Nee;Ja'),
    ).toBe(true);

    const unflag = await t.app.inject({
      method: 'DELETE',
      url,
      cookies: { bs_session: (await login(t.app, 'boa@soest.nl')).cookie },
    });
    expect(unflag.statusCode).toBe(403); // CSRF required on DELETE too
    const session = await login(t.app, 'boa@soest.nl');
    const ok = await t.app.inject({
      method: 'DELETE',
      url,
      cookies: { bs_session: session.cookie },
      headers: { 'x-csrf-token': session.csrf },
    });
    expect(ok.statusCode).toBe(204);
    expect((await weekly('2026-W49')).json().notable).toEqual([]);
    const audit = await db.execute(
      sql`SELECT action FROM audit_log WHERE melding_id = ${m.id} AND result = 'ok' ORDER BY id`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'melding.notable.flag',
      'melding.notable.unflag',
    ]);
  });

  it('never shows the melder contact data', async () => {
    const json = (await weekly('2026-W48')).body + (await weekly('2026-W49')).body;
    expect(json).not.toMatch(MELDER_EMAIL);
    expect(json).not.toContain('12345678');
    expect(json).not.toContain('harde muziek');
  });
});
