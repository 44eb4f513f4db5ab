import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import { beforeAll, expect } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { createMelding } from '../support/handling-helpers.ts';
import { as, createUser, login, PASSWORD } from '../support/staff-helpers.ts';
import { type TestAppHandle, useTestApp } from '../support/test-app.ts';

// A hand-computed week: 2026-W48 (Mon 23 Nov 00:00 – Mon 30 Nov 00:00 Amsterdam = 22 Nov 23:00Z – 29 Nov
// 23:00Z) and the 4 weeks before, all meldingen through the real intake and then moved in time with SQL.
//   W44 2, W45 2, W46 4, W47 4 (one on Sunday 23:59 local) jeugdoverlast in Soest-Centrum → average 3;
//   W48: 6 jeugdoverlast in Soest-Noord (one on Sunday 23:59:59 local), 2 woonoverlast in Soest-Zuid;
//   W49: 1 jeugdoverlast at Monday 00:00 local (not in W48).

export const NOW = new Date('2026-12-02T12:00:00Z'); // Wednesday of W49
export const MELDER_EMAIL = /bewoner@example\.nl/i;
export const K = 3;

export const NOORD = 'WK034201';
export const CENTRUM = 'WK034202';
export const ZUID = 'WK034203';

type Requests = ReturnType<typeof as>;

export interface WeeklyFixture extends TestAppHandle {
  /** The fixture's meldingen by name (`jeugd-0`, `woon-1`, `w48-sunday`, …). */
  readonly ids: Record<string, { id: string; reference: string }>;
  readonly asCoordinator: Requests;
  readonly asBoa: Requests;
  readonly asPolitie: Requests;
  /** The weekly overview as JSON (asserting a 200). */
  weekly(week: string): ReturnType<Requests>;
  statusEvent(meldingId: string, to: string, at: string, actor?: string): Promise<number>;
  feedback(meldingId: string, solved: boolean, at: string, explanation?: string | null): Promise<void>;
}

/** Registers the beforeAll/afterAll of a file on the hand-computed week: its database, app and users. */
export function useWeeklyFixture(): WeeklyFixture {
  const h = useTestApp({ now: () => NOW, env: { REPORT_MIN_COUNT: String(K) } });
  const ids: Record<string, { id: string; reference: string }> = {};
  const requests: Partial<Record<'asCoordinator' | 'asBoa' | 'asPolitie', Requests>> = {};
  const requestsOf = (who: keyof typeof requests): Requests => {
    const req = requests[who];
    if (!req) throw new Error('the fixture is only there once beforeAll has run');
    return req;
  };

  async function melding(name: string, at: string, category: string, wijk: string, status = 'ingedeeld') {
    const m = await createMelding(h.app, h.db, { status });
    await h.db
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
    const [row] = await h.db
      .insert(schema.statusEvents)
      .values({ meldingId, fromStatus: null, toStatus: to, actor, createdAt: new Date(at) })
      .returning({ id: schema.statusEvents.id });
    return Number(row?.id);
  }

  async function feedback(meldingId: string, solved: boolean, at: string, explanation: string | null = null) {
    const eventId = await statusEvent(meldingId, 'afgehandeld', at, 'staff:x');
    await h.db.insert(schema.melderFeedback).values({
      id: crypto.randomUUID(),
      meldingId,
      statusEventId: eventId,
      solved,
      explanation,
      createdAt: new Date(at),
    });
  }

  beforeAll(async () => {
    const { app, db } = h;
    await createUser(db, 'boa@soest.nl', 'boa', ['boa-team']);
    await createUser(db, 'politie@soest.nl', 'politie', ['politie-basisteam']);
    const coordinator = await createUser(db, 'coord@soest.nl', 'coordinator', [], { totp: true });
    requests.asBoa = as(app, await login(app, 'boa@soest.nl'));
    requests.asPolitie = as(app, await login(app, 'politie@soest.nl'));
    requests.asCoordinator = as(
      app,
      await login(app, coordinator.email, PASSWORD, currentTotp(coordinator.totpSecret ?? '', NOW)),
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

  return {
    database: h.database,
    get db() {
      return h.db;
    },
    get app() {
      return h.app;
    },
    get config() {
      return h.config;
    },
    get photosDir() {
      return h.photosDir;
    },
    ids,
    get asCoordinator() {
      return requestsOf('asCoordinator');
    },
    get asBoa() {
      return requestsOf('asBoa');
    },
    get asPolitie() {
      return requestsOf('asPolitie');
    },
    async weekly(week) {
      const res = await requestsOf('asCoordinator')('GET', `/api/v1/staff/reports/weekly?week=${week}`);
      expect(res.statusCode, res.body).toBe(200);
      return res;
    },
    statusEvent,
    feedback,
  };
}

/** jeugd-0 in behandeling and past its deadline at the end of W48; jeugd-1 not yet; woon-1 closed. */
export async function setDeadlines(w: WeeklyFixture) {
  const late = w.ids['jeugd-0'];
  const notYet = w.ids['jeugd-1'];
  const closed = w.ids['woon-1'];
  if (!late || !notYet || !closed) throw new Error('fixture');
  const deadline = (id: string, at: string) =>
    w.db
      .update(schema.meldingen)
      .set({ deadlineAt: new Date(at) })
      .where(eq(schema.meldingen.id, id));
  await deadline(late.id, '2026-11-25T16:00:00Z');
  await w.db
    .update(schema.meldingen)
    .set({ status: 'in_behandeling' })
    .where(eq(schema.meldingen.id, late.id));
  await deadline(notYet.id, '2026-11-30T16:00:00Z');
  await deadline(closed.id, '2026-11-24T16:00:00Z');
  return { late };
}

/** jeugd-2 reopened in W48 with a "nee", a W47 one outside it, and two "ja"s in W48. */
export async function reopenAndAnswer(w: WeeklyFixture) {
  const a = w.ids['jeugd-2'];
  const b = w.ids['prev-2026-11-18T14:00:00Z-0'];
  const c = w.ids['jeugd-3'];
  if (!a || !b || !c) throw new Error('fixture');
  await w.statusEvent(a.id, 'heropend', '2026-11-27T10:00:00Z');
  await w.statusEvent(b.id, 'heropend', '2026-11-20T10:00:00Z'); // W47
  await w.feedback(a.id, false, '2026-11-27T10:00:00Z', 'Nog steeds; elke avond "feest"');
  await w.feedback(b.id, false, '2026-11-20T10:00:00Z', 'Vorige week');
  await w.feedback(c.id, true, '2026-11-26T09:00:00Z');
  await w.feedback(w.ids['jeugd-4']?.id ?? '', true, '2026-11-29T22:00:00Z');
  return { reopened: a };
}
