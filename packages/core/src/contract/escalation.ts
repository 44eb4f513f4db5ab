import { z } from 'zod';
import { escalationPolicySchema } from '../dispatch/escalation-policy.ts';

// The contract of a team's escalation policy (GET/PUT/DELETE /api/v1/staff/teams/:id/escalation-policy):
// the body is core's own schema, so the API refuses what the dispatcher could not run.

export const escalationPolicyBodySchema = escalationPolicySchema.meta({ id: 'EscalationPolicyBody' });

export const escalationPolicyViewSchema = z
  .object({
    teamId: z.string(),
    /** The policy the dispatcher runs: the team's own, or the default when it has none. */
    policy: escalationPolicySchema,
    /** true: the team has no policy of its own (or a stored one no longer parses). */
    isDefault: z.boolean(),
    /** The teams a level can name ("team:<id>"): every other team. */
    otherTeams: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'EscalationPolicyView' });

export type EscalationPolicyView = z.output<typeof escalationPolicyViewSchema>;
