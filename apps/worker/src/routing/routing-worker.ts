import { randomUUID } from 'node:crypto';
import {
  canTransition,
  defaultGroupingSettings,
  type GroupingSettings,
  isMeldingStatus,
} from '@buurtsignaal/core';
import { type Db, notifyOutbox } from '@buurtsignaal/db';
import type { ConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { routingInputOf } from '@buurtsignaal/db/queries/routing/routing-facts';
import {
  decisionFields,
  findAssignmentByRoutingKey,
  recordAssignment,
} from '@buurtsignaal/db/tables/assignments-repository';
import { lockMeldingForRouting } from '@buurtsignaal/db/tables/meldingen-repository';
import type { RosterJob, RoutingJob } from '@buurtsignaal/jobs';
import { type Job, UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { recordAssignedEvent, wakeConsoles } from '../dispatch/console-events.ts';
import { type GroupingOutcome, groupOnRouting } from '../grouping/grouping-on-routing.ts';
import { deadlineForRouting } from './routing-deadline.ts';
import { decideRouting, type RoutingResult, syncRuleFlags } from './routing-service.ts';

export interface RoutingDeps {
  db: Db;
  now: () => Date;
  /** Puts the assignment on the team's roster queue; must be idempotent per assignment id. */
  enqueueRoster: (job: RosterJob) => Promise<void>;
  logger: Logger;
  /** One incident, many reports: grouping of a new melding (default 150 m, 30 min); false: never. */
  grouping?: GroupingSettings | false;
  /** Rules, teams, areas and rosters from memory (config-cache.ts); without: read fresh for each melding. */
  config?: ConfigCache | undefined;
}

export type RoutingOutcome =
  | { kind: 'assigned' | 'already-assigned'; assignmentId: string; teamId: string; priority: string }
  | { kind: 'not-routable'; status: string }
  | { kind: 'melding-missing' };

export const routingKeyFor = (statusEventId: number) => `event-${statusEventId}`;

/**
 * Routes one melding for one status event. Safe to run any number of times: the routing key is unique,
 * so a second run (a retry, a duplicate job, a worker that died after the commit) finds the assignment
 * and only makes sure it is on the roster queue.
 */
export async function routeMelding(deps: RoutingDeps, job: RoutingJob): Promise<RoutingOutcome> {
  const routingKey = routingKeyFor(job.statusEventId);
  let routed: RoutingResult | undefined;
  let grouping = { kind: 'alone' } as GroupingOutcome;
  const outcome = await deps.db.transaction(async (tx): Promise<RoutingOutcome> => {
    const melding = await lockMeldingForRouting(tx, job.meldingId, routingKey);
    if (!melding) return { kind: 'melding-missing' };
    const { existing } = melding;
    if (existing) {
      return {
        kind: 'already-assigned',
        assignmentId: existing.id,
        teamId: existing.teamId,
        priority: existing.priority,
      };
    }
    // Staff may have claimed or cancelled the melding before routing ran: then there is nothing to route.
    if (!isMeldingStatus(melding.status) || !canTransition(melding.status, 'ingedeeld')) {
      return { kind: 'not-routable', status: melding.status };
    }
    const at = deps.now();
    routed = await decideRouting(tx, routingInputOf(melding), at, await deps.config?.view(tx));
    if (!routed) throw new UnrecoverableError(`no routing for category ${melding.category}`);
    const { decision } = routed;
    const assignmentId = randomUUID();
    const created = await recordAssignment(tx, {
      id: assignmentId,
      meldingId: melding.id,
      routingKey,
      ...decisionFields(decision),
      fromStatus: melding.status,
      at,
      deadlineAt: deadlineForRouting(decision.priority, at),
    });
    // The event as routed, before grouping (its lock, staff-events-repository.ts, is held from here to
    // the commit). Grouping locks the primary's row: a dispatch event of that primary holding the event
    // lock checks its foreign key against that row, which FOR NO KEY UPDATE lets through
    // (meldingen-repository.ts; event-lock-order.test.ts).
    if (created) {
      const previousTeamId = melding.teamId;
      await recordAssignedEvent(tx, { meldingId: melding.id, assignmentId, at, previousTeamId });
    }
    if (!created) {
      // Unreachable while the melding lock is held; kept so that a future caller without it stays correct.
      const winner = await findAssignmentByRoutingKey(tx, routingKey);
      if (!winner) throw new Error(`assignment ${routingKey} vanished`);
      return {
        kind: 'already-assigned',
        assignmentId: winner.id,
        teamId: winner.teamId,
        priority: winner.priority,
      };
    }
    // In the same transaction: a job that runs twice takes the 'already-assigned' path and groups once.
    grouping = await groupOnRouting(tx, {
      meldingId: melding.id,
      fromStatus: melding.status,
      at,
      settings: deps.grouping ?? defaultGroupingSettings,
      subject: {
        id: melding.id,
        reference: melding.reference,
        category: melding.category,
        teamId: decision.teamId,
        lat: melding.lat,
        lng: melding.lng,
        reportedAt: melding.createdAt,
      },
    });
    return { kind: 'assigned', assignmentId, teamId: decision.teamId, priority: decision.priority };
  });
  // Joining a group in behandeling claimed this melding too: its melder hears of it.
  if (grouping.kind === 'grouped' && grouping.claimed) await notifyOutbox(deps.db);
  // Members of the group it left were dispatched again: their outbox rows go out now.
  if (grouping.kind === 'left' && grouping.redispatched > 0) await notifyOutbox(deps.db);

  if (outcome.kind === 'assigned' || outcome.kind === 'already-assigned') {
    // After the commit: the roster job may only exist for a stored assignment. A crash right here is
    // repaired by the retry, which takes the 'already-assigned' path and adds the same job id.
    await deps.enqueueRoster({
      meldingId: job.meldingId,
      assignmentId: outcome.assignmentId,
      teamId: outcome.teamId,
      priority: outcome.priority,
    });
  }
  // The officer's way first (the roster job above); then the consoles' queue, and a rule found invalid
  // is flagged for the console (after the commit, outside the melding's lock).
  if (outcome.kind === 'assigned') await wakeConsoles(deps.db, deps.logger);
  if (outcome.kind === 'assigned' && routed) await syncRuleFlags(deps.db, routed, deps.now(), deps.logger);
  deps.logger.info(
    {
      meldingId: job.meldingId,
      statusEventId: job.statusEventId,
      outcome: outcome.kind,
      grouping: grouping.kind,
    },
    'routed',
  );
  return outcome;
}

export function createRoutingProcessor(deps: RoutingDeps): (job: Job<RoutingJob>) => Promise<RoutingOutcome> {
  return (job) => routeMelding(deps, job.data);
}
