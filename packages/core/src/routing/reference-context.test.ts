import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categories, categoryDefaultTeams, defaultTeamOf, getCategory } from '../categories.ts';
import { decideRoute } from './decide-route.ts';
import { referenceRoutingContext } from './reference-context.ts';

describe('the default path (no rules, reference data only)', () => {
  it("every known category goes to its default team and priority, with the worker's reason", () => {
    for (const c of categories) {
      const d = decideRoute(
        { category: c.id, subcategory: null, answers: {}, happenedAt: null, reportedAt: new Date() },
        [],
        referenceRoutingContext,
      );
      expect(d).toEqual({
        teamId: c.defaultTeam,
        teamName: expect.any(String),
        priority: c.defaultPriority,
        note: null,
        rule: null,
        reason: `standaardteam voor categorie ${c.label}`,
        skipped: [],
      });
    }
  });

  it('depends on the category alone: subcategory, answers and times change nothing', () => {
    const categoryArb = fc.constantFrom(...categories.map((c) => c.id));
    const dateArb = fc.date({
      min: new Date('2020-01-01'),
      max: new Date('2030-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        categoryArb,
        fc.option(fc.string({ maxLength: 12 }), { nil: null }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.boolean(), fc.integer())),
        fc.option(dateArb, { nil: null }),
        dateArb,
        (category, subcategory, answers, happenedAt, reportedAt) => {
          const d = decideRoute(
            { category, subcategory, answers, happenedAt, reportedAt },
            [],
            referenceRoutingContext,
          );
          expect(d?.teamId).toBe(defaultTeamOf(category));
          expect(d?.priority).toBe(getCategory(category)?.defaultPriority);
          expect(d?.rule).toBeNull();
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });

  it('knows no team for an unknown category', () => {
    expect(defaultTeamOf('vuurwerk')).toBeUndefined();
    expect(
      decideRoute(
        { category: 'vuurwerk', subcategory: null, answers: {}, happenedAt: null, reportedAt: new Date() },
        [],
        referenceRoutingContext,
      ),
    ).toBeUndefined();
  });
});

describe('categoryDefaultTeams (the mapping as SQL parameters)', () => {
  it('lists each category once with its default team, in the same order', () => {
    const { categories: ids, teams } = categoryDefaultTeams();
    expect(ids).toEqual(categories.map((c) => c.id));
    expect(ids.map((id, i) => [id, teams[i]])).toEqual(categories.map((c) => [c.id, defaultTeamOf(c.id)]));
    expect(Object.fromEntries(ids.map((id, i) => [id, teams[i]]))).toEqual({
      jeugdoverlast: 'boa-team',
      woonoverlast: 'boa-team',
      verdachte_situatie: 'politie-basisteam',
    });
  });
});
