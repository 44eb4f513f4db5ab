import { type Db, schema } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { E2eStack } from './stack.ts';

export interface PostedMelding {
  id: string;
  reference: string;
  statusUrl: string;
}

/** A melding of jeugdoverlast (geluid) with e-mail feedback through the public intake; `extra` overrides. */
export async function postMelding(
  stack: E2eStack,
  extra: Record<string, unknown> = {},
): Promise<PostedMelding> {
  const res = await fetch(`${stack.baseUrl}/api/v1/meldingen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'jeugdoverlast',
      subcategory: 'geluid',
      description: 'Elke avond harde muziek en scooters bij het speelveld.',
      location: { lat: 52.1733, lng: 5.2917 },
      contact: { email: 'bewoner@example.nl', wantsFeedback: true },
      ...extra,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as PostedMelding;
}

/** Waits until the worker has routed the melding (status `ingedeeld`). */
export function routed(db: Db, meldingId: string, what = 'the first routing'): Promise<boolean> {
  return waitUntil(
    async () => {
      const [row] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, meldingId));
      return row?.status === 'ingedeeld';
    },
    { what },
  );
}
