import { describe, expect, it } from 'vitest';
import { categories } from '../categories.ts';
import { decideRoute } from './decide-route.ts';
import { onDutyTeams, repeatKey, repeatQueries } from './routing-context.ts';
import { at, context, facts, rule, soesterberg } from './routing-test-helpers.ts';
import { soestRoutingRules } from './soest-rules.ts';

const jeugdLive = (date: string, time: string) =>
  facts({ category: 'jeugdoverlast', answers: { nu_gaande: true }, reportedAt: at(date, time) });

describe('the Soest rules (issue example)', () => {
  // 2026-06-02 is a Tuesday. The boa's work until 22:30: the roster says nobody is on duty at 23:30.
  it('jeugdoverlast nu gaande at 23:30 on a Tuesday → politie, spoed, with its reason', () => {
    const d = decideRoute(
      jeugdLive('2026-06-02', '23:30'),
      soestRoutingRules,
      context({ onDuty: { 'boa-team': false } }),
    );
    expect(d).toMatchObject({
      teamId: 'politie-basisteam',
      priority: 'spoed',
      rule: { id: 'soest-jeugd-live-politie', version: 1 },
    });
    expect(d?.reason).toBe(
      "Regel 2 'Jeugd live, na boa-diensttijd': jeugdoverlast, nu gaande, 23:30 in wijk Soesterberg → Politie basisteam Eemland-Noord, spoed",
    );
  });

  it('the same at 16:00 → boa-team, spoed, with its reason', () => {
    const d = decideRoute(
      jeugdLive('2026-06-02', '16:00'),
      soestRoutingRules,
      context({ onDuty: { 'boa-team': true } }),
    );
    expect(d).toMatchObject({ teamId: 'boa-team', priority: 'spoed', rule: { id: 'soest-jeugd-live-boa' } });
    expect(d?.reason).toBe(
      "Regel 1 'Jeugd live, boa in dienst': jeugdoverlast, nu gaande, 16:00 in wijk Soesterberg, Boa-team Soest in dienst → Boa-team Soest, spoed",
    );
    expect(d?.note).toBe('Nu gaande: ga er zo snel mogelijk heen.');
  });

  it('verdachte situatie nu gaande → politie spoed; woonoverlast the 3rd time at one address → hoog', () => {
    const verdacht = facts({ category: 'verdachte_situatie', answers: { nu_gaande: true } });
    expect(decideRoute(verdacht, soestRoutingRules, context())).toMatchObject({
      teamId: 'politie-basisteam',
      priority: 'spoed',
    });
    const woon = facts({ category: 'woonoverlast' });
    const [query] = repeatQueries(soestRoutingRules, 'woonoverlast');
    if (!query) throw new Error('the woonoverlast rule asks for a repeat count');
    expect(query).toEqual({ category: 'woonoverlast', radiusMetres: 25, days: 30 });
    const third = decideRoute(woon, soestRoutingRules, context({ repeatCounts: { [repeatKey(query)]: 3 } }));
    expect(third).toMatchObject({ teamId: 'boa-team', priority: 'hoog' });
    expect(third?.reason).toContain('3 meldingen binnen 25 m in 30 dagen');
    const second = decideRoute(woon, soestRoutingRules, context({ repeatCounts: { [repeatKey(query)]: 2 } }));
    expect(second).toMatchObject({ priority: 'normaal', rule: null });
  });

  it('tells the caller which on-duty statuses the rules need', () => {
    expect(onDutyTeams(soestRoutingRules, 'jeugdoverlast')).toEqual(['boa-team']);
    expect(onDutyTeams(soestRoutingRules, 'woonoverlast')).toEqual([]);
  });
});

describe('default decision (no rule matches)', () => {
  it('equals the worker before rules: the category default team, priority and reason text', () => {
    for (const category of categories) {
      const d = decideRoute(facts({ category: category.id }), [], context());
      expect(d).toMatchObject({
        teamId: category.defaultTeam,
        priority: category.defaultPriority,
        rule: null,
        note: null,
      });
      // The reason the worker stored before rules existed, word for word.
      expect(d?.reason).toBe(`standaardteam voor categorie ${category.label}`);
    }
  });

  it('gives no decision for a category the installation does not know (as the worker does)', () => {
    expect(decideRoute(facts({ category: 'vuurwerk' }), [], context())).toBeUndefined();
  });
});

