import { routingRuleBodySchema } from '@buurtsignaal/core/contract';
import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../api.ts';
import { checkDraft, draftOf, formFieldOf, withFormFields } from './rule-draft.ts';

// The rule form's draft becomes the body the API's contract accepts, and the API's field names land at
// the form's own fields.

const filled = () => ({
  ...draftOf(null),
  name: '  Overlast Soesterberg avond ',
  categories: ['woonoverlast'],
  subcategories: ['geluid', 'persoon'],
  areaCodes: ['WK034205'],
  useTime: true,
  weekdays: ['5', '1'],
  start: '20:00',
  end: '02:00',
  nuGaande: 'true' as const,
  team: 'politie-basisteam',
  priority: 'hoog' as const,
});

describe('the rule form draft', () => {
  it('becomes a body the contract accepts, across midnight, without subcategories of other categories', () => {
    const { found, body } = checkDraft(filled(), null);
    expect(found).toEqual({});
    expect(routingRuleBodySchema.safeParse(body).success).toBe(true);
    expect(body?.name).toBe('Overlast Soesterberg avond');
    expect(body?.conditions).toEqual({
      categories: ['woonoverlast'],
      subcategories: ['geluid'],
      areaCodes: ['WK034205'],
      time: { weekdays: [1, 5], start: '20:00', end: '02:00', on: 'happened_at' },
      answers: [{ questionId: 'nu_gaande', equals: true }],
    });
    expect(body?.outcome).toEqual({ teamId: 'politie-basisteam', priority: 'hoog', note: null });
  });

  it('finds what is missing or malformed before sending', () => {
    const { found, body } = checkDraft(
      { ...filled(), name: ' ', end: '24:00', useRepeat: true, repeatCount: '1', onDuty: 'yes', team: '' },
      null,
    );
    expect(body).toBeNull();
    expect(Object.keys(found).sort()).toEqual(['end', 'name', 'onDuty', 'repeatCount', 'team']);
  });

  it('keeps answer conditions it does not edit', () => {
    const rule = {
      id: 'r1',
      name: 'Groep',
      version: 2,
      rank: 1,
      position: 10,
      active: true,
      conditions: { answers: [{ questionId: 'aantal_personen', equals: 6 }] },
      outcome: { teamId: 'boa-team', priority: 'normaal' as const, note: null },
      team: { id: 'boa-team', name: 'Boa-team Soest' },
      invalid: false,
      invalidSince: null,
      problems: [],
      routedLast30Days: 0,
      versionCreatedAt: '2026-12-01T10:00:00.000Z',
    };
    const { body } = checkDraft({ ...draftOf(rule), nuGaande: 'false' }, rule);
    expect(body?.conditions.answers).toEqual([
      { questionId: 'aantal_personen', equals: 6 },
      { questionId: 'nu_gaande', equals: false },
    ]);
  });

  it("puts the API's field names at the form's fields", () => {
    expect(formFieldOf('conditions.areaCodes.0')).toBe('areas');
    expect(formFieldOf('conditions.time.end')).toBe('end');
    expect(formFieldOf('conditions.time')).toBe('start');
    expect(formFieldOf('outcome.teamId')).toBe('team');
    expect(formFieldOf('conditions.teamOnDuty.teamId')).toBe('onDuty');
    expect(formFieldOf('something.else')).toBeNull();
    const err = withFormFields(
      new StaffApiError(400, 'ROUTING_RULE_INVALID', 'Het gebied WK034299 is onbekend.', [
        { field: 'conditions.areaCodes.0', message: 'Het gebied WK034299 is onbekend.' },
      ]),
    );
    expect(err instanceof StaffApiError && err.fieldErrors()).toEqual({
      areas: 'Het gebied WK034299 is onbekend.',
    });
  });
});
