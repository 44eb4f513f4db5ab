import { describe, expect, it } from 'vitest';
import { categories, categoryIds, defaultTeams, getCategory, isCategoryId } from './categories.ts';

describe('categories', () => {
  it('defines every category id exactly once', () => {
    expect(categories.map((c) => c.id)).toEqual([...categoryIds]);
    for (const id of categoryIds) expect(getCategory(id).id).toBe(id);
    expect(getCategory('onbekend')).toBeUndefined();
    expect(isCategoryId('woonoverlast')).toBe(true);
    expect(isCategoryId('constructor')).toBe(false);
  });

  it('routes to a seeded team', () => {
    const teamIds = defaultTeams.map((t) => t.id);
    for (const c of categories) expect(teamIds).toContain(c.defaultTeam);
    expect(getCategory('jeugdoverlast').defaultTeam).toBe('boa-team');
    expect(getCategory('woonoverlast').defaultTeam).toBe('boa-team');
    expect(getCategory('verdachte_situatie')).toMatchObject({
      defaultTeam: 'politie-basisteam',
      defaultPriority: 'hoog',
      show112Advice: true,
      showAnonymousTipAdvice: true,
    });
  });

  it('has the subcategories Soest asked for', () => {
    const subs = (id: (typeof categoryIds)[number]) => getCategory(id).subcategories.map((s) => s.id);
    expect(subs('jeugdoverlast')).toEqual(['hangen', 'geluid', 'vernieling', 'intimidatie', 'drugs_alcohol']);
    expect(subs('woonoverlast')).toEqual(['geluid', 'bedreiging', 'drugs_vanuit_woning', 'vervuiling_stank']);
    expect(subs('verdachte_situatie')).toEqual(['persoon', 'voertuig', 'woning']);
  });

  it('asks in every category whether it is happening now, with the 112 advice', () => {
    for (const c of categories) {
      const q = c.questions.find((x) => x.id === 'nu_gaande');
      expect(q).toMatchObject({ type: 'boolean', triggers112: { equals: true } });
    }
    expect(getCategory('verdachte_situatie').questions.find((q) => q.id === 'nu_gaande')?.required).toBe(
      true,
    );
  });

  it('has well-formed, unique ids and labels everywhere', () => {
    for (const c of categories) {
      expect(c.label).not.toBe('');
      expect(c.description).not.toMatch(/\n/);
      const ids = [...c.subcategories.map((s) => s.id)];
      expect(new Set(ids).size).toBe(ids.length);
      const qids = c.questions.map((q) => q.id);
      expect(new Set(qids).size).toBe(qids.length);
      for (const q of c.questions) {
        expect(q.id).toMatch(/^[a-z0-9_]+$/);
        if (q.type === 'choice' || q.type === 'multi_choice') {
          expect(q.options.length).toBeGreaterThan(1);
          const values = q.options.map((o) => o.value);
          expect(new Set(values).size).toBe(values.length);
        }
        if (q.type === 'number') expect(q.min).toBeLessThanOrEqual(q.max);
      }
    }
  });
});
