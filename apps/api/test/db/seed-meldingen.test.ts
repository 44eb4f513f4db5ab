import { categories, defaultTeamOf } from '@buurtsignaal/core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedMeldingen } from '../../../../packages/db/src/cli/seed-meldingen.ts';
import { useTestDatabase } from '../support/test-app.ts';

// The bulk seed takes each melding's team from core's category → default team (reference data), not
// from a mapping of its own in SQL.

const database = useTestDatabase();

describe('db:seed:meldingen', () => {
  it("gives every seeded melding its category's default team", async () => {
    await seedMeldingen(database.url, 600, () => {});
    const result = await database.client.db.execute(
      sql`SELECT category, team_id, count(*)::int AS n FROM meldingen GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const rows = (result as unknown as { rows: { category: string; team_id: string; n: number }[] }).rows;
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(600);
    // All three categories occur in 600 (weights 35–65 %, 23–40 %, 12–25 %).
    expect(rows.map((r) => r.category).sort()).toEqual(categories.map((c) => c.id).sort());
    for (const r of rows) expect(r.team_id).toBe(defaultTeamOf(r.category));
  });
});
