import { categories, starterStandardTexts } from '@buurtsignaal/core';
import { seedStarterContent } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-app.ts';

// A new installation starts with standard texts per category and outcome and one hotspot rule (the
// API server, the embedded launcher and db:seed seed them); a coordinator's edits and removals stay.

describe('the starter content of a new installation', () => {
  const database = useTestDatabase();

  it('starts with standard texts for every category and outcome and a hotspot rule, once', async () => {
    const db = database.db;
    // The test template holds no starter content: the tests start empty.
    expect(await db.select().from(schema.standardTexts)).toEqual([]);
    await seedStarterContent(db);
    await seedStarterContent(db);
    const texts = await db.select().from(schema.standardTexts);
    expect(texts).toHaveLength(starterStandardTexts.length);
    for (const c of categories) {
      expect(
        texts.some((t) => t.category === c.id && t.status === 'afgehandeld'),
        c.id,
      ).toBe(true);
    }
    for (const status of ['in_behandeling', 'reactie_gevraagd', 'doorgestuurd', 'geannuleerd']) {
      expect(texts.some((t) => t.status === status)).toBe(true);
    }
    const rules = await db.select().from(schema.hotspotRules);
    expect(rules).toMatchObject([{ resolution: 9, minCount: 5, windowDays: 28, active: true }]);
  });

  it("keeps a coordinator's edit and a switched-off text as they are at the next start", async () => {
    const db = database.db;
    const [first] = await db.select().from(schema.standardTexts).limit(1);
    if (!first) throw new Error('no starter text');
    await db.update(schema.standardTexts).set({ active: false }).where(eq(schema.standardTexts.id, first.id));
    await db.update(schema.hotspotRules).set({ minCount: 8 });
    await seedStarterContent(db);
    const [again] = await db.select().from(schema.standardTexts).where(eq(schema.standardTexts.id, first.id));
    expect(again?.active).toBe(false);
    expect((await db.select().from(schema.hotspotRules)).map((r) => r.minCount)).toEqual([8]);
  });
});