describe('rule table', () => {
  const j = (f: Partial<Parameters<typeof facts>[0]> = {}) => facts({ category: 'jeugdoverlast', ...f });
  const decide = (rules: Parameters<typeof decideRoute>[1], f = j(), ctx = context()) =>
    decideRoute(f, rules, ctx)?.rule?.id ?? null;

  it('the first active matching rule by position wins; inactive rules are passed over', () => {
    const rules = [
      rule({ id: 'b', position: 2 }),
      rule({ id: 'a', position: 1, active: false }),
      rule({ id: 'c', position: 3 }),
    ];
    expect(decide(rules)).toBe('b');
  });

  it.each([
    ['categories', { categories: ['woonoverlast' as const] }, j(), null],
    ['categories', { categories: ['jeugdoverlast' as const] }, j(), 'r'],
    ['subcategories', { subcategories: ['geluid'] }, j({ subcategory: 'hangen' }), null],
    ['subcategories', { subcategories: ['geluid'] }, j({ subcategory: 'geluid' }), 'r'],
    ['areas', { areaCodes: ['WK034201'] }, j(), null],
    ['areas', { areaCodes: ['WK034201', soesterberg.code] }, j(), 'r'],
    [
      'answers',
      { answers: [{ questionId: 'nu_gaande', equals: true }] },
      j({ answers: { nu_gaande: false } }),
      null,
    ],
    [
      'answers',
      { answers: [{ questionId: 'aantal_personen', equals: 5 }] },
      j({ answers: { aantal_personen: 5 } }),
      'r',
    ],
  ])('condition %s: %j', (_name, conditions, f, expected) => {
    expect(decide([rule({ id: 'r', conditions })], f)).toBe(expected);
  });

  it('holds a time window on the Amsterdam wall clock, across midnight, on happened_at or reported_at', () => {
    // Fri 22:00–02:00 (window starts on Friday). 2026-06-05 is a Friday.
    const window = (on: 'happened_at' | 'reported_at') =>
      rule({ id: 'r', conditions: { time: { weekdays: [5], start: '22:00', end: '02:00', on } } });
    const when = (date: string, time: string) =>
      decide([window('reported_at')], j({ reportedAt: at(date, time) }));
    expect([
      when('2026-06-05', '21:59'),
      when('2026-06-05', '22:00'),
      when('2026-06-06', '01:59'),
      when('2026-06-06', '02:00'),
    ]).toEqual([null, 'r', 'r', null]);
    expect(when('2026-06-06', '23:00')).toBeNull(); // Saturday night is not in it
    const happened = j({ happenedAt: at('2026-06-05', '23:00'), reportedAt: at('2026-06-06', '09:00') });
    expect(decide([window('happened_at')], happened)).toBe('r');
    expect(decide([window('reported_at')], happened)).toBeNull();
    expect(decide([window('happened_at')], j({ reportedAt: at('2026-06-05', '23:00') }))).toBe('r'); // no happened_at: reported
  });

  it('keeps local times in the DST weeks: 23:30 is 23:30 on both sides of the change', () => {
    const late = rule({
      id: 'r',
      conditions: { time: { weekdays: null, start: '22:30', end: '07:00', on: 'reported_at' } },
    });
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      expect(decide([late], j({ reportedAt: at(date, '23:30') })), date).toBe('r');
      expect(decide([late], j({ reportedAt: at(date, '22:15') })), date).toBeNull();
    }
    // The repeated autumn hour: both 02:30s are in the window.
    expect(decide([late], j({ reportedAt: new Date('2026-10-25T00:30:00Z') }))).toBe('r');
    expect(decide([late], j({ reportedAt: new Date('2026-10-25T01:30:00Z') }))).toBe('r');
  });

  it('holds the on-duty condition against the lookup, and reports a missing lookup instead of guessing', () => {
    const r = rule({ id: 'r', conditions: { teamOnDuty: { teamId: 'boa-team', onDuty: false } } });
    expect(decide([r], j(), context({ onDuty: { 'boa-team': false } }))).toBe('r');
    expect(decide([r], j(), context({ onDuty: { 'boa-team': true } }))).toBeNull();
    const d = decideRoute(j(), [r], context({ onDuty: {} }));
    expect(d?.rule).toBeNull();
    expect(d?.skipped).toEqual([
      {
        ruleId: 'r',
        name: 'Regel r',
        version: 1,
        errors: [expect.objectContaining({ field: 'conditions.teamOnDuty' })],
      },
    ]);
  });

  it('carries the version of the rule that decided', () => {
    expect(decideRoute(j(), [rule({ id: 'r', version: 4 })], context())?.rule).toEqual({
      id: 'r',
      name: 'Regel r',
      version: 4,
    });
  });

  it('passes over a rule that became invalid (inactive team, gone area) and reports it', () => {
    const boa = { teamId: 'boa-team', priority: 'hoog' as const, note: null };
    const rules = [
      rule({ id: 'old', position: 1 }), // names the police team, now inactive
      rule({ id: 'gone', position: 2, conditions: { areaCodes: ['WK034299'] }, outcome: boa }),
      rule({ id: 'ok', position: 3, outcome: boa }),
    ];
    const teams = [
      { id: 'politie-basisteam', name: 'Politie', active: false },
      { id: 'boa-team', name: 'Boa', active: true },
    ];
    const d = decideRoute(
      j({ category: 'jeugdoverlast' }),
      rules,
      context({ teams, areas: [{ code: 'WK034299', naam: 'Oud', kind: 'wijk' }] }),
    );
    expect(d?.rule?.id).toBe('ok');
    expect(d?.skipped.map((s) => [s.ruleId, s.errors.map((e) => e.field)])).toEqual([
      ['old', ['outcome.teamId']],
      ['gone', ['conditions.areaCodes.0']],
    ]);
  });
});
