import { defaultEscalationPolicy, type EscalationPolicy, escalationPolicySchema } from '@buurtsignaal/core';
import type { EscalationPolicyView } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  findEscalationPolicy,
  listTeams,
  setEscalationPolicy,
} from '@buurtsignaal/db/tables/teams-repository';
import { ApiError } from '../errors.ts';
import { escalationTexts, rosterTexts } from '../texts/index.ts';

// A team's escalation policy for the coordinator: read (the default when it has none), replace after
// core's schema (the route) and the checks that need the database (the teams a level names), or reset.

export interface EscalationPolicyService {
  view(teamId: string): Promise<EscalationPolicyView>;
  replace(teamId: string, policy: EscalationPolicy): Promise<EscalationPolicyView>;
  reset(teamId: string): Promise<EscalationPolicyView>;
}

export function createEscalationPolicyService(deps: {
  db: DbOrTx;
  now: () => Date;
}): EscalationPolicyService {
  const { db, now } = deps;
  const notFound = () => new ApiError(404, 'TEAM_NOT_FOUND', rosterTexts.teamNotFound);
  const view = async (teamId: string): Promise<EscalationPolicyView> => {
    const stored = await findEscalationPolicy(db, teamId);
    if (!stored) throw notFound();
    const parsed = escalationPolicySchema.safeParse(stored.policy);
    const teams = await listTeams(db);
    return {
      teamId,
      policy: parsed.success ? parsed.data : defaultEscalationPolicy,
      isDefault: !parsed.success,
      otherTeams: teams.filter((t) => t.id !== teamId).map((t) => ({ id: t.id, name: t.name })),
    };
  };
  return {
    view,
    async replace(teamId, policy) {
      const known = new Set((await listTeams(db)).map((t) => t.id));
      if (!known.has(teamId)) throw notFound();
      const problems = policy.levels.flatMap((level, i) =>
        level.targets.flatMap((target, j) => {
          if (!target.startsWith('team:')) return [];
          const id = target.slice('team:'.length);
          const field = `levels.${i}.targets.${j}`;
          if (id === teamId) return [{ field, message: escalationTexts.ownTeam }];
          return known.has(id) ? [] : [{ field, message: escalationTexts.unknownTeam(id) }];
        }),
      );
      const [first] = problems;
      if (first) throw new ApiError(400, 'INVALID_ESCALATION_TARGET', first.message, problems);
      await setEscalationPolicy(db, teamId, policy, now());
      return view(teamId);
    },
    async reset(teamId) {
      if (!(await setEscalationPolicy(db, teamId, null, now()))) throw notFound();
      return view(teamId);
    },
  };
}
