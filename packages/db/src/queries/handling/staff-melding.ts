import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { melders, meldingen, teams } from '../../schema.ts';
import { meldingNameColumns } from '../melding-columns.ts';

/** What staff see of a melding before the access check and without the melder's contact data. */
export interface StaffMeldingSummary {
  id: string;
  reference: string;
  category: string;
  subcategory: string | null;
  status: string;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date;
}

export async function findStaffMeldingSummary(
  db: DbOrTx,
  meldingId: string,
): Promise<StaffMeldingSummary | undefined> {
  const [row] = await db
    .select({
      ...meldingNameColumns,
      status: meldingen.status,
      teamId: meldingen.teamId,
      teamName: teams.name,
      createdAt: meldingen.createdAt,
    })
    .from(meldingen)
    .leftJoin(teams, eq(teams.id, meldingen.teamId))
    .where(eq(meldingen.id, meldingId));
  return row;
}

export interface MelderContact {
  email: string | null;
  phone: string | null;
  wantsFeedback: boolean;
  anonymised: boolean;
}

/** The melder's contact data; undefined for an anonymous melding. Read it only after canSeeMelderContact. */
export async function findMelderContact(db: DbOrTx, meldingId: string): Promise<MelderContact | undefined> {
  const [row] = await db
    .select({
      email: melders.email,
      phone: melders.phone,
      wantsFeedback: melders.wantsFeedback,
      anonymisedAt: melders.anonymisedAt,
    })
    .from(melders)
    .where(eq(melders.meldingId, meldingId));
  if (!row) return undefined;
  return {
    email: row.email,
    phone: row.phone,
    wantsFeedback: row.wantsFeedback,
    anonymised: row.anonymisedAt !== null,
  };
}
