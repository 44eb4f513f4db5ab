import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingAddresses, meldingen } from '../schema.ts';

/** 'found': the fields hold the nearest address; 'none': none near the point; 'failed': gave up. */
export type MeldingAddressStatus = 'found' | 'none' | 'failed';

export interface FoundAddress {
  street: string;
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  postcode: string | null;
  woonplaats: string | null;
  distanceM: number | null;
}

export interface MeldingAddressRow extends Partial<FoundAddress> {
  meldingId: string;
  status: MeldingAddressStatus;
  attempts: number;
  lookedUpAt: Date;
}

/** What a lookup needs of the melding: its point, and whether the resident gave a place themselves. */
export interface GeocodeTarget {
  meldingId: string;
  lat: number;
  lng: number;
  /** The resident chose an address (PDOK suggest): nothing to look up. */
  hasAddressText: boolean;
  /** Only a wijk was chosen: the point is the wijk's centre, and an address near it would mislead. */
  hasLocationDescription: boolean;
}

export async function findGeocodeTarget(db: DbOrTx, meldingId: string): Promise<GeocodeTarget | undefined> {
  const [row] = await db
    .select({
      meldingId: meldingen.id,
      lat: meldingen.lat,
      lng: meldingen.lng,
      addressText: meldingen.addressText,
      locationDescription: meldingen.locationDescription,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId));
  if (!row) return undefined;
  return {
    meldingId: row.meldingId,
    lat: row.lat,
    lng: row.lng,
    hasAddressText: Boolean(row.addressText?.trim()),
    hasLocationDescription: row.locationDescription !== null,
  };
}

export async function findMeldingAddress(
  db: DbOrTx,
  meldingId: string,
): Promise<MeldingAddressRow | undefined> {
  const [row] = await db.select().from(meldingAddresses).where(eq(meldingAddresses.meldingId, meldingId));
  if (!row) return undefined;
  const status = row.status as MeldingAddressStatus;
  if (status !== 'found') return { meldingId, status, attempts: row.attempts, lookedUpAt: row.lookedUpAt };
  return {
    meldingId,
    status,
    attempts: row.attempts,
    lookedUpAt: row.lookedUpAt,
    street: row.street ?? '',
    houseNumber: row.houseNumber,
    houseLetter: row.houseLetter,
    houseNumberAddition: row.houseNumberAddition,
    postcode: row.postcode,
    woonplaats: row.woonplaats,
    distanceM: row.distanceM,
  };
}

export type LookupOutcome =
  | { status: 'found'; address: FoundAddress }
  | { status: 'none' }
  | { status: 'failed' };

/**
 * Stores the outcome of a lookup. A found or 'none' outcome is final and is never overwritten (a job
 * that runs twice changes nothing); a 'failed' one gives way to a later lookup that succeeds.
 * Returns whether a row was written.
 */
export async function storeMeldingAddress(
  db: DbOrTx,
  meldingId: string,
  outcome: LookupOutcome,
  attempts: number,
  at: Date,
): Promise<boolean> {
  const a = outcome.status === 'found' ? outcome.address : undefined;
  const values = {
    meldingId,
    status: outcome.status,
    street: a?.street ?? null,
    houseNumber: a?.houseNumber ?? null,
    houseLetter: a?.houseLetter ?? null,
    houseNumberAddition: a?.houseNumberAddition ?? null,
    postcode: a?.postcode ?? null,
    woonplaats: a?.woonplaats ?? null,
    distanceM: a?.distanceM ?? null,
    attempts,
    lookedUpAt: at,
  };
  const written = await db
    .insert(meldingAddresses)
    .values(values)
    .onConflictDoUpdate({
      target: meldingAddresses.meldingId,
      set: values,
      setWhere: eq(meldingAddresses.status, 'failed'),
    })
    .returning({ meldingId: meldingAddresses.meldingId });
  return written.length > 0;
}
