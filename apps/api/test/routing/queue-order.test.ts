import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMelding } from '../support/handling-helpers.ts';
import { NOW, type RoutingWorld, routingWorld } from './routing-world.ts';

let w: RoutingWorld;
const ids: Record<string, string> = {};
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

beforeAll(async () => {
  w = await routingWorld();
  const make = async (name: string, priority: string, deadline: Date | null, nuGaande = false) => {
    const { id } = await createMelding(w.t.app, w.db, {
      priority,
      createdAt: hours(-Object.keys(ids).length - 1),
      intake: { answers: { nu_gaande: nuGaande } },
    });
    await w.db.update(schema.meldingen).set({ deadlineAt: deadline }).where(eq(schema.meldingen.id, id));
    ids[name] = id;
  };
  // Made in an order that is none of the expected one.
  await make('normaalSoon', 'normaal', hours(1));
  await make('hoogLate', 'hoog', hours(48));
  await make('spoedLate', 'spoed', hours(8), true);
  await make('hoogSoon', 'hoog', hours(2));
  await make('spoedSoon', 'spoed', hours(4), true);
  await make('normaalNone', 'normaal', null);
});
afterAll(async () => {
  await w?.close();
});

describe('the queue with priorities and nu gaande', () => {
  it('sorts spoed first, then hoog, then the rest, each by deadline; cards carry priority and nu gaande', async () => {
    const res = await w.asBoa('GET', '/api/v1/staff/queue?team=boa-team');
    expect(res.statusCode, res.body).toBe(200);
    const items: { id: string; priority: string; nuGaande: boolean; deadlineAt: string | null }[] =
      res.json().items;
    expect(items.map((i) => i.id)).toEqual([
      ids.spoedSoon,
      ids.spoedLate,
      ids.hoogSoon,
      ids.hoogLate,
      ids.normaalSoon,
      ids.normaalNone,
    ]);
    expect(items.map((i) => [i.priority, i.nuGaande])).toEqual([
      ['spoed', true],
      ['spoed', true],
      ['hoog', false],
      ['hoog', false],
      ['normaal', false],
      ['normaal', false],
    ]);
    expect(items[0]?.deadlineAt).toBe(hours(4).toISOString());
    expect(items[5]?.deadlineAt).toBeNull();
  });
});
