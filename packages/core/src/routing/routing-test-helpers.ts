// Builders for routing tests (not exported from the package).
import { categories, defaultTeams } from '../categories.ts';
import { listWijken } from '../geo/areas.ts';
import { wallClockInstant } from '../time/wall-clock.ts';
import type { MeldingFacts, RoutingContext } from './routing-context.ts';
import type { RoutingRule } from './rule-schema.ts';

export const soesterberg = { code: 'WK034205', naam: 'Soesterberg', kind: 'wijk' as const };
export const knownAreaCodes = new Set(listWijken().map((w) => w.code));

export const at = (date: string, time: string) => wallClockInstant(date, time);

export function facts(f: Partial<MeldingFacts> & Pick<MeldingFacts, 'category'>): MeldingFacts {
  return { subcategory: null, answers: {}, happenedAt: null, reportedAt: at('2026-06-02', '16:00'), ...f };
}

export function context(c: Partial<RoutingContext> = {}): RoutingContext {
  return {
    areas: [soesterberg],
    repeatCounts: {},
    onDuty: { 'boa-team': true, 'politie-basisteam': true },
    categories,
    teams: defaultTeams.map((t) => ({ ...t, active: true })),
    knownAreaCodes,
    ...c,
  };
}

export function rule(r: Partial<RoutingRule> & Pick<RoutingRule, 'id'>): RoutingRule {
  return {
    name: `Regel ${r.id}`,
    version: 1,
    position: 0,
    active: true,
    conditions: {},
    outcome: { teamId: 'politie-basisteam', priority: 'hoog', note: null },
    ...r,
  };
}
