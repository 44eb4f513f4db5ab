// Soest's routing rules as seed data: they show the point of rules and rosters. Team ids as in
// categories.ts (defaultTeams) and the db seed.
import type { RoutingRule } from './rule-schema.ts';

const rule = (r: Omit<RoutingRule, 'version' | 'active'>): RoutingRule => ({
  ...r,
  version: 1,
  active: true,
});
const nuGaande = [{ questionId: 'nu_gaande', equals: true }];

export const soestRoutingRules: readonly RoutingRule[] = [
  rule({
    id: 'soest-jeugd-live-boa',
    name: 'Jeugd live, boa in dienst',
    position: 10,
    conditions: {
      categories: ['jeugdoverlast'],
      answers: nuGaande,
      teamOnDuty: { teamId: 'boa-team', onDuty: true },
    },
    outcome: { teamId: 'boa-team', priority: 'spoed', note: 'Nu gaande: ga er zo snel mogelijk heen.' },
  }),
  rule({
    id: 'soest-jeugd-live-politie',
    name: 'Jeugd live, na boa-diensttijd',
    position: 20,
    conditions: { categories: ['jeugdoverlast'], answers: nuGaande },
    outcome: { teamId: 'politie-basisteam', priority: 'spoed', note: 'Nu gaande; geen boa in dienst.' },
  }),
  rule({
    id: 'soest-verdacht-live',
    name: 'Verdachte situatie, nu gaande',
    position: 30,
    conditions: { categories: ['verdachte_situatie'], answers: nuGaande },
    outcome: { teamId: 'politie-basisteam', priority: 'spoed', note: null },
  }),
  rule({
    id: 'soest-woonoverlast-herhaald',
    name: 'Herhaalde woonoverlast op één adres',
    position: 40,
    conditions: { categories: ['woonoverlast'], repeat: { minCount: 3, radiusMetres: 25, days: 30 } },
    outcome: {
      teamId: 'boa-team',
      priority: 'hoog',
      note: 'Derde melding of meer op dit adres in 30 dagen.',
    },
  }),
];
