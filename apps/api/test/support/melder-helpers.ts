import type { Db } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeEach, expect } from 'vitest';
import { validIntake } from './helpers.ts';
import { type TestAppHandle, useTestApp } from './test-app.ts';

export const DAY = 24 * 60 * 60 * 1000;

export interface Submitted {
  id: string;
  reference: string;
  token: string;
}

/** A melding as a resident makes it: through the real intake route. */
export async function submitMelding(
  app: FastifyInstance,
  overrides: Record<string, unknown> = {},
): Promise<Submitted> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake(overrides) });
  expect(res.statusCode).toBe(201);
  const body = res.json();
  return { id: body.id, reference: body.reference, token: String(body.statusUrl).split('/m/')[1] ?? '' };
}

/**
 * A status change as the staff API writes it (status event + the melding's status), at `at`: the melder's
 * side only reads these, so the tests do not depend on the staff routes.
 */
export async function staffChange(
  db: Db,
  meldingId: string,
  change: { from: string; to: string; publicMessage?: string; at?: Date },
): Promise<number> {
  const at = change.at ?? new Date();
  const [event] = await db
    .insert(schema.statusEvents)
    .values({
      meldingId,
      fromStatus: change.from,
      toStatus: change.to,
      actor: 'staff:test-officer',
      publicMessage: change.publicMessage ?? null,
      internalNote: 'INTERN: niet voor de melder',
      createdAt: at,
    })
    .returning({ id: schema.statusEvents.id });
  await db
    .update(schema.meldingen)
    .set({ status: change.to, updatedAt: at })
    .where(eq(schema.meldingen.id, meldingId));
  return Number(event?.id);
}

/** gemeld → in_behandeling → reactie_gevraagd with `question`. */
export async function askQuestion(db: Db, meldingId: string, question: string, at?: Date): Promise<number> {
  await staffChange(db, meldingId, { from: 'gemeld', to: 'in_behandeling', ...(at ? { at } : {}) });
  return staffChange(db, meldingId, {
    from: 'in_behandeling',
    to: 'reactie_gevraagd',
    publicMessage: question,
    ...(at ? { at } : {}),
  });
}

/** (from) → in_behandeling → afgehandeld with a message; returns the afgehandeld event id. */
export async function close(db: Db, meldingId: string, from: string, at?: Date): Promise<number> {
  await staffChange(db, meldingId, { from, to: 'in_behandeling', ...(at ? { at } : {}) });
  return staffChange(db, meldingId, {
    from: 'in_behandeling',
    to: 'afgehandeld',
    publicMessage: 'Onze boa’s zijn langs geweest en hebben de jongeren aangesproken.',
    ...(at ? { at } : {}),
  });
}

export async function meldingRow(db: Db, id: string) {
  const [row] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id));
  if (!row) throw new Error(`melding ${id} not found`);
  return row;
}

export async function eventsOf(db: Db, id: string) {
  return db
    .select()
    .from(schema.statusEvents)
    .where(eq(schema.statusEvents.meldingId, id))
    .orderBy(asc(schema.statusEvents.id));
}

export async function outboxOf(db: Db, id: string) {
  return db
    .select()
    .from(schema.outbox)
    .where(eq(schema.outbox.aggregateId, id))
    .orderBy(asc(schema.outbox.id));
}

export async function feedbackOf(db: Db, id: string) {
  return db
    .select()
    .from(schema.melderFeedback)
    .where(eq(schema.melderFeedback.meldingId, id))
    .orderBy(asc(schema.melderFeedback.createdAt));
}

export interface MelderApp extends TestAppHandle {
  /** Sets the API's clock; status events are written at real time, so tests move this one ahead. */
  setClock(at: Date): void;
  getStatus(token: string): Promise<LightMyRequestResponse>;
  answer(token: string, payload: unknown): Promise<LightMyRequestResponse>;
  feedback(token: string, payload: unknown): Promise<LightMyRequestResponse>;
}

/** Registers this file's database and app for the melder's own routes; the clock is reset before each test. */
export function useMelderApp(): MelderApp {
  let clock: Date | undefined;
  const h = useTestApp({ now: () => clock ?? new Date() });
  beforeEach(() => {
    clock = undefined;
  });
  const post = (url: string, payload: unknown) =>
    h.app.inject({ method: 'POST', url, payload: payload as object });
  return Object.assign(Object.create(h) as TestAppHandle, {
    setClock(at: Date) {
      clock = at;
    },
    getStatus: (token: string) => h.app.inject({ method: 'GET', url: `/api/v1/status/${token}` }),
    answer: (token: string, payload: unknown) => post(`/api/v1/status/${token}/answer`, payload),
    feedback: (token: string, payload: unknown) => post(`/api/v1/status/${token}/feedback`, payload),
  });
}
