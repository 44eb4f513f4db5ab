import {
  type escalationPolicyBodySchema,
  escalationPolicyViewSchema,
  type Wire,
} from '@buurtsignaal/core/contract';
import { staffRequest } from '../api.ts';

// A team's escalation policy as the console uses it (GET/PUT/DELETE /teams/:id/escalation-policy).

export type EscalationPolicyView = Wire<typeof escalationPolicyViewSchema>;
export type EscalationPolicyInput = Wire<typeof escalationPolicyBodySchema>;

const path = (teamId: string) => `/teams/${encodeURIComponent(teamId)}/escalation-policy`;

export const escalationKeys = { policy: (teamId: string) => ['escalation-policy', teamId] as const };

export const escalationApi = {
  view: (teamId: string) => staffRequest('GET', path(teamId), escalationPolicyViewSchema),
  replace: (teamId: string, policy: EscalationPolicyInput) =>
    staffRequest('PUT', path(teamId), escalationPolicyViewSchema, policy),
  reset: (teamId: string) => staffRequest('DELETE', path(teamId), escalationPolicyViewSchema),
};
