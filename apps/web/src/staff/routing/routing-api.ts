import {
  areaListSchema,
  draftDryRunResponseSchema,
  type dryRunBodySchema,
  dryRunResponseSchema,
  meldingDetailSchema,
  type routingRuleBodySchema,
  routingRulesResponseSchema,
  routingRuleViewSchema,
  teamListSchema,
  type Wire,
} from '@buurtsignaal/core/contract';
import { StaffApiError, staffRequest } from '../api.ts';

// The routing rules, the dry run, a draft's what-if and "opnieuw indelen" as the console uses them
// (apps/api/src/routes/staff/routing*.routes.ts). Every reply is parsed with the contract.

export type RoutingRule = Wire<typeof routingRuleViewSchema>;
export type RoutingRuleInput = Wire<typeof routingRuleBodySchema>;
export type DryRunInput = Wire<typeof dryRunBodySchema>;
export type DryRunResult = Wire<typeof dryRunResponseSchema>;
export type DraftResult = Wire<typeof draftDryRunResponseSchema>;
export type AreaList = Wire<typeof areaListSchema>;
export type RosterTeam = Wire<typeof teamListSchema>['teams'][number];

const rule = (id: string, action = '') => `/routing/rules/${encodeURIComponent(id)}${action}`;

export const routingApi = {
  rules: async () => (await staffRequest('GET', '/routing/rules', routingRulesResponseSchema)).items,
  create: (input: RoutingRuleInput) => staffRequest('POST', '/routing/rules', routingRuleViewSchema, input),
  revise: (id: string, input: RoutingRuleInput) =>
    staffRequest('PUT', rule(id), routingRuleViewSchema, input),
  setActive: (id: string, active: boolean) =>
    staffRequest('POST', rule(id, active ? '/activate' : '/deactivate'), routingRuleViewSchema, {}),
  reorder: async (ids: string[]) =>
    (await staffRequest('POST', '/routing/rules/reorder', routingRulesResponseSchema, { ids })).items,
  dryRun: (input: DryRunInput) => staffRequest('POST', '/routing/dry-run', dryRunResponseSchema, input),
  draft: (input: { rule: RoutingRuleInput; replaces?: string }) =>
    staffRequest('POST', '/routing/dry-run/draft', draftDryRunResponseSchema, input),
  areas: () => staffRequest('GET', '/areas', areaListSchema),
  teams: async () => (await staffRequest('GET', '/teams', teamListSchema)).teams,
  reroute: (meldingId: string, reason: string) =>
    staffRequest('POST', `/meldingen/${encodeURIComponent(meldingId)}/reroute`, meldingDetailSchema, {
      reason,
    }),
};

/** Query keys of this part of the console (invalidation goes by their prefixes). */
export const routingKeys = {
  rules: ['routing-rules'] as const,
  areas: ['areas'] as const,
  teams: ['teams'] as const,
};

/** An API refusal with its details' fields renamed to a form's own (so they show at those fields). */
export function renameFields(err: unknown, fieldOf: (apiField: string) => string | null): unknown {
  if (!(err instanceof StaffApiError)) return err;
  const details = err.details.map((d) => ({ ...d, field: fieldOf(d.field) ?? d.field }));
  return new StaffApiError(err.status, err.code, err.message, details);
}
