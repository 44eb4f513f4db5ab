import {
  type adviceDecisionBodySchema,
  adviceDecisionResultSchema,
  patrolTaskListSchema,
  patrolTaskViewSchema,
  rosterAdviceViewSchema,
  type Wire,
} from '@buurtsignaal/core/contract';
import { apiUrl } from '../../runtime-config.ts';
import { qs, staffRequest } from '../api.ts';

// The roster advice routes as the console uses them (issue 13); every reply parsed with the contract.

export type RosterAdvice = Wire<typeof rosterAdviceViewSchema>;
export type PatrolWindow = RosterAdvice['patrolWindows'][number];
export type RosterProposal = RosterAdvice['rosterProposals'][number];
export type AdvicePlace = PatrolWindow['places'][number];
export type AdviceDecision = NonNullable<PatrolWindow['decision']>;
export type Evaluation = RosterAdvice['evaluated'][number];
export type DecisionInput = Wire<typeof adviceDecisionBodySchema>;
export type PatrolTask = Wire<typeof patrolTaskViewSchema>;

export const adviceApi = {
  advice: (team: string, week: string) =>
    staffRequest('GET', `/roster-advice${qs({ team, week })}`, rosterAdviceViewSchema),
  decide: (input: DecisionInput) =>
    staffRequest('POST', '/roster-advice/decisions', adviceDecisionResultSchema, input),
  tasks: () => staffRequest('GET', '/patrol-tasks', patrolTaskListSchema),
  visited: (id: string) =>
    staffRequest('POST', `/patrol-tasks/${encodeURIComponent(id)}/visited`, patrolTaskViewSchema, {}),
};

export const adviceCsvUrl = (team: string, week: string): string =>
  apiUrl(`/api/v1/staff/roster-advice${qs({ team, week, format: 'csv' })}`);

export const adviceKeys = {
  all: ['roster-advice'] as const,
  advice: (team: string, week: string) => ['roster-advice', team, week] as const,
  tasks: ['patrol-tasks'] as const,
};
