import { describe, expect, it } from 'vitest';
import { knownAreaCodes, rule } from './routing-test-helpers.ts';
import { reviseRule } from './rule-schema.ts';
import { soestRoutingRules } from './soest-rules.ts';
import { flagInvalidRules, validateRule } from './validate.ts';

const options = { activeTeams: ['boa-team', 'politie-basisteam'], knownAreas: knownAreaCodes };

describe('validateRule', () => {
  it('accepts the seeded Soest rules', () => {
    for (const r of soestRoutingRules) expect(validateRule(r, options), r.id).toMatchObject({ ok: true });
  });

  it('refuses an inactive team and an unknown area, naming the field in Dutch', () => {
    const r = rule({
      id: 'r',
      conditions: { areaCodes: ['WK034299'] },
      outcome: { teamId: 'handhaving-oud', priority: 'hoog', note: null },
    });
    expect(validateRule(r, options)).toEqual({
      ok: false,
      errors: [
        { field: 'outcome.teamId', message: 'Het team "handhaving-oud" bestaat niet of is niet actief.' },
        { field: 'conditions.areaCodes.0', message: 'Het gebied WK034299 is onbekend.' },
      ],
    });
  });

  it('refuses a malformed rule with field paths', () => {
    const result = validateRule(
      { ...rule({ id: 'r' }), name: '', outcome: { teamId: 'boa-team', priority: 'heel hoog', note: null } },
      options,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({
        field: 'name',
        message: 'Geef de regel een naam van hoogstens 100 tekens.',
      });
      expect(result.errors).toContainEqual({
        field: 'outcome.priority',
        message: 'Kies een prioriteit: normaal, hoog of spoed.',
      });
    }
  });

  it('checks subcategories, questions and answer types against the chosen categories, and empty windows', () => {
    const r = rule({
      id: 'r',
      conditions: {
        categories: ['woonoverlast'],
        subcategories: ['hangen'],
        answers: [
          { questionId: 'aantal_personen', equals: 3 },
          { questionId: 'nu_gaande', equals: 'ja' },
        ],
        time: { weekdays: null, start: '22:00', end: '22:00', on: 'happened_at' },
      },
    });
    const result = validateRule(r, options);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      'conditions.subcategories.0',
      'conditions.time.end',
      'conditions.answers.0.questionId',
      'conditions.answers.1.equals',
    ]);
  });
});

describe('flagInvalidRules', () => {
  it('lists stored rules that became invalid later, active or not', () => {
    const flagged = flagInvalidRules(soestRoutingRules, {
      activeTeams: ['boa-team'],
      knownAreas: knownAreaCodes,
    });
    expect(flagged.map((f) => [f.ruleId, f.errors[0]?.field])).toEqual([
      ['soest-jeugd-live-politie', 'outcome.teamId'],
      ['soest-verdacht-live', 'outcome.teamId'],
    ]);
  });
});

describe('versions', () => {
  it('an edit makes a new version of the same rule', () => {
    const v1 = rule({ id: 'r', name: 'Oud' });
    const { id: _id, version: _v, ...content } = v1;
    expect(reviseRule(v1, { ...content, name: 'Nieuw' })).toMatchObject({
      id: 'r',
      version: 2,
      name: 'Nieuw',
    });
  });
});
