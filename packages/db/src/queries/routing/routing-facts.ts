import type { AnswerValue, MeldingFacts } from '@buurtsignaal/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { meldingen } from '../../schema.ts';

// What routing decides on: the melding's category, answers, times and place (nothing personal).

export interface RoutingInput {
  facts: MeldingFacts;
  lat: number;
  lng: number;
}

const isAnswerValue = (v: unknown): v is AnswerValue =>
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

export function answersOf(raw: Record<string, unknown>): Record<string, AnswerValue> {
  return Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, AnswerValue] => isAnswerValue(entry[1])),
  );
}

/** The columns of a melding that routing reads: its facts and its place. */
export const routingInputColumns = {
  category: meldingen.category,
  subcategory: meldingen.subcategory,
  answers: meldingen.answers,
  occurredAt: meldingen.occurredAt,
  createdAt: meldingen.createdAt,
  lat: meldingen.lat,
  lng: meldingen.lng,
};

/** A melding row with those columns, however it was read (also under routing's lock). */
export interface RoutingRow {
  category: string;
  subcategory: string | null;
  answers: Record<string, unknown>;
  occurredAt: Date | null;
  createdAt: Date;
  lat: number;
  lng: number;
}

export function routingInputOf(row: RoutingRow): RoutingInput {
  return {
    facts: {
      category: row.category,
      subcategory: row.subcategory,
      answers: answersOf(row.answers),
      happenedAt: row.occurredAt,
      reportedAt: row.createdAt,
    },
    lat: row.lat,
    lng: row.lng,
  };
}

export async function findRoutingInput(db: DbOrTx, meldingId: string): Promise<RoutingInput | undefined> {
  const [row] = await db.select(routingInputColumns).from(meldingen).where(eq(meldingen.id, meldingId));
  return row ? routingInputOf(row) : undefined;
}
