import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { standardTexts } from '../schema.ts';

export interface StandardTextRow {
  id: string;
  category: string | null;
  status: string;
  title: string;
  body: string;
  active: boolean;
}

export interface StandardTextFilter {
  status?: string | undefined;
  /** This category's texts and the ones for every category (category null). */
  category?: string | undefined;
  includeInactive: boolean;
}

const columns = {
  id: standardTexts.id,
  category: standardTexts.category,
  status: standardTexts.status,
  title: standardTexts.title,
  body: standardTexts.body,
  active: standardTexts.active,
};

export async function listStandardTexts(db: DbOrTx, filter: StandardTextFilter): Promise<StandardTextRow[]> {
  const where: (SQL | undefined)[] = [
    filter.status !== undefined ? eq(standardTexts.status, filter.status) : undefined,
    filter.category !== undefined
      ? or(eq(standardTexts.category, filter.category), isNull(standardTexts.category))
      : undefined,
    filter.includeInactive ? undefined : eq(standardTexts.active, true),
  ];
  return db
    .select(columns)
    .from(standardTexts)
    .where(and(...where))
    .orderBy(asc(standardTexts.status), asc(standardTexts.title), asc(standardTexts.id));
}

export interface StandardTextInput {
  category: string | null;
  status: string;
  title: string;
  body: string;
}

export async function insertStandardText(
  db: DbOrTx,
  text: StandardTextInput & { id: string; createdBy: string; at: Date },
): Promise<StandardTextRow> {
  const [row] = await db
    .insert(standardTexts)
    .values({
      id: text.id,
      category: text.category,
      status: text.status,
      title: text.title,
      body: text.body,
      createdBy: text.createdBy,
      createdAt: text.at,
      updatedAt: text.at,
    })
    .returning(columns);
  if (!row) throw new Error('standard text not inserted');
  return row;
}

/** undefined when there is no such text. */
export async function updateStandardText(
  db: DbOrTx,
  id: string,
  text: StandardTextInput & { active: boolean; at: Date },
): Promise<StandardTextRow | undefined> {
  const [row] = await db
    .update(standardTexts)
    .set({
      category: text.category,
      status: text.status,
      title: text.title,
      body: text.body,
      active: text.active,
      updatedAt: text.at,
    })
    .where(eq(standardTexts.id, id))
    .returning(columns);
  return row;
}
